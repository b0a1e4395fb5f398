-- Purpose: the scheduled jobs of DOMAIN.md §6 as plain SQL functions that take the current time
-- as a parameter (pg_cron passes now(); tests pass a moved clock). Each is idempotent: a repeated
-- run changes nothing, a late run catches up without sending anything twice. E-mails go through
-- the outbox (private.enqueue_email) in the job's own transaction.
-- Touches: tables private.event_reminder_deliveries, private.review_request_deliveries; functions
-- private.job_send_reminders, private.job_close_registration, private.job_end_events,
-- private.job_send_review_requests, private.job_purge_read_notifications,
-- private.job_purge_email_records. Deletes old read notifications and old sent e-mail rows when run.

-- Which automatic reminder went to whom for which start time. The key makes "exactly once" hold
-- across repeated and concurrent runs; a rescheduled event (new start) gets its reminders again.
create table private.event_reminder_deliveries (
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  starts_at timestamptz not null,
  slot text not null,
  outcome text not null,
  decided_at timestamptz not null,
  primary key (event_id, user_id, starts_at, slot),
  constraint event_reminder_deliveries_slot_is_known check (slot in ('24h', '1h')),
  constraint event_reminder_deliveries_outcome_is_known check (outcome in ('sent', 'skipped'))
);
comment on table private.event_reminder_deliveries is
  'Automatic reminders (24 h and 1 h before start) per participant and start time. "skipped": the 24 h reminder was superseded by the 1 h one (late run or late registration), so it is never sent afterwards.';
create index event_reminder_deliveries_user_id_idx on private.event_reminder_deliveries (user_id);
alter table private.event_reminder_deliveries enable row level security;
revoke all on private.event_reminder_deliveries from anon, authenticated, service_role, public;

