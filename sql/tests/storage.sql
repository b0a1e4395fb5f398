-- Test helpers for Storage policies (supabase/tests/storage/). Fixtures are keyed by handle and
-- get deterministic ids, so a test names its scene ("olga organizes paid-night") and can build
-- object paths from the same ids. Requests are made the way the Storage service makes them:
-- `role` + `request.jwt.claims` set for the transaction, then plain SQL on storage.objects
-- (insert for an upload, update for upsert/move, delete … returning for a removal, select for
-- list/download/signed URL), with `storage.allow_delete_query` set before deletes.
-- Loaded after migrations and seed; safe to load again.

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- A stable uuid per handle: md5 is hex, so this is a canonical lowercase uuid.
create or replace function tests.storage_uid(handle text) returns uuid
language sql immutable set search_path = '' as $$
  select pg_catalog.md5('atas-storage-test:' || handle)::uuid
$$;

-- A confirmed (therefore active) account; with is_admin an approved platform admin.
create or replace function tests.storage_user(handle text, is_admin boolean default false) returns uuid
language plpgsql set search_path = '' as $$
declare
  user_id uuid := tests.storage_uid(handle);
begin
  insert into auth.users (id, instance_id, aud, role, email, encrypted_password, email_confirmed_at,
    confirmation_token, recovery_token, email_change_token_new, email_change,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values (user_id, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated',
    handle || '@storage.test', '', pg_catalog.now(), '', '', '', '',
    '{"provider": "email", "providers": ["email"]}', pg_catalog.jsonb_build_object('full_name', handle),
    pg_catalog.now(), pg_catalog.now())
  on conflict (id) do nothing;
  if is_admin then
    insert into public.user_roles (user_id, role, status, decided_at)
    values (user_id, 'admin', 'approved', pg_catalog.now())
    on conflict do nothing;
  end if;
  return user_id;
end $$;

-- An approved organization owned by `owner`; `managers`/`members` join it as active admin/member.
create or replace function tests.storage_organization(
  handle text, owner text, managers text[] default '{}', members text[] default '{}'
) returns uuid
language plpgsql set search_path = '' as $$
declare
  org_id uuid := tests.storage_uid('organization:' || handle);
  person text;
begin
  perform tests.storage_user(owner);
  insert into public.organizations (id, owner_id, name) values (org_id, tests.storage_uid(owner), handle)
  on conflict (id) do nothing;
  foreach person in array managers loop
    perform tests.storage_user(person);
    insert into public.organization_members (org_id, user_id, role, status)
    values (org_id, tests.storage_uid(person), 'admin', 'active') on conflict do nothing;
  end loop;
  foreach person in array members loop
    perform tests.storage_user(person);
    insert into public.organization_members (org_id, user_id, role, status)
    values (org_id, tests.storage_uid(person), 'member', 'active') on conflict do nothing;
  end loop;
  return org_id;
end $$;

-- A published event organized by `organizer`, starting in a week; paid ones cost 10 MYR.
create or replace function tests.storage_event(handle text, organizer text, is_paid boolean default false)
returns uuid
language plpgsql set search_path = '' as $$
declare
  event_id uuid := tests.storage_uid('event:' || handle);
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
begin
  -- A fixture builds the world as the system (private.is_system_path), whatever request came before.
  perform pg_catalog.set_config('request.jwt.claims', '', true);
  perform pg_catalog.set_config('atas.system_path', 'on', true);
  perform tests.storage_user(organizer);
  insert into public.events (id, organizer_id, title, start_datetime, end_datetime,
    registration_type, price, auto_accept_registration)
  values (event_id, tests.storage_uid(organizer), handle, pg_catalog.now() + interval '7 days',
    pg_catalog.now() + interval '7 days 2 hours',
    case when is_paid then 'paid' else 'free' end::public.event_registration_type,
    case when is_paid then 10 else 0 end, not is_paid)
  on conflict (id) do nothing;
  update public.events set status = 'published' where id = event_id and status = 'draft';
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  perform pg_catalog.set_config('atas.system_path', '', true);
  return event_id;
end $$;

-- A participant row (the organizer's own row is made by the events trigger).
create or replace function tests.storage_participant(
  event text, handle text, role public.event_participant_role default 'audience',
  status public.event_participant_status default 'accepted', proposal uuid default null
) returns void
language plpgsql set search_path = '' as $$
begin
  perform tests.storage_user(handle);
  insert into public.event_participants (event_id, user_id, role, join_method, status, proposal_id)
  values (tests.storage_uid('event:' || event), tests.storage_uid(handle), storage_participant.role,
    case when storage_participant.role in ('committee', 'speaker', 'sponsor') then 'invited' else 'registered' end::public.event_join_method,
    storage_participant.status, proposal);
end $$;

-- A proposal of `event` written by `author`.
create or replace function tests.storage_proposal(handle text, event text, author text) returns uuid
language plpgsql set search_path = '' as $$
declare
  proposal_id uuid := tests.storage_uid('proposal:' || handle);
begin
  insert into public.event_proposals (id, event_id, created_by_user_id, title)
  values (proposal_id, tests.storage_uid('event:' || event), tests.storage_uid(author), handle)
  on conflict (id) do nothing;
  return proposal_id;
end $$;

-- An object already in a bucket, uploaded earlier by `uploader` (written as the project owner).
create or replace function tests.storage_put(bucket text, object_name text, uploader text) returns void
language sql set search_path = '' as $$
  insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
  values (bucket, object_name, tests.storage_uid(uploader), tests.storage_uid(uploader)::text,
    '{"mimetype": "image/png", "size": 1024}')
$$;

-- Switches this transaction to the caller the Storage service would act as: a signed-in user by
-- handle, or anon when handle is null.
create or replace function tests.storage_act_as(handle text) returns void
language plpgsql set search_path = '' as $$
declare
  user_id uuid := case when handle is null then null else tests.storage_uid(handle) end;
begin
  if user_id is null then
    perform pg_catalog.set_config('role', 'anon', true);
    perform pg_catalog.set_config('request.jwt.claims', '{"role": "anon"}', true);
  else
    perform pg_catalog.set_config('role', 'authenticated', true);
    perform pg_catalog.set_config('request.jwt.claims', pg_catalog.json_build_object(
      'sub', user_id, 'role', 'authenticated', 'aud', 'authenticated',
      'email', handle || '@storage.test', 'is_anonymous', false)::text, true);
  end if;
  perform pg_catalog.set_config('request.method', 'POST', true);
  perform pg_catalog.set_config('storage.allow_delete_query', 'true', true);
end $$;

-- Tries one Storage operation as `actor` (null = anon) and answers whether RLS let it through.
-- The attempt runs in a subtransaction that is always rolled back, so probes never change the
-- scene. Operations: 'select' (list/download/sign), 'insert' (upload a new object), 'update'
-- (upsert over it), 'move' (rename to new_name), 'delete'. A refusal is an empty result or 42501;
-- any other error is raised.
create or replace function tests.storage_can(
  actor text, operation text, bucket text, object_name text, new_name text default null
) returns boolean
language plpgsql set search_path = '' as $$
declare
  allowed boolean;
  affected integer;
begin
  begin
    perform tests.storage_act_as(actor);
    case operation
      when 'select' then
        select count(*) into affected from storage.objects o where o.bucket_id = bucket and o.name = object_name;
      when 'insert' then
        insert into storage.objects (bucket_id, name, owner, owner_id, metadata)
        values (bucket, object_name, (select auth.uid()), (select auth.uid())::text,
          '{"mimetype": "image/png", "size": 2048}');
        get diagnostics affected = row_count;
      when 'update' then
        with changed as (
          update storage.objects o set metadata = '{"mimetype": "image/png", "size": 4096}', owner_id = (select auth.uid())::text
          where o.bucket_id = bucket and o.name = object_name returning 1
        ) select count(*) into affected from changed;
      when 'move' then
        with changed as (
          update storage.objects o set name = new_name
          where o.bucket_id = bucket and o.name = object_name returning 1
        ) select count(*) into affected from changed;
      when 'delete' then
        with removed as (
          delete from storage.objects o where o.bucket_id = bucket and o.name = object_name returning 1
        ) select count(*) into affected from removed;
      else
        raise exception 'Cannot probe operation "%": use select, insert, update, move or delete', operation;
    end case;
    allowed := affected > 0;
    raise exception using errcode = 'T0001', message = 'probe rolled back';
  exception
    when sqlstate 'T0001' then null;
    when insufficient_privilege then allowed := false;
  end;
  return allowed;
end $$;

grant execute on all functions in schema tests to anon, authenticated, service_role;
