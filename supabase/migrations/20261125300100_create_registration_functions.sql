-- Purpose: the rule-carrying writes of self-registration (DOMAIN.md §3.6 A, B, I): register with
-- capacity and a FIFO waitlist, withdraw (promoting the first waitlisted person), and the team's
-- decision on a pending request. The `registrations` edge function calls them after checking
-- the caller's rights as the caller (RLS); the benchmark calls the very same SQL.
-- Touches: functions in schema private only. Nothing destructive.
--
-- Each function first locks the event row (`for no key update`, the lock the participant trigger
-- takes too), so concurrent registrations for one event queue there and every capacity count is
-- current. They are security invoker: only the project owner and the service role may execute them.
-- Rule violations raise check_violation with a constraint name the API returns as its error code.

-- Moves waitlisted rows up, first in first out, while seats remain. A seat held by a pending
-- request counts as taken here, so an event without auto-accept does not turn its whole waitlist
-- into requests at once. Promotion respects auto-accept: otherwise the row becomes pending (and
-- payment pending for paid events). The caller holds the event lock.
create function private.promote_waitlist(event_id uuid, at_time timestamptz default pg_catalog.now())
returns integer
language plpgsql
set search_path = ''
as $$
declare
  e public.events;
  next_row public.event_participants;
  pending_requests integer;
  promoted integer := 0;
  accepts boolean;
begin
  select * into e from public.events ev where ev.id = promote_waitlist.event_id for no key update;
  if not found or e.status <> 'published' or e.deleted_at is not null or e.start_datetime <= promote_waitlist.at_time then
    return 0;
  end if;
  accepts := e.registration_type = 'free' and e.auto_accept_registration;
  loop
    select count(*)::integer into pending_requests from public.event_participants p
    where p.event_id = e.id and p.status = 'pending' and p.role in ('audience', 'student', 'teacher');
    exit when e.max_participant is not null
      and private.taken_seats(e.id) + pending_requests >= e.max_participant;

    select * into next_row from public.event_participants p
    where p.event_id = e.id and p.status = 'waitlisted'
    order by p.waitlist_position
    limit 1;
    exit when not found;

    update public.event_participants p
    set status = case when accepts then 'accepted' else 'pending' end::public.event_participant_status,
        payment_status = case when e.registration_type = 'paid' then 'pending' else p.payment_status end::public.payment_status
    where p.id = next_row.id;
    promoted := promoted + 1;

    if accepts then
      perform private.notify(next_row.user_id, 'participation_decided',
        pg_catalog.format('A seat opened up: you''re in "%s"', e.title),
        pg_catalog.format('/events/%s', e.id),
        pg_catalog.jsonb_build_object('event_id', e.id, 'status', 'accepted', 'from', 'waitlist'));
      perform private.enqueue_lifecycle_email(next_row.user_id, 'waitlist_promoted', private.event_email_data(e.id),
        pg_catalog.format('%s/%s', next_row.id, extract(epoch from promote_waitlist.at_time)));
    else
      perform private.notify(next_row.user_id, 'participation_decided',
        pg_catalog.format('A seat opened up in "%s": your request now waits for the organizer', e.title),
        pg_catalog.format('/events/%s', e.id),
        pg_catalog.jsonb_build_object('event_id', e.id, 'status', 'pending', 'from', 'waitlist'));
      perform private.notify(e.organizer_id, 'join_request',
        pg_catalog.format('A waitlisted participant asks to join "%s"', e.title),
        pg_catalog.format('/events/%s/participants', e.id),
        pg_catalog.jsonb_build_object('event_id', e.id, 'user_id', next_row.user_id));
      perform private.enqueue_lifecycle_email(next_row.user_id, 'event_request_received', private.event_email_data(e.id),
        pg_catalog.format('%s/%s', next_row.id, extract(epoch from promote_waitlist.at_time)));
    end if;
  end loop;
  return promoted;
end $$;
comment on function private.promote_waitlist(uuid, timestamptz) is
  'FIFO promotion of waitlisted rows while seats remain (accepted under auto-accept, else pending). Returns how many moved.';

-- Self-registration. Idempotent: an existing row of this user is returned with created = false.
create function private.register_for_event(event_id uuid, user_id uuid, at_time timestamptz default pg_catalog.now())
returns table (participant_id uuid, created boolean)
language plpgsql
set search_path = ''
as $$
declare
  e public.events;
  existing_id uuid;
  waiting integer;
  new_status public.event_participant_status;
  new_payment public.payment_status;
  new_id uuid;
  closed_because text;
