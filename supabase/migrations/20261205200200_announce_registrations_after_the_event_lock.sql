-- Purpose: the registration storm (issue 16): the event lock is held for the decision only.
-- Registrations for one event queue on the event row lock, so throughput is 1 / (time the lock is
-- held). Uncontended, a registration held it ~1.8 ms, half of it writing the announcement: the
-- organizer's notification (0.49 ms) and the registrant's e-mail in the outbox (0.43 ms). Neither
-- decides anything, so they move out of the locked transaction, and nothing is ever lost:
--  * under the lock, register_for_event decides (accepted / pending / waitlisted, FIFO position),
--    inserts the participant row and a row in private.registration_announcements (the decision
--    still to be announced), and commits;
--  * right after the commit, the caller runs private.announce_registration(participant id): it
--    claims the relay row (delete … returning: exactly once, whoever comes first) and writes the
--    notification and the e-mail of that decision, then commits synchronously, so the answer
--    still waits until the registration and its announcement are on disk (it replaces
--    private.await_durable() after a registration);
--  * a caller that dies between the two steps leaves the relay row: the pg_cron job
--    atas_announce_registrations announces every decision older than a minute; a retried
--    registration (idempotent) announces it at once.
-- The participant row's created_at is now the decision time (clock_timestamp() under the lock,
-- strictly increasing in decision order) instead of the transaction's start: arrival order is
-- the order seats and waitlist positions were given.
-- Touches: new table private.registration_announcements; new functions
-- private.announce_registration(uuid), private.announce_due_registrations(timestamptz);
-- replaces private.register_for_event (same signature and answer); cron job
-- atas_announce_registrations where pg_cron exists.

create table private.registration_announcements (
  participant_id uuid primary key references public.event_participants (id) on delete cascade,
  decision public.event_participant_status not null,
  decided_at timestamptz not null default pg_catalog.clock_timestamp()
);
comment on table private.registration_announcements is
  'Registration decisions committed but not yet announced (notification + e-mail); claimed by private.announce_registration.';
create index registration_announcements_decided_idx on private.registration_announcements (decided_at);
alter table private.registration_announcements enable row level security;
revoke all on private.registration_announcements from public, anon, authenticated;

create or replace function private.register_for_event(event_id uuid, user_id uuid, at_time timestamptz default pg_catalog.now())
returns table (participant jsonb, created boolean)
language plpgsql
set search_path = ''
as $$
declare
  e public.events;
  existing public.event_participants;
  new_status public.event_participant_status;
  new_payment public.payment_status;
  inserted public.event_participants;
  closed_because text;
  account_active boolean;
begin
  -- Before the lock: nothing here depends on the event's seats.
  account_active := exists (select 1 from public.users u where u.id = register_for_event.user_id
                            and u.status = 'active' and u.deleted_at is null);

  select * into e from public.events ev where ev.id = register_for_event.event_id for no key update;
  if not found or e.deleted_at is not null then
    raise exception using errcode = 'no_data_found',
      message = pg_catalog.format('Cannot register for event "%s": it does not exist', register_for_event.event_id);
  end if;

  select * into existing from public.event_participants p
  where p.event_id = e.id and p.user_id = register_for_event.user_id;
  if found then
    return query select pg_catalog.to_jsonb(existing), false;
    return;
  end if;

  if not account_active then
    raise exception using errcode = 'insufficient_privilege',
      message = pg_catalog.format('Cannot register for event "%s": the account is not active', e.title);
  end if;

  closed_because := case
    when e.status <> 'published' then pg_catalog.format('it is %s', e.status)
    when e.visibility <> 'public' then 'it is private: ask the organizer for an invitation'
    when e.start_datetime <= register_for_event.at_time then 'it has already started'
    when e.registration_status <> 'opened' then 'registration is closed'
  end;
  if closed_because is not null then
    raise exception using errcode = 'check_violation', constraint = 'registration_closed', table = 'events',
      message = pg_catalog.format('Cannot register for event "%s": %s', e.title, closed_because);
  end if;

  -- The commit releases the event lock without waiting for the disk; the caller answers only
  -- after private.announce_registration(), which commits synchronously. Transaction-local.
  perform pg_catalog.set_config('synchronous_commit', 'off', true);

  -- Newcomers never overtake the waitlist, even if a seat is momentarily free. Seats taken =
  -- participant_count (read under the lock above).
  if e.max_participant is not null
     and (e.participant_count >= e.max_participant
          or exists (select 1 from public.event_participants p where p.event_id = e.id and p.status = 'waitlisted')) then
    new_status := 'waitlisted';
  elsif e.registration_type = 'paid' then
    new_status := 'pending';
    new_payment := 'pending';
  elsif not e.auto_accept_registration then
    new_status := 'pending';
  else
    new_status := 'accepted';
  end if;

  insert into public.event_participants (event_id, user_id, role, join_method, status, payment_status, created_at)
  values (e.id, register_for_event.user_id, 'audience', 'registered', new_status, new_payment, pg_catalog.clock_timestamp())
  returning * into inserted;

  insert into private.registration_announcements (participant_id, decision) values (inserted.id, new_status);

  return query select pg_catalog.to_jsonb(inserted), true;
