-- P3: POST /functions/v1/registrations {eventId} as the `registrations` function runs it (one
-- transaction, postgres.js unnamed statements): claims, the event read AS THE CALLER with their
-- standing (RLS), then private.register_for_event under the event lock (it commits
-- asynchronously, without its announcement), then private.announce_registration() in its own
-- transaction before the answer (notification and e-mail written, everything on disk). The next of the 200
-- storm users comes from a sequence (outside the measured request's transaction).
-- A client's first transaction (transaction 0 in the log, left out of the numbers) warms its
-- connection like the function's pooled connections are warm: the same path on its own warm-up
-- event (no queue: 50 first registrations in cold backends would otherwise wait on one lock).
-- It then waits until all :clients connections are warm, so the storm is 200 registrations from
-- warm connections arriving together (measured without the wait: the last warm-ups ended up to
-- 580 ms after the first storm registration began, their CPU counted in the storm's span).
\if :warmed = 0
\set wid :warmbase - :client_id
begin;
select set_config('request.jwt.claims', bench.claims(90501 + :client_id), true);
set local role authenticated;
select e.*, private.is_active() as caller_is_active, private.is_admin() as caller_is_admin, private.is_event_team(e.id) as caller_is_team from public.events e where e.id = md5('event:' || :wid)::uuid;
reset role;
select participant ->> 'id' as pid from private.register_for_event(md5('event:' || :wid)::uuid, md5('user:' || 90501 + :client_id)::uuid, now()) \gset
commit;
select private.announce_registration(:pid);
select bench.wait_for_warm_clients(:clients);
\set warmed 1
\else
select nextval('bench.storm_seq')::integer + 90300 as n \gset
begin;
select set_config('request.jwt.claims', bench.claims(:n), true);
set local role authenticated;
select e.*, private.is_active() as caller_is_active, private.is_admin() as caller_is_admin, private.is_event_team(e.id) as caller_is_team from public.events e where e.id = :event;
reset role;
select participant ->> 'id' as pid from private.register_for_event(:event, md5('user:' || :n)::uuid, now()) \gset
commit;
select private.announce_registration(:pid);
\endif