create table private.review_request_deliveries (
  event_id uuid not null references public.events (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  requested_at timestamptz not null,
  primary key (event_id, user_id)
);
comment on table private.review_request_deliveries is 'Who was asked to review an ended event (once each).';
create index review_request_deliveries_user_id_idx on private.review_request_deliveries (user_id);
alter table private.review_request_deliveries enable row level security;
revoke all on private.review_request_deliveries from anon, authenticated, service_role, public;

-- Every 5 minutes. Accepted participants of live events get a reminder 24 h and 1 h before
-- start, each exactly once. A run that finds both due (late run, late registration) sends only
-- the 1 h one and marks the 24 h one skipped. Personal reminders (public.event_reminders) that
-- are due are sent and marked sent. Returns how many reminders went out.
create function private.job_send_reminders(now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  reminder record;
  sent integer := 0;
begin
  for reminder in
    with due as (
      select e.id as event_id, p.user_id, e.start_datetime as starts_at, e.title, e.timezone, e.venue_remark,
             case when e.start_datetime - job_send_reminders.now <= interval '1 hour' then '1h' else '24h' end as slot
      from public.events as e
      join public.event_participants as p on p.event_id = e.id
      where e.status = 'published' and e.deleted_at is null
        and e.start_datetime > job_send_reminders.now
        and e.start_datetime <= job_send_reminders.now + interval '24 hours'
        and p.status = 'accepted' and p.user_id is not null
    ), claimed as (
      insert into private.event_reminder_deliveries (event_id, user_id, starts_at, slot, outcome, decided_at)
      select d.event_id, d.user_id, d.starts_at, d.slot, 'sent', job_send_reminders.now from due as d
      -- a 24 h reminder is not sent once the 1 h one went out (the 1 h row is written first below)
      where not exists (
        select 1 from private.event_reminder_deliveries as r
        where r.event_id = d.event_id and r.user_id = d.user_id and r.starts_at = d.starts_at and r.slot = '1h'
      )
      on conflict do nothing
      returning event_id, user_id, starts_at, slot
    )
    select c.*, d.title, d.timezone, d.venue_remark, pr.full_name
    from claimed as c
    join due as d using (event_id, user_id)
    left join public.profiles as pr on pr.user_id = c.user_id
  loop
    if reminder.slot = '1h' then
      insert into private.event_reminder_deliveries (event_id, user_id, starts_at, slot, outcome, decided_at)
      values (reminder.event_id, reminder.user_id, reminder.starts_at, '24h', 'skipped', job_send_reminders.now)
      on conflict do nothing;
    end if;
    perform private.notify(
      reminder.user_id, 'event_reminder',
      pg_catalog.format('"%s" starts %s.', reminder.title, case reminder.slot when '1h' then 'within the hour' else 'within 24 hours' end),
      '/events/' || reminder.event_id::text,
      pg_catalog.jsonb_build_object('event_id', reminder.event_id, 'slot', reminder.slot));
    perform private.enqueue_email(
      reminder.user_id, 'event_reminder',
      pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'recipientName', pg_catalog.left(reminder.full_name, 120),
        'eventId', reminder.event_id,
        'eventTitle', reminder.title,
        'startsAt', pg_catalog.to_char(reminder.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'timeZone', reminder.timezone,
        'startsIn', reminder.slot,
        'location', nullif(pg_catalog.left(reminder.venue_remark, 300), ''))),
      pg_catalog.format('%s/%s/%s/%s', reminder.event_id, reminder.user_id, extract(epoch from reminder.starts_at)::bigint, reminder.slot));
    sent := sent + 1;
  end loop;

  -- Personal reminders someone set (one week, three days, one day before start).
  for reminder in
    update public.event_reminders as r
    set is_sent = true, sent_at = job_send_reminders.now
    from public.events as e
    where e.id = r.event_id and not r.is_sent and r.remind_at <= job_send_reminders.now
      and e.status = 'published' and e.deleted_at is null and e.start_datetime > job_send_reminders.now
    returning r.id, r.user_id, r.option, e.id as event_id, e.title, e.timezone, e.start_datetime, e.venue_remark
  loop
    perform private.notify(
      reminder.user_id, 'event_reminder', pg_catalog.format('Reminder: "%s" is coming up.', reminder.title),
      '/events/' || reminder.event_id::text,
      pg_catalog.jsonb_build_object('event_id', reminder.event_id, 'reminder_id', reminder.id));
    perform private.enqueue_email(
      reminder.user_id, 'event_reminder',
      pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'recipientName', (select pg_catalog.left(pr.full_name, 120) from public.profiles as pr where pr.user_id = reminder.user_id),
        'eventId', reminder.event_id,
        'eventTitle', reminder.title,
        'startsAt', pg_catalog.to_char(reminder.start_datetime at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'timeZone', reminder.timezone,
        'startsIn', case reminder.option when 'one_week' then '7d' when 'three_days' then '3d' else '24h' end,
        'location', nullif(pg_catalog.left(reminder.venue_remark, 300), ''))),
      'personal/' || reminder.id::text);
    sent := sent + 1;
  end loop;
  return sent;
end;
$$;
comment on function private.job_send_reminders(timestamptz) is
  'Sends due reminders (automatic 24 h / 1 h to accepted participants; personal ones) as notification + e-mail, each exactly once. Returns how many.';

-- Every 5 minutes: registration closes when a published event starts (DOMAIN.md §3.5).
create function private.job_close_registration(now timestamptz)
returns integer
language sql
set search_path = ''
as $$
  with closed as (
    update public.events as e
    set registration_status = 'closed'
    where e.status = 'published' and e.registration_status = 'opened' and e.deleted_at is null
      and e.start_datetime <= job_close_registration.now
    returning 1
  )
  select count(*)::integer from closed;
$$;
comment on function private.job_close_registration(timestamptz) is 'Closes registration of published events that have started. Returns how many.';