end $$;
comment on function private.register_for_event(uuid, uuid, timestamptz) is
  'Self-registration under the event lock: accepted / pending / waitlisted (FIFO). Idempotent per (event, user). Commits asynchronously: call private.announce_registration(participant id) after the commit, before answering.';

create function private.announce_registration(participant_id uuid) returns boolean
language plpgsql security definer set search_path = '' as $$
declare
  decided public.event_participant_status;
  claimed boolean;
  p public.event_participants;
  ev record;
begin
  delete from private.registration_announcements a where a.participant_id = announce_registration.participant_id
  returning a.decision into decided;
  claimed := found;
  if claimed then
    select * into p from public.event_participants ep where ep.id = announce_registration.participant_id;
    select e.id, e.title, e.organizer_id into ev from public.events e where e.id = p.event_id;
    if decided = 'accepted' then
      perform private.notify(ev.organizer_id, 'participant_joined',
        pg_catalog.format('Someone joined "%s"', ev.title), pg_catalog.format('/events/%s/participants', ev.id),
        pg_catalog.jsonb_build_object('event_id', ev.id, 'user_id', p.user_id), p.user_id);
      perform private.enqueue_lifecycle_email(p.user_id, 'event_registered', private.event_email_data(ev.id), p.id::text);
    elsif decided = 'pending' then
      perform private.notify(ev.organizer_id, 'join_request',
        pg_catalog.format('Someone asks to join "%s"', ev.title), pg_catalog.format('/events/%s/participants', ev.id),
        pg_catalog.jsonb_build_object('event_id', ev.id, 'user_id', p.user_id), p.user_id);
      perform private.enqueue_lifecycle_email(p.user_id, 'event_request_received', private.event_email_data(ev.id), p.id::text);
    else
      perform private.enqueue_lifecycle_email(p.user_id, 'participation_decision',
        private.event_email_data(ev.id) || '{"about": "request", "decision": "waitlisted"}', p.id::text);
    end if;
  end if;
  -- A WAL record in every case, so this transaction's synchronous commit flushes everything
  -- before it (the registration's asynchronous commit included) even when nothing was due.
  perform pg_catalog.pg_logical_emit_message(true, 'atas.durable', '');
  return claimed;
end $$;
comment on function private.announce_registration(uuid) is
  'Writes the notification and e-mail of a committed registration decision, exactly once; commits durably. Run after register_for_event''s commit.';
revoke all on function private.announce_registration(uuid) from public, anon, authenticated;
grant execute on function private.announce_registration(uuid) to service_role;

create function private.announce_due_registrations(decided_before timestamptz default pg_catalog.now() - interval '1 minute')
returns integer
language plpgsql security definer set search_path = '' as $$
declare
  due uuid;
  announced integer := 0;
begin
  for due in select a.participant_id from private.registration_announcements a
             where a.decided_at < announce_due_registrations.decided_before order by a.decided_at
  loop
    if private.announce_registration(due) then
      announced := announced + 1;
    end if;
  end loop;
  return announced;
end $$;
comment on function private.announce_due_registrations(timestamptz) is
  'The sweeper: announces registration decisions whose caller did not (crashed between commit and announcement).';
revoke all on function private.announce_due_registrations(timestamptz) from public, anon, authenticated;
grant execute on function private.announce_due_registrations(timestamptz) to service_role;

do $$
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    raise notice 'pg_cron is not installed: atas_announce_registrations is not scheduled';
    return;
  end if;
  perform cron.schedule('atas_announce_registrations', '* * * * *', 'select private.announce_due_registrations()');
end;
$$;

-- announce_registration is the registration's proof of durability now; nothing else used this.
drop function private.await_durable();
