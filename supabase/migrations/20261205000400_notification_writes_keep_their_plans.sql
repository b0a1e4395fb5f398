-- Purpose: the same change as 20261205000100 for the write path under the event lock (issue 16):
-- each registration calls private.notify, whose `language sql` body (and the snake_case helpers
-- it and the notifications check constraint call) Postgres 15 planned again on every call, while
-- the registration held the event row lock. PL/pgSQL keeps those plans per connection.
-- Same bodies, same attributes, same results.
-- Touches: replaces private.notify, private.notification_type_for, private.snake_case_keys,
-- private.keys_are_snake_case (last defined in 20261204300200 and earlier).

create or replace function private.notification_type_for(kind public.notification_kind) returns public.notification_type
language plpgsql immutable set search_path = '' as $$
begin
  return case
    when kind in ('welcome', 'role_requested', 'role_decided', 'new_follower', 'admin_broadcast') then 'system'
    when kind in ('org_decided', 'org_membership', 'org_submitted') then 'organization'
    when kind in ('review_request', 'review_received') then 'review'
    else 'event'
  end::public.notification_type;
end $$;

create or replace function private.snake_case_keys(data jsonb) returns jsonb
language plpgsql immutable parallel safe set search_path = '' as $$
begin
  return case when pg_catalog.jsonb_typeof(data) <> 'object' then data else coalesce((
    select pg_catalog.jsonb_object_agg(
      pg_catalog.lower(pg_catalog.regexp_replace(pg_catalog.regexp_replace(k.key, '([a-z0-9])([A-Z])', '\1_\2', 'g'), '([A-Z]+)([A-Z][a-z])', '\1_\2', 'g')),
      k.value)
    from pg_catalog.jsonb_each(data) k), '{}'::jsonb) end;
end $$;

create or replace function private.keys_are_snake_case(data jsonb) returns boolean
language plpgsql immutable parallel safe set search_path = '' as $$
begin
  return pg_catalog.jsonb_typeof(data) <> 'object'
      or not exists (select 1 from pg_catalog.jsonb_object_keys(data) k where k !~ '^[a-z][a-z0-9_]*$');
end $$;

create or replace function private.notify(recipient_id uuid, kind public.notification_kind, content text,
  link_url text default null, data jsonb default '{}', actor_id uuid default null) returns uuid
language plpgsql set search_path = '' as $$
#variable_conflict use_column
declare
  created uuid;
begin
  insert into public.notifications (recipient_id, actor_id, type, kind, content, link_url, data)
  values (notify.recipient_id, notify.actor_id, private.notification_type_for(notify.kind), notify.kind,
          pg_catalog.left(notify.content, 500), notify.link_url, private.snake_case_keys(coalesce(notify.data, '{}')))
  returning id into created;
  return created;
end $$;
