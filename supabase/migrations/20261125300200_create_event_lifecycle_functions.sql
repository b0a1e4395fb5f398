-- Purpose: the rule-carrying writes of the event lifecycle (DOMAIN.md §3.4, §3.5): publish,
-- unpublish (with the admin's moderation notice), open/close registration, cancel, end, soft
-- delete and the announcement of a schedule or venue change. The `events` edge function checks
-- who may act (as the caller, under RLS) and calls these in the same transaction; each re-checks
-- the state under a lock on the event row and writes its notifications and outbox e-mails there.
-- Touches: functions in schema private only. Nothing destructive.
--
-- Security invoker; executable by the project owner and the service role only. A refused
-- transition raises check_violation with constraint `invalid_transition` (the API error code).

create function private.refuse_event_transition(event_title text, action text, because text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception using errcode = 'check_violation', constraint = 'invalid_transition', table = 'events',
    message = pg_catalog.format('Cannot %s event "%s": %s', refuse_event_transition.action,
                                refuse_event_transition.event_title, refuse_event_transition.because);
end $$;
comment on function private.refuse_event_transition(text, text, text) is 'Raises the invalid_transition error in the API''s message style.';

create function private.lock_event(event_id uuid)
returns public.events
language plpgsql
set search_path = ''
as $$
declare
  e public.events;
begin
  select * into e from public.events ev where ev.id = lock_event.event_id for no key update;
  if not found or e.deleted_at is not null then
    raise exception using errcode = 'no_data_found', message = pg_catalog.format('Event "%s" does not exist', lock_event.event_id);
  end if;
  return e;
end $$;
comment on function private.lock_event(uuid) is 'Locks a live event row (the lock the participant trigger also takes) and returns it.';

create function private.publish_event(event_id uuid, actor_id uuid, at_time timestamptz default pg_catalog.now())
returns integer
language plpgsql
set search_path = ''
as $$
declare
  e public.events := private.lock_event(publish_event.event_id);
begin
  if e.status <> 'draft' then
    perform private.refuse_event_transition(e.title, 'publish', pg_catalog.format('it is %s, not a draft', e.status));
  end if;
  if e.start_datetime is null or e.start_datetime <= publish_event.at_time then
    perform private.refuse_event_transition(e.title, 'publish', 'its start time must be in the future');
  end if;
  if e.end_datetime is null or e.end_datetime <= e.start_datetime then
    perform private.refuse_event_transition(e.title, 'publish', 'its end time must be after its start time');
  end if;
  -- The status trigger opens registration and stamps published_at.
  update public.events ev set status = 'published' where ev.id = e.id;
  perform private.audit_event_action(publish_event.actor_id, 'event.publish', e.id);
  return 0;
end $$;
comment on function private.publish_event(uuid, uuid, timestamptz) is 'draft → published (start in the future, end after start); registration opens.';

create function private.unpublish_event(
  event_id uuid, actor_id uuid, reason text default null, is_moderation boolean default false,
  at_time timestamptz default pg_catalog.now()
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  e public.events := private.lock_event(unpublish_event.event_id);
  recipient uuid;
  notified integer := 0;
begin
  if e.status <> 'published' then
    perform private.refuse_event_transition(e.title, 'unpublish', pg_catalog.format('it is %s, not published', e.status));
  end if;
  if not unpublish_event.is_moderation and e.start_datetime <= unpublish_event.at_time then
    perform private.refuse_event_transition(e.title, 'unpublish', 'it has already started');
  end if;
  update public.events ev set status = 'draft' where ev.id = e.id;

  for recipient in
    select p.user_id from public.event_participants p
    where p.event_id = e.id and p.user_id is not null and p.status = 'accepted'
      and p.user_id <> e.organizer_id and p.user_id <> unpublish_event.actor_id
  loop
    perform private.notify(recipient, 'event_changed',
      pg_catalog.format('"%s" was unpublished for now; your place is kept', e.title),
      pg_catalog.format('/events/%s', e.id), pg_catalog.jsonb_build_object('event_id', e.id, 'change', 'unpublished'),
      unpublish_event.actor_id);
    notified := notified + 1;
  end loop;

  if unpublish_event.is_moderation then
    perform private.notify(e.organizer_id, 'event_moderated',
      pg_catalog.format('Unpublished by an admin: %s', unpublish_event.reason),
      pg_catalog.format('/events/%s', e.id),
      pg_catalog.jsonb_build_object('event_id', e.id, 'action', 'unpublished', 'reason', unpublish_event.reason),
      unpublish_event.actor_id);
    notified := notified + 1;
    perform private.enqueue_lifecycle_email(e.organizer_id, 'moderation_notice',
      pg_catalog.jsonb_build_object('subjectTitle', e.title, 'action', 'unpublished', 'reason', unpublish_event.reason),
      pg_catalog.format('event/%s/unpublished/%s', e.id, extract(epoch from unpublish_event.at_time)));
  end if;
  perform private.audit_event_action(unpublish_event.actor_id,
    case when unpublish_event.is_moderation then 'event.moderate.unpublish' else 'event.unpublish' end, e.id,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('reason', unpublish_event.reason)));
  return notified;
end $$;
comment on function private.unpublish_event(uuid, uuid, text, boolean, timestamptz) is
  'published → draft: organizer before start, admin (is_moderation, with reason) any time; organizer gets moderation_notice.';

create function private.set_event_registration(
  event_id uuid, actor_id uuid, open boolean, at_time timestamptz default pg_catalog.now()
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  e public.events := private.lock_event(set_event_registration.event_id);
  wanted public.event_registration_status := case when set_event_registration.open then 'opened' else 'closed' end;
  recipient uuid;
  notified integer := 0;
begin
  if e.status <> 'published' then
    perform private.refuse_event_transition(e.title, 'change registration of', pg_catalog.format('it is %s, not published', e.status));
  end if;
  if e.end_datetime <= set_event_registration.at_time then
    perform private.refuse_event_transition(e.title, 'change registration of', 'it is over');
  end if;
  if set_event_registration.open and e.start_datetime <= set_event_registration.at_time then
    perform private.refuse_event_transition(e.title, 'open registration of', 'it has already started');
  end if;
  if e.registration_status = wanted then
    return 0;  -- repeating the request changes nothing and tells nobody
  end if;
  update public.events ev set registration_status = wanted where ev.id = e.id;

  for recipient in
    select p.user_id from public.event_participants p
    where p.event_id = e.id and p.role = 'committee' and p.status = 'accepted' and p.user_id is not null
      and p.user_id <> set_event_registration.actor_id
  loop
    perform private.notify(recipient, 'registration_toggled',
      pg_catalog.format('Registration for "%s" is %s', e.title, case when set_event_registration.open then 'open' else 'closed' end),
      pg_catalog.format('/events/%s', e.id),
      pg_catalog.jsonb_build_object('event_id', e.id, 'registration_status', wanted), set_event_registration.actor_id);
    notified := notified + 1;
  end loop;
  perform private.audit_event_action(set_event_registration.actor_id,
    case when set_event_registration.open then 'event.registration.open' else 'event.registration.close' end, e.id);
  return notified;
end $$;
comment on function private.set_event_registration(uuid, uuid, boolean, timestamptz) is
  'Opens/closes registration of a published event before its end (opening only before start); committee notified.';

create function private.cancel_event(event_id uuid, actor_id uuid, reason text, at_time timestamptz default pg_catalog.now())
returns table (rejected integer, notified integer)
language plpgsql
set search_path = ''
as $$
declare
  e public.events := private.lock_event(cancel_event.event_id);
  recipients uuid[];
  recipient uuid;
  data jsonb;
begin
  if e.status not in ('draft', 'published') then
    perform private.refuse_event_transition(e.title, 'cancel', pg_catalog.format('it is already %s', e.status));
  end if;
  if e.end_datetime <= cancel_event.at_time then
    perform private.refuse_event_transition(e.title, 'cancel', 'it is over: end it instead');
  end if;

  -- Everyone with a live place hears about it (the organizer too when an admin cancels).
  select coalesce(pg_catalog.array_agg(p.user_id), '{}') into recipients from public.event_participants p
  where p.event_id = e.id and p.user_id is not null and p.user_id <> cancel_event.actor_id
    and p.status in ('pending', 'accepted', 'waitlisted', 'attended');

  update public.event_participants p set status = 'rejected'
  where p.event_id = e.id and p.status in ('pending', 'waitlisted');
  get diagnostics rejected = row_count;

  update public.events ev
  set status = 'cancelled', cancelled_at = cancel_event.at_time, cancel_reason = cancel_event.reason
  where ev.id = e.id;
  delete from public.event_reminders r where r.event_id = e.id and not r.is_sent;
  update public.event_walk_in_tokens t set is_active = false where t.event_id = e.id and t.is_active;

  data := private.event_email_data(e.id) || pg_catalog.jsonb_build_object('reason', cancel_event.reason);
  foreach recipient in array recipients loop
    perform private.notify(recipient, 'event_cancelled',
      pg_catalog.format('"%s" was cancelled: %s', e.title, cancel_event.reason),
      pg_catalog.format('/events/%s', e.id),
      pg_catalog.jsonb_build_object('event_id', e.id, 'reason', cancel_event.reason), cancel_event.actor_id);
    perform private.enqueue_lifecycle_email(recipient, 'event_cancelled', data, pg_catalog.format('%s/%s', e.id, recipient));
  end loop;
  notified := pg_catalog.cardinality(recipients);
  perform private.audit_event_action(cancel_event.actor_id, 'event.cancel', e.id,
    pg_catalog.jsonb_build_object('reason', cancel_event.reason));
  return next;
end $$;
comment on function private.cancel_event(uuid, uuid, text, timestamptz) is
  'draft|published → cancelled before end (irreversible): pending/waitlisted rejected, reminders dropped, everyone notified + e-mailed.';

create function private.end_event(event_id uuid, actor_id uuid, at_time timestamptz default pg_catalog.now())
returns table (absent integer, rejected integer, notified integer)
language plpgsql
set search_path = ''
as $$
declare
  e public.events := private.lock_event(end_event.event_id);
  recipient uuid;
begin
  if e.status <> 'published' then
    perform private.refuse_event_transition(e.title, 'end', pg_catalog.format('it is %s, not published', e.status));
  end if;
  if e.start_datetime > end_event.at_time then
    perform private.refuse_event_transition(e.title, 'end', 'it has not started yet');
  end if;

  -- Attendance becomes final: whoever was accepted but never checked in was absent (§3.6 H).
  update public.event_participants p set status = 'absent'
  where p.event_id = e.id and p.status = 'accepted' and p.role in ('audience', 'student', 'teacher');
  get diagnostics absent = row_count;

  notified := 0;
  rejected := 0;
  for recipient in
    update public.event_participants p set status = 'rejected'
    where p.event_id = e.id and p.status in ('pending', 'waitlisted')
    returning p.user_id
  loop
    rejected := rejected + 1;
    if recipient is not null then
      perform private.notify(recipient, 'participation_decided',
        pg_catalog.format('"%s" has ended before your request was accepted', e.title),
        pg_catalog.format('/events/%s', e.id), pg_catalog.jsonb_build_object('event_id', e.id, 'status', 'rejected'),
        end_event.actor_id);
      notified := notified + 1;
    end if;
  end loop;

  update public.events ev set status = 'ended' where ev.id = e.id;
  update public.event_walk_in_tokens t set is_active = false where t.event_id = e.id and t.is_active;
  perform private.audit_event_action(end_event.actor_id, 'event.end', e.id,
    pg_catalog.jsonb_build_object('absent', absent, 'rejected', rejected));
  return next;
end $$;
comment on function private.end_event(uuid, uuid, timestamptz) is
  'published → ended after start: accepted audience → absent, pending/waitlisted → rejected (notified); walk-in links off.';

create function private.delete_event(
  event_id uuid, actor_id uuid, reason text default null, is_moderation boolean default false,
  at_time timestamptz default pg_catalog.now()
)
returns table (rejected integer, notified integer)
language plpgsql
set search_path = ''
as $$
declare
  e public.events := private.lock_event(delete_event.event_id);
  recipients uuid[];
  recipient uuid;
begin
  if e.status <> 'draft' and private.taken_seats(e.id) > 0 then
    perform private.refuse_event_transition(e.title, 'delete', pg_catalog.format(
      'it has %s accepted participants: cancel it instead', private.taken_seats(e.id)));
  end if;

  select coalesce(pg_catalog.array_agg(p.user_id), '{}') into recipients from public.event_participants p
  where p.event_id = e.id and p.user_id is not null and p.user_id <> delete_event.actor_id
    and p.user_id <> e.organizer_id and p.status in ('pending', 'accepted', 'waitlisted')
    and e.status in ('draft', 'published');

  update public.event_participants p set status = 'rejected'
  where p.event_id = e.id and p.status in ('pending', 'waitlisted');
  get diagnostics rejected = row_count;
  update public.events ev set deleted_at = delete_event.at_time where ev.id = e.id;
  delete from public.event_reminders r where r.event_id = e.id and not r.is_sent;
  update public.event_walk_in_tokens t set is_active = false where t.event_id = e.id and t.is_active;

  foreach recipient in array recipients loop
    perform private.notify(recipient, 'event_cancelled',
      pg_catalog.format('"%s" was removed by its organizer', e.title), null,
      pg_catalog.jsonb_build_object('event_id', e.id, 'deleted', true), delete_event.actor_id);
  end loop;
  notified := pg_catalog.cardinality(recipients);

  if delete_event.is_moderation then
    perform private.notify(e.organizer_id, 'event_moderated',
      pg_catalog.format('Deleted by an admin: %s', delete_event.reason), null,
      pg_catalog.jsonb_build_object('event_id', e.id, 'action', 'deleted', 'reason', delete_event.reason),
      delete_event.actor_id);
    notified := notified + 1;
    perform private.enqueue_lifecycle_email(e.organizer_id, 'moderation_notice',
      pg_catalog.jsonb_build_object('subjectTitle', e.title, 'action', 'deleted', 'reason', delete_event.reason),
      pg_catalog.format('event/%s/deleted', e.id));
  end if;
  perform private.audit_event_action(delete_event.actor_id,
    case when delete_event.is_moderation then 'event.moderate.delete' else 'event.delete' end, e.id,
    pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('reason', delete_event.reason)));
  return next;
end $$;
comment on function private.delete_event(uuid, uuid, text, boolean, timestamptz) is
  'Soft delete: drafts, or events without accepted audience; open requests rejected and told; admin deletes send moderation_notice.';

-- A published event's schedule or venue changed: accepted participants are told and e-mailed.
create function private.announce_event_change(
  event_id uuid, actor_id uuid, previous_start timestamptz default null, at_time timestamptz default pg_catalog.now()
)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  e public.events := private.lock_event(announce_event_change.event_id);
  data jsonb;
  recipient uuid;
  notified integer := 0;
begin
  if e.status <> 'published' then
    return 0;
  end if;
  data := private.event_email_data(e.id) || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'previousStartsAt', case when announce_event_change.previous_start is distinct from e.start_datetime
      then pg_catalog.to_char(announce_event_change.previous_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') end));
  for recipient in
    select p.user_id from public.event_participants p
    where p.event_id = e.id and p.user_id is not null and p.status = 'accepted'
      and p.user_id <> announce_event_change.actor_id
  loop
    perform private.notify(recipient, 'event_changed',
      pg_catalog.format('"%s" has a new schedule or venue', e.title),
      pg_catalog.format('/events/%s', e.id), pg_catalog.jsonb_build_object('event_id', e.id, 'change', 'schedule'),
      announce_event_change.actor_id);
    perform private.enqueue_lifecycle_email(recipient, 'event_changed', data,
      pg_catalog.format('%s/%s/%s', e.id, recipient, extract(epoch from announce_event_change.at_time)));
    notified := notified + 1;
  end loop;
  return notified;
end $$;
comment on function private.announce_event_change(uuid, uuid, timestamptz, timestamptz) is
  'Notifies + e-mails accepted participants of a published event that its schedule or venue changed.';

revoke all on function private.refuse_event_transition(text, text, text), private.lock_event(uuid),
  private.publish_event(uuid, uuid, timestamptz), private.unpublish_event(uuid, uuid, text, boolean, timestamptz),
  private.set_event_registration(uuid, uuid, boolean, timestamptz), private.cancel_event(uuid, uuid, text, timestamptz),
  private.end_event(uuid, uuid, timestamptz), private.delete_event(uuid, uuid, text, boolean, timestamptz),
  private.announce_event_change(uuid, uuid, timestamptz, timestamptz) from public, anon, authenticated;
grant execute on function private.refuse_event_transition(text, text, text), private.lock_event(uuid),
  private.publish_event(uuid, uuid, timestamptz), private.unpublish_event(uuid, uuid, text, boolean, timestamptz),
  private.set_event_registration(uuid, uuid, boolean, timestamptz), private.cancel_event(uuid, uuid, text, timestamptz),
  private.end_event(uuid, uuid, timestamptz), private.delete_event(uuid, uuid, text, boolean, timestamptz),
  private.announce_event_change(uuid, uuid, timestamptz, timestamptz) to service_role;
