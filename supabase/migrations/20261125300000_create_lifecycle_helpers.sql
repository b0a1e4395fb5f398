-- Purpose: small helpers the event lifecycle and registration functions share: the outbox call
-- (through the email branch's private.enqueue_email), the event data every event e-mail carries,
-- the audience-seat count and the audit record of a lifecycle action.
-- Touches: functions in schema private only. Nothing destructive.
--
-- All are security invoker with search_path '': their callers are edge functions (the project
-- owner) and the service role, never API clients, so nothing here is granted to anon/authenticated.

-- Queues a product e-mail to a user, adding their display name. The outbox belongs to the email
-- work; until its migration is present this is a no-op, so the lifecycle can land first.
create function private.enqueue_lifecycle_email(recipient_user_id uuid, template text, data jsonb, dedupe_key text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  recipient_name text;
begin
  if pg_catalog.to_regprocedure('private.enqueue_email(uuid,text,jsonb,text)') is null then
    return;
  end if;
  select pg_catalog.left(p.full_name, 120) into recipient_name
  from public.profiles p where p.user_id = enqueue_lifecycle_email.recipient_user_id;
  perform private.enqueue_email(
    enqueue_lifecycle_email.recipient_user_id,
    enqueue_lifecycle_email.template,
    enqueue_lifecycle_email.data || pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object('recipientName', recipient_name)),
    enqueue_lifecycle_email.dedupe_key
  );
end $$;
comment on function private.enqueue_lifecycle_email(uuid, text, jsonb, text) is
  'Outbox e-mail to a user (with recipientName) in the caller''s transaction; no-op while the outbox is absent.';

-- The fields every event e-mail template reads (functions/_shared/email/product-templates.ts).
create function private.event_email_data(event_id uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
    'eventId', e.id,
    'eventTitle', e.title,
    'startsAt', pg_catalog.to_char(e.start_datetime at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'endsAt', pg_catalog.to_char(e.end_datetime at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    'timeZone', e.timezone,
    'location', pg_catalog.left(coalesce(e.venue_remark, e.venue_place_id,
                                         case when e.type = 'online' then 'Online' end), 300)
  ))
  from public.events e
  where e.id = event_email_data.event_id
$$;
comment on function private.event_email_data(uuid) is 'eventId, eventTitle, startsAt, endsAt, timeZone, location of an event for e-mail data.';

-- Seats = audience rows accepted or attended (rule 7.9); team rows never count.
create function private.taken_seats(event_id uuid)
returns integer
language sql
stable
set search_path = ''
as $$
  select count(*)::integer from public.event_participants p
  where p.event_id = taken_seats.event_id
    and p.role in ('audience', 'student', 'teacher') and p.status in ('accepted', 'attended')
$$;
comment on function private.taken_seats(uuid) is 'Audience seats in use (accepted + attended audience rows).';

create function private.audit_event_action(actor_id uuid, action text, event_id uuid, details jsonb default '{}')
returns void
language sql
set search_path = ''
as $$
  insert into public.audit_logs (actor_id, action, target_type, target_id, details)
  values (audit_event_action.actor_id, audit_event_action.action, 'event', audit_event_action.event_id,
          coalesce(audit_event_action.details, '{}'))
$$;
comment on function private.audit_event_action(uuid, text, uuid, jsonb) is 'Appends an event lifecycle action to the audit log.';

revoke all on function private.enqueue_lifecycle_email(uuid, text, jsonb, text), private.event_email_data(uuid),
  private.taken_seats(uuid), private.audit_event_action(uuid, text, uuid, jsonb) from public, anon, authenticated;
grant execute on function private.enqueue_lifecycle_email(uuid, text, jsonb, text), private.event_email_data(uuid),
  private.taken_seats(uuid), private.audit_event_action(uuid, text, uuid, jsonb) to service_role;