begin
  select * into e from public.events ev where ev.id = register_for_event.event_id for no key update;
  if not found or e.deleted_at is not null then
    raise exception using errcode = 'no_data_found',
      message = pg_catalog.format('Cannot register for event "%s": it does not exist', register_for_event.event_id);
  end if;

  select p.id into existing_id from public.event_participants p
  where p.event_id = e.id and p.user_id = register_for_event.user_id;
  if existing_id is not null then
    return query select existing_id, false;
    return;
  end if;

  if not exists (select 1 from public.users u where u.id = register_for_event.user_id
                 and u.status = 'active' and u.deleted_at is null) then
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

  -- Newcomers never overtake the waitlist, even if a seat is momentarily free.
  select count(*)::integer into waiting from public.event_participants p
  where p.event_id = e.id and p.status = 'waitlisted';
  if e.max_participant is not null and (private.taken_seats(e.id) >= e.max_participant or waiting > 0) then
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
  returning id into new_id;

  if new_status = 'accepted' then
    perform private.notify(e.organizer_id, 'participant_joined',
      pg_catalog.format('Someone joined "%s"', e.title), pg_catalog.format('/events/%s/participants', e.id),
      pg_catalog.jsonb_build_object('event_id', e.id, 'user_id', register_for_event.user_id), register_for_event.user_id);
    perform private.enqueue_lifecycle_email(register_for_event.user_id, 'event_registered',
      private.event_email_data(e.id), new_id::text);
  elsif new_status = 'pending' then
    perform private.notify(e.organizer_id, 'join_request',
      pg_catalog.format('Someone asks to join "%s"', e.title), pg_catalog.format('/events/%s/participants', e.id),
      pg_catalog.jsonb_build_object('event_id', e.id, 'user_id', register_for_event.user_id), register_for_event.user_id);
    perform private.enqueue_lifecycle_email(register_for_event.user_id, 'event_request_received',
      private.event_email_data(e.id), new_id::text);
  else
    perform private.enqueue_lifecycle_email(register_for_event.user_id, 'participation_decision',
      private.event_email_data(e.id) || '{"about": "request", "decision": "waitlisted"}', new_id::text);
  end if;

  return query select new_id, true;
end $$;
comment on function private.register_for_event(uuid, uuid, timestamptz) is
  'Self-registration under the event lock: accepted / pending / waitlisted (FIFO). Idempotent per (event, user).';

-- Leaving before start (DOMAIN.md §3.6 I): the row is deleted; a freed audience seat is offered
-- to the waitlist.
create function private.withdraw_registration(event_id uuid, user_id uuid, at_time timestamptz default pg_catalog.now())
returns table (seat_freed boolean, promoted integer)
language plpgsql
set search_path = ''
as $$
declare
  e public.events;
  row_ public.event_participants;
  refused_because text;
  frees_seat boolean;
begin
  select * into e from public.events ev where ev.id = withdraw_registration.event_id for no key update;
  if not found or e.deleted_at is not null then
    raise exception using errcode = 'no_data_found',
      message = pg_catalog.format('Cannot withdraw from event "%s": it does not exist', withdraw_registration.event_id);
  end if;
  select * into row_ from public.event_participants p
  where p.event_id = e.id and p.user_id = withdraw_registration.user_id;
  if not found then
    raise exception using errcode = 'no_data_found',
      message = pg_catalog.format('Cannot withdraw from event "%s": you are not registered', e.title);
  end if;

  refused_because := case
    when row_.role = 'organizer' then 'the organizer cannot leave their own event'
    when row_.status in ('attended', 'absent') then pg_catalog.format('your attendance is already recorded as %s', row_.status)
    when row_.status = 'rejected' then 'your registration was rejected'
    when e.status in ('ended', 'cancelled') then pg_catalog.format('it is %s', e.status)
    when e.start_datetime <= withdraw_registration.at_time then 'it has already started'
  end;
  if refused_because is not null then
    raise exception using errcode = 'check_violation', constraint = 'invalid_transition', table = 'event_participants',
      message = pg_catalog.format('Cannot withdraw from event "%s": %s', e.title, refused_because);
  end if;

  frees_seat := row_.role in ('audience', 'student', 'teacher') and row_.status in ('accepted', 'pending');
  delete from public.event_participants p where p.id = row_.id;

  perform private.notify(e.organizer_id, 'participant_left',
    pg_catalog.format('A participant left "%s"', e.title), pg_catalog.format('/events/%s/participants', e.id),
    pg_catalog.jsonb_build_object('event_id', e.id, 'user_id', row_.user_id, 'status', row_.status), row_.user_id);

  return query select row_.status = 'accepted' and frees_seat,
    case when frees_seat then private.promote_waitlist(e.id, withdraw_registration.at_time) else 0 end;
