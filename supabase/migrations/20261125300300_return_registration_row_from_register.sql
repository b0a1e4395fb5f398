-- Purpose: private.register_for_event returns the participant row itself (as jsonb) instead of
-- its id. A statement that calls the function cannot see the row the function inserts (the
-- statement's snapshot predates it), so `join public.event_participants` on the returned id came
-- back empty; returning the row also saves the edge function a round trip.
-- Touches: replaces private.register_for_event (return type changes, so drop + create); same
-- rules, same locking, same notifications and e-mails. Nothing else.

drop function private.register_for_event(uuid, uuid, timestamptz);

-- Self-registration. Idempotent: an existing row of this user is returned with created = false.
-- The row comes back as jsonb: a statement calling this function cannot see the row it inserts.
create function private.register_for_event(event_id uuid, user_id uuid, at_time timestamptz default pg_catalog.now())
returns table (participant jsonb, created boolean)
language plpgsql
set search_path = ''
as $$
declare
  e public.events;
  existing public.event_participants;
  waiting integer;
  new_status public.event_participant_status;
  new_payment public.payment_status;
  inserted public.event_participants;
  closed_because text;
begin
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
  'Self-registration under the event lock: accepted / pending / waitlisted (FIFO). Idempotent per (event, user).';

revoke all on function private.register_for_event(uuid, uuid, timestamptz) from public, anon, authenticated;
grant execute on function private.register_for_event(uuid, uuid, timestamptz) to service_role;
