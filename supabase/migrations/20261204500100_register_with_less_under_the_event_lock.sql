-- Purpose: the registration storm (issue 16): fewer statements while the event row is locked,
-- and the lock no longer held through the commit's disk flush.
-- Registrations for one event queue on the event row lock (that is what keeps capacity and the
-- FIFO waitlist exact), so throughput = 1 / (time the lock is held). Measured per registration
-- under the lock before this change: the event read and lock, then counting every seat of the
-- event three times (register_for_event's taken_seats, prepare_participant's count, and
-- refresh_participant_count's recount), counting the waitlist, reading every row for
-- max(waitlist_position), rewriting the event row even for a waitlisted registration, the
-- notification and outbox inserts, and finally the commit's WAL flush (7 ms on this disk under
-- load) — all before the next registration could start.
-- Now:
--  * the seat count is events.participant_count, kept exact by refresh_participant_count, which
--    adds or subtracts one under the same row lock instead of recounting, and only when a row
--    starts or stops taking a seat (a waitlisted registration no longer rewrites the event);
--  * "is anyone waiting" is one probe of event_participants_event_status_idx, the next waitlist
--    position one probe of the new partial index event_participants_waitlist_idx;
--  * the account check runs before the lock (it does not depend on the event);
--  * private.register_for_event marks its transaction synchronous_commit = off, so the commit
--    releases the lock as soon as its WAL record is written; the caller then runs
--    private.await_durable() (a WAL-writing transaction with a synchronous commit), which returns
--    once everything before it — this registration included — is flushed, so the client is
--    answered only after the registration is durable. Concurrent registrations share those
--    flushes (group commit) instead of taking turns. A crash loses a suffix of the WAL, never a
--    hole: a registration is lost only together with every later one, and none of them was
--    answered; the count and the waitlist stay exact.
-- Rules, errors, notifications and e-mails are unchanged (supabase/tests/registrations/*,
-- event_participants/*; scripts/check-capacity-race.mjs for the lock under real concurrency).
--  * the sponsorship count trigger fires only for sponsor rows (its own comment said so, but it
--    recounted and rewrote the registrant's profile on every registration, under the lock).
-- Touches: replaces private.register_for_event, private.prepare_participant,
-- private.refresh_participant_count (same signatures); new function private.await_durable;
-- new index event_participants_waitlist_idx; trigger event_participants_refresh_sponsorships
-- replaced by three with WHEN conditions (same function).

create index event_participants_waitlist_idx on public.event_participants (event_id, waitlist_position)
  where waitlist_position is not null;

create or replace function private.refresh_participant_count() returns trigger
language plpgsql set search_path = '' as $$
declare
  audience constant public.event_participant_role[] := array['audience', 'student', 'teacher'];
  seat constant public.event_participant_status[] := array['accepted', 'attended'];
  had_seat integer := case when tg_op <> 'INSERT' and old.role = any (audience) and old.status = any (seat) then 1 else 0 end;
  has_seat integer := case when tg_op <> 'DELETE' and new.role = any (audience) and new.status = any (seat) then 1 else 0 end;
begin
  -- An UPDATE of the count is atomic under the row lock (read committed re-reads the newest
  -- version), so adding the change is as exact as recounting, without reading every seat.
  if has_seat <> had_seat then
    update public.events e set participant_count = e.participant_count + (has_seat - had_seat)
    where e.id = case when tg_op = 'DELETE' then old.event_id else new.event_id end;
  end if;
  return null;
end $$;

create or replace function private.prepare_participant() returns trigger
language plpgsql set search_path = '' as $$
declare
  audience constant public.event_participant_role[] := array['audience', 'student', 'teacher'];
  seat constant public.event_participant_status[] := array['accepted', 'attended'];
  takes_seat boolean := new.role = any (audience) and new.status = any (seat);
  took_seat boolean := tg_op = 'UPDATE' and old.role = any (audience) and old.status = any (seat);
  capacity integer;
  event_title text;
  taken integer;
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status and new.role is not distinct from old.role
     and new.waitlist_position is not distinct from old.waitlist_position then
    return new;
  end if;
  -- Every status/role change locks the event row first: concurrent registrations queue here, so
  -- the count below cannot be stale. `no key update` still lets foreign-key checks through.
  -- participant_count is the seats taken (kept by refresh_participant_count under this lock).
  select e.max_participant, e.title, e.participant_count into capacity, event_title, taken
  from public.events e where e.id = new.event_id for no key update;

  -- Walk-ins are an on-site call and ignore capacity (DOMAIN.md §8 #4); they still count.
  -- This row does not hold a seat yet (takes_seat and not took_seat), so it is not in `taken`.
  if takes_seat and not took_seat and capacity is not null and new.join_method <> 'walk_in' then
    if taken >= capacity then
      raise exception using errcode = 'check_violation', constraint = 'event_participants_capacity_available',
        table = 'event_participants',
        message = pg_catalog.format('Cannot accept another participant for event "%s": all %s seats are taken',
          event_title, capacity);
    end if;
  end if;

  if new.status = 'waitlisted' then
    if tg_op = 'INSERT' or old.status <> 'waitlisted' or new.waitlist_position is null then
      -- Only waitlisted rows carry a position (this trigger clears it otherwise).
      select coalesce((select p.waitlist_position from public.event_participants p
                       where p.event_id = new.event_id and p.waitlist_position is not null
                       order by p.waitlist_position desc limit 1), 0) + 1  -- event_participants_waitlist_idx
      into new.waitlist_position;
    end if;
  else
    new.waitlist_position := null;
  end if;

  if new.status = 'attended' and (tg_op = 'INSERT' or old.status <> 'attended') then
    new.attended_at := coalesce(new.attended_at, pg_catalog.now());
  end if;
  if tg_op = 'UPDATE' and old.status = 'pending' and new.status <> 'pending' then
    new.responded_at := pg_catalog.now();
  end if;
  return new;
end $$;

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
  -- after private.await_durable() (see the migration's header). Transaction-local.
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

  insert into public.event_participants (event_id, user_id, role, join_method, status, payment_status)
  values (e.id, register_for_event.user_id, 'audience', 'registered', new_status, new_payment)
  returning * into inserted;

  if new_status = 'accepted' then
    perform private.notify(e.organizer_id, 'participant_joined',
      pg_catalog.format('Someone joined "%s"', e.title), pg_catalog.format('/events/%s/participants', e.id),
      pg_catalog.jsonb_build_object('event_id', e.id, 'user_id', register_for_event.user_id), register_for_event.user_id);
    perform private.enqueue_lifecycle_email(register_for_event.user_id, 'event_registered',
      private.event_email_data(e.id), inserted.id::text);
  elsif new_status = 'pending' then
    perform private.notify(e.organizer_id, 'join_request',
      pg_catalog.format('Someone asks to join "%s"', e.title), pg_catalog.format('/events/%s/participants', e.id),
      pg_catalog.jsonb_build_object('event_id', e.id, 'user_id', register_for_event.user_id), register_for_event.user_id);
    perform private.enqueue_lifecycle_email(register_for_event.user_id, 'event_request_received',
      private.event_email_data(e.id), inserted.id::text);
  else
    perform private.enqueue_lifecycle_email(register_for_event.user_id, 'participation_decision',
      private.event_email_data(e.id) || '{"about": "request", "decision": "waitlisted"}', inserted.id::text);
  end if;

  return query select pg_catalog.to_jsonb(inserted), true;
end $$;
comment on function private.register_for_event(uuid, uuid, timestamptz) is
  'Self-registration under the event lock: accepted / pending / waitlisted (FIFO). Idempotent per (event, user). Commits asynchronously: call private.await_durable() after the commit before answering.';

-- Returns once every transaction committed before it is on disk: a transactional WAL record
-- (an empty logical message, ignored by any decoder) makes this transaction's commit flush the
-- WAL up to itself; concurrent callers share one flush. Run it in its own transaction (a
-- statement outside begin … commit), after the registration's commit.
create function private.await_durable() returns void
language sql volatile security definer set search_path = '' as $$
  select from pg_catalog.pg_logical_emit_message(true, 'atas.durable', '')
$$;
comment on function private.await_durable() is
  'Flushes the WAL up to this point (synchronous commit of a one-record transaction); after an asynchronous commit, the caller''s proof of durability.';
revoke all on function private.await_durable() from public, anon, authenticated;
grant execute on function private.await_durable() to service_role;

-- Only rows that are or were sponsor rows can change a sponsorship count: say so in WHEN, so
-- an audience registration does not recount and rewrite the registrant's profile.
drop trigger event_participants_refresh_sponsorships on public.event_participants;
create trigger event_participants_refresh_sponsorships_on_insert after insert on public.event_participants
  for each row when (new.role = 'sponsor') execute function private.refresh_sponsorships_count();
create trigger event_participants_refresh_sponsorships_on_update after update of status, role, user_id on public.event_participants
  for each row when (old.role = 'sponsor' or new.role = 'sponsor') execute function private.refresh_sponsorships_count();
create trigger event_participants_refresh_sponsorships_on_delete after delete on public.event_participants
  for each row when (old.role = 'sponsor') execute function private.refresh_sponsorships_count();