end $$;
comment on function private.withdraw_registration(uuid, uuid, timestamptz) is
  'Deletes the caller''s own row before start (never the organizer, never after attendance) and promotes the waitlist.';

-- The team's decision on a pending self-registration (DOMAIN.md §3.6 B): capacity re-checked
-- under the lock; waitlisted rows may also be turned down.
create function private.decide_registration(
  event_id uuid,
  user_id uuid,
  approve boolean,
  actor_id uuid,
  reason text default null,
  at_time timestamptz default pg_catalog.now()
)
returns uuid
language plpgsql
set search_path = ''
as $$
declare
  e public.events;
  row_ public.event_participants;
  decision text := case when decide_registration.approve then 'accepted' else 'rejected' end;
begin
  select * into e from public.events ev where ev.id = decide_registration.event_id for no key update;
  if not found or e.deleted_at is not null then
    raise exception using errcode = 'no_data_found',
      message = pg_catalog.format('Cannot decide on a registration: event "%s" does not exist', decide_registration.event_id);
  end if;
  select * into row_ from public.event_participants p
  where p.event_id = e.id and p.user_id = decide_registration.user_id;
  if not found or row_.join_method <> 'registered' then
    raise exception using errcode = 'no_data_found',
      message = pg_catalog.format('Cannot decide on a registration for event "%s": this user has not registered', e.title);
  end if;
  if e.status in ('ended', 'cancelled') then
    raise exception using errcode = 'check_violation', constraint = 'invalid_transition', table = 'event_participants',
      message = pg_catalog.format('Cannot decide on a registration for event "%s": it is %s', e.title, e.status);
  end if;
  if (decide_registration.approve and row_.status <> 'pending')
     or (not decide_registration.approve and row_.status not in ('pending', 'waitlisted')) then
    raise exception using errcode = 'check_violation', constraint = 'invalid_transition', table = 'event_participants',
      message = pg_catalog.format('Cannot %s this registration for event "%s": it is %s',
        case when decide_registration.approve then 'accept' else 'reject' end, e.title, row_.status);
  end if;
  if decide_registration.approve and e.registration_type = 'paid' and row_.payment_status is distinct from 'verified' then
    raise exception using errcode = 'check_violation', constraint = 'payment_not_verified', table = 'event_participants',
      message = pg_catalog.format('Cannot accept this registration for event "%s": verify the payment first', e.title);
  end if;
  if decide_registration.approve and e.max_participant is not null and private.taken_seats(e.id) >= e.max_participant then
    raise exception using errcode = 'check_violation', constraint = 'event_full', table = 'events',
      message = pg_catalog.format('Cannot accept this registration for event "%s": all %s seats are taken', e.title, e.max_participant);
  end if;

  update public.event_participants p set status = decision::public.event_participant_status where p.id = row_.id;

  perform private.notify(row_.user_id, 'participation_decided',
    pg_catalog.format('Your place in "%s" is %s', e.title, decision), pg_catalog.format('/events/%s', e.id),
    pg_catalog.jsonb_build_object('event_id', e.id, 'status', decision), decide_registration.actor_id);
  perform private.enqueue_lifecycle_email(row_.user_id, 'participation_decision',
    private.event_email_data(e.id) || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
      'about', 'request', 'decision', decision, 'reason', decide_registration.reason)),
    pg_catalog.format('%s/%s', row_.id, decision));

  if not decide_registration.approve then
    perform private.promote_waitlist(e.id, decide_registration.at_time);
  end if;
  return row_.id;
end $$;
comment on function private.decide_registration(uuid, uuid, boolean, uuid, text, timestamptz) is
  'Accept (capacity re-checked under the lock) or reject a pending registration; participant notified and e-mailed.';

revoke all on function private.promote_waitlist(uuid, timestamptz), private.register_for_event(uuid, uuid, timestamptz),
  private.withdraw_registration(uuid, uuid, timestamptz),
  private.decide_registration(uuid, uuid, boolean, uuid, text, timestamptz) from public, anon, authenticated;
grant execute on function private.promote_waitlist(uuid, timestamptz), private.register_for_event(uuid, uuid, timestamptz),
  private.withdraw_registration(uuid, uuid, timestamptz),
  private.decide_registration(uuid, uuid, boolean, uuid, text, timestamptz) to service_role;
