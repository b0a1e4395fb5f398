-- Purpose: notification `data` had two key styles (issue 15): SQL writers used event_id,
-- follower_id, review_id; the edge functions wrote eventId, participantId, orgId, userId. A
-- frontend reading `data.event_id` missed half the rows. One style now: snake_case, like every
-- column name. (E-mail outbox data is template input, not an API surface, and keeps its keys.)
-- - private.notify, the single writer of notifications, converts keys to snake_case, so every
--   writer (functions, jobs, triggers, and writers yet to come) lands in one style;
-- - existing rows are rewritten;
-- - a check constraint holds the rule for any other writer (service role inserts).
-- Touches: functions private.snake_case_keys, private.keys_are_snake_case (new); replaces
-- private.notify (same signature and body, keys converted); constraint
-- notifications_data_keys_are_snake_case; rewrites public.notifications.data.

create function private.snake_case_keys(data jsonb) returns jsonb
language sql immutable parallel safe set search_path = '' as $$
  select case when pg_catalog.jsonb_typeof(data) <> 'object' then data else coalesce((
    select pg_catalog.jsonb_object_agg(
      pg_catalog.lower(pg_catalog.regexp_replace(pg_catalog.regexp_replace(k.key, '([a-z0-9])([A-Z])', '\1_\2', 'g'), '([A-Z]+)([A-Z][a-z])', '\1_\2', 'g')),
      k.value)
    from pg_catalog.jsonb_each(data) k), '{}'::jsonb) end
$$;
comment on function private.snake_case_keys(jsonb) is 'The object with its top-level keys in snake_case (eventId → event_id).';

create function private.keys_are_snake_case(data jsonb) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select pg_catalog.jsonb_typeof(data) <> 'object'
      or not exists (select 1 from pg_catalog.jsonb_object_keys(data) k where k !~ '^[a-z][a-z0-9_]*$')
$$;
comment on function private.keys_are_snake_case(jsonb) is 'True when every top-level key of the object is snake_case.';

create or replace function private.notify(
  recipient_id uuid,
  kind public.notification_kind,
  content text,
  link_url text default null,
  data jsonb default '{}',
  actor_id uuid default null
) returns uuid
language sql volatile set search_path = '' as $$
  insert into public.notifications (recipient_id, actor_id, type, kind, content, link_url, data)
  values (notify.recipient_id, notify.actor_id, private.notification_type_for(notify.kind), notify.kind,
          pg_catalog.left(notify.content, 500), notify.link_url, private.snake_case_keys(coalesce(notify.data, '{}')))
  returning id
$$;
comment on function private.notify(uuid, public.notification_kind, text, text, jsonb, uuid) is
  'Writes one notification row (content cut to 500 characters, data keys in snake_case). Every transition calls it in its own transaction.';

update public.notifications set data = private.snake_case_keys(data) where not private.keys_are_snake_case(data);

alter table public.notifications add constraint notifications_data_keys_are_snake_case
  check (private.keys_are_snake_case(data));