-- Every 5 minutes: published events past their end become ended (§3.4, §3.6 H): accepted
-- audience → absent, pending and waitlisted → rejected, walk-in links off.
create function private.job_end_events(now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  ended_ids uuid[];
begin
  with ended as (
    update public.events as e
    set status = 'ended'
    where e.status = 'published' and e.deleted_at is null and e.end_datetime <= job_end_events.now
    returning e.id
  )
  select coalesce(pg_catalog.array_agg(id), '{}') into ended_ids from ended;
  if pg_catalog.cardinality(ended_ids) = 0 then
    return 0;
  end if;

  update public.event_participants as p
  set status = 'absent'
  where p.event_id = any (ended_ids) and p.status = 'accepted' and p.role in ('audience', 'student', 'teacher');

  update public.event_participants as p
  set status = 'rejected'
  where p.event_id = any (ended_ids) and p.status in ('pending', 'waitlisted');

  update public.event_walk_in_tokens as t
  set is_active = false
  where t.event_id = any (ended_ids) and t.is_active;

  return pg_catalog.cardinality(ended_ids);
end;
$$;
comment on function private.job_end_events(timestamptz) is 'Ends published events past their end and settles their participants. Returns how many events.';

-- Every 5 minutes: once an event has ended, each eligible reviewer (§3.7: the organizer, accepted
-- team/speakers/sponsors, audience who attended) is asked once, while the 14-day window is open.
create function private.job_send_review_requests(now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  request record;
  sent integer := 0;
begin
  for request in
    with eligible as (
      select e.id as event_id, p.user_id, e.title, e.timezone, e.end_datetime
      from public.events as e
      join public.event_participants as p on p.event_id = e.id
      where e.status = 'ended' and e.deleted_at is null
        and e.end_datetime <= job_send_review_requests.now
        and e.end_datetime + interval '14 days' > job_send_review_requests.now
        and p.user_id is not null
        and ((p.role in ('organizer', 'committee', 'speaker', 'sponsor') and p.status = 'accepted')
             or (p.role in ('audience', 'student', 'teacher') and p.status = 'attended'))
    ), claimed as (
      insert into private.review_request_deliveries (event_id, user_id, requested_at)
      select event_id, user_id, job_send_review_requests.now from eligible
      on conflict do nothing
      returning event_id, user_id
    )
    select c.*, el.title, el.timezone, el.end_datetime, pr.full_name
    from claimed as c
    join eligible as el using (event_id, user_id)
    left join public.profiles as pr on pr.user_id = c.user_id
  loop
    perform private.notify(
      request.user_id, 'review_request', pg_catalog.format('How was "%s"? Leave a review.', request.title),
      '/events/' || request.event_id::text || '/review',
      pg_catalog.jsonb_build_object('event_id', request.event_id));
    perform private.enqueue_email(
      request.user_id, 'review_request',
      pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
        'recipientName', pg_catalog.left(request.full_name, 120),
        'eventId', request.event_id,
        'eventTitle', request.title,
        'reviewDeadline', pg_catalog.to_char((request.end_datetime + interval '14 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        'timeZone', request.timezone)),
      pg_catalog.format('%s/%s', request.event_id, request.user_id));
    sent := sent + 1;
  end loop;
  return sent;
end;
$$;
comment on function private.job_send_review_requests(timestamptz) is 'Asks each eligible reviewer of an ended event once (notification + e-mail). Returns how many.';

-- Daily: read notifications older than 30 days go; unread ones stay whatever their age.
create function private.job_purge_read_notifications(now timestamptz)
returns integer
language sql
set search_path = ''
as $$
  with purged as (
    delete from public.notifications as n
    where n.is_read and n.created_at < job_purge_read_notifications.now - interval '30 days'
    returning 1
  )
  select count(*)::integer from purged;
$$;
comment on function private.job_purge_read_notifications(timestamptz) is 'Deletes read notifications older than 30 days. Returns how many.';

-- Daily: sent outbox rows older than 30 days (communication_logs keeps the record) and hook
-- receipts past Resend's 24 h idempotency window. Failed rows stay for an operator.
create function private.job_purge_email_records(now timestamptz)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  purged integer;
begin
  delete from private.email_outbox as o
  where o.status = 'sent' and o.sent_at < job_purge_email_records.now - interval '30 days';
  get diagnostics purged = row_count;
  return purged + private.purge_auth_email_webhook_receipts(job_purge_email_records.now);
end;
$$;
comment on function private.job_purge_email_records(timestamptz) is 'Deletes sent outbox rows older than 30 days and old hook receipts. Returns how many rows.';

revoke all on function private.job_send_reminders(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.job_close_registration(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.job_end_events(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.job_send_review_requests(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.job_purge_read_notifications(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.job_purge_email_records(timestamptz) from public, anon, authenticated, service_role;
