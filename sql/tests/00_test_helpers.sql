-- The `tests` schema: fixtures by handle and sign-in helpers for pgTAP and the HTTP tests.
-- Applied after migrations and seed by scripts/lib/throwaway-cluster.mjs (test clusters only;
-- never part of a migration). Safe to apply again.
--
-- Fixtures are `security definer` (owner postgres) so they keep working after a test switched to
-- authenticated/anon. sign_in_as and sign_out are the exception: Postgres refuses `set role`
-- inside a definer function, so they run as invoker and ask the definer helper for the claims.

create schema if not exists tests;
grant usage on schema tests to anon, authenticated, service_role;

-- ── users ──────────────────────────────────────────────────────────────────────────────────
create or replace function tests.email_of(handle text) returns text
language sql immutable set search_path = '' as $$
  select pg_catalog.lower(handle) || '@atas.test'
$$;

create or replace function tests.find_uid(handle text) returns uuid
language sql stable security definer set search_path = '' as $$
  select u.id from auth.users u where u.email = tests.email_of(handle)
$$;

create or replace function tests.uid(handle text) returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  found_id uuid := tests.find_uid(handle);
begin
  if found_id is null then
    raise exception 'Cannot find test user "%": create it with tests.create_user first', handle;
  end if;
  return found_id;
end $$;

-- Signs up like Auth does (auth.users + email identity, so the sign-up trigger runs), confirms
-- the e-mail unless the wanted status is inactive, then grants roles and sets the status
-- directly, as a seeded admin would. Any claims of a signed-in test user are hidden meanwhile,
-- so the role guard sees a system caller.
create or replace function tests.create_user(
  handle text,
  roles public.app_role[] default '{student}',
  status public.user_status default 'active'
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  new_id uuid := extensions.gen_random_uuid();
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
  wanted public.app_role;
begin
  if tests.find_uid(handle) is not null then
    raise exception 'Cannot create test user "%": it exists already', handle;
  end if;
  perform pg_catalog.set_config('request.jwt.claims', '', true);

  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data,
    raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new,
    email_change, is_sso_user, is_anonymous
  ) values (
    '00000000-0000-0000-0000-000000000000', new_id, 'authenticated', 'authenticated', tests.email_of(handle),
    extensions.crypt('password123', extensions.gen_salt('bf', 4)),
    case when status = 'inactive' then null else pg_catalog.now() end,
    '{"provider": "email", "providers": ["email"]}',
    pg_catalog.jsonb_build_object('full_name', pg_catalog.initcap(handle)),
    pg_catalog.now(), pg_catalog.now(), '', '', '', '', false, false
  );
  insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at, last_sign_in_at)
  values (extensions.gen_random_uuid(), new_id::text, new_id,
          pg_catalog.jsonb_build_object('sub', new_id::text, 'email', tests.email_of(handle), 'email_verified', true),
          'email', pg_catalog.now(), pg_catalog.now(), pg_catalog.now());

  foreach wanted in array coalesce(roles, '{}') loop
    insert into public.user_roles (user_id, role, status) values (new_id, wanted, 'approved');
  end loop;

  if status = 'suspended' then
    update public.users set status = 'suspended', suspended_reason = 'Suspended by a test fixture' where id = new_id;
  elsif status = 'frozen' then
    raise exception 'Cannot create test user "%" as frozen: the status is reserved', handle;
  end if;

  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  return new_id;
end $$;

create or replace function tests.ensure_user(handle text) returns uuid
language sql security definer set search_path = '' as $$
  select coalesce(tests.find_uid(handle), tests.create_user(handle))
$$;

-- Adds a role request in a given state (pending expert, rejected sponsor …) with no claims seen.
create or replace function tests.set_role(handle text, wanted public.app_role, wanted_status public.role_status)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
begin
  perform pg_catalog.set_config('request.jwt.claims', '', true);
  delete from public.user_roles where user_id = tests.uid(handle) and role = wanted;
  insert into public.user_roles (user_id, role, status)
  values (tests.uid(handle), wanted, case when wanted_status = 'revoked' then 'approved' else wanted_status end);
  if wanted_status = 'revoked' then
    update public.user_roles set status = 'revoked' where user_id = tests.uid(handle) and role = wanted;
  end if;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
end $$;

-- The claims a real access token carries: Auth's base claims passed through our hook.
create or replace function tests.access_token_claims(handle text) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  account auth.users;
  issued bigint := pg_catalog.floor(extract(epoch from pg_catalog.now()));
begin
  select * into account from auth.users u where u.id = tests.uid(handle);
  return private.custom_access_token_hook(pg_catalog.jsonb_build_object(
    'user_id', account.id,
    'authentication_method', 'password',
    'claims', pg_catalog.jsonb_build_object(
      'iss', 'http://127.0.0.1:54321/auth/v1',
      'sub', account.id,
      'aud', 'authenticated',
      'exp', issued + 3600,
      'iat', issued,
      'email', account.email,
      'phone', '',
      'app_metadata', account.raw_app_meta_data,
      'user_metadata', account.raw_user_meta_data,
      'role', 'authenticated',
      'aal', 'aal1',
      'amr', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object('method', 'password', 'timestamp', issued)),
      'session_id', extensions.gen_random_uuid(),
      'is_anonymous', false
    )
  )) -> 'claims';
end $$;

-- Acts like PostgREST for the rest of the transaction: role + request.jwt.claims.
create or replace function tests.sign_in_as(handle text) returns void
language plpgsql set search_path = '' as $$
declare
  claims jsonb := tests.access_token_claims(handle);  -- built before the role switch
begin
  perform pg_catalog.set_config('role', 'authenticated', true);
  perform pg_catalog.set_config('request.jwt.claims', claims::text, true);
end $$;

create or replace function tests.sign_out() returns void
language plpgsql set search_path = '' as $$
begin
  perform pg_catalog.set_config('role', 'anon', true);
  perform pg_catalog.set_config('request.jwt.claims', '{"role": "anon"}', true);
end $$;

-- ── organizations ──────────────────────────────────────────────────────────────────────────
create or replace function tests.org_id(slug text) returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  found_id uuid;
begin
  select o.id into found_id from public.organizations o where o.name = slug;
  if found_id is null then
    raise exception 'Cannot find test organization "%"', slug;
  end if;
  return found_id;
end $$;

create or replace function tests.create_org(
  slug text,
  owner text default 'owen',
  status public.organization_status default 'approved',
  visibility public.visibility default 'public'
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  new_id uuid;
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
begin
  perform pg_catalog.set_config('request.jwt.claims', '', true);
  insert into public.organizations (owner_id, name, visibility)
  values (tests.ensure_user(owner), slug, create_org.visibility) returning id into new_id;
  if create_org.status <> 'pending' then
    update public.organizations set status = create_org.status where id = new_id;
  end if;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  return new_id;
end $$;

create or replace function tests.add_org_member(
  org_slug text,
  handle text,
  role public.organization_role default 'member',
  status public.organization_member_status default 'active'
) returns void
language sql security definer set search_path = '' as $$
  insert into public.organization_members (org_id, user_id, role, status)
  values (tests.org_id(org_slug), tests.ensure_user(handle), add_org_member.role, add_org_member.status)
$$;

-- ── events ─────────────────────────────────────────────────────────────────────────────────
-- The slug is the event's title (a single word), so tests.event_id(slug) finds it again.
create or replace function tests.event_id(slug text) returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  found_id uuid;
begin
  select e.id into found_id from public.events e where e.title = slug;
  if found_id is null then
    raise exception 'Cannot find test event "%"', slug;
  end if;
  return found_id;
end $$;

-- Walks the state machine to the wanted status (draft → published → ended | cancelled).
create or replace function tests.create_event(
  slug text,
  organizer text default 'olga',
  status public.event_status default 'published',
  visibility public.visibility default 'public',
  starts_in interval default '7 days',
  lasts interval default '2 hours',
  max_participant integer default null,
  auto_accept boolean default true,
  registration_type public.event_registration_type default 'free',
  price numeric default 0,
  organization text default null,
  format public.event_format default 'workshop'
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  new_id uuid;
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
begin
  perform pg_catalog.set_config('request.jwt.claims', '', true);
  insert into public.events (
    organizer_id, organization_id, title, format, start_datetime, end_datetime, visibility, max_participant,
    auto_accept_registration, registration_type, price
  ) values (
    tests.ensure_user(organizer), case when organization is null then null else tests.org_id(organization) end,
    slug, create_event.format, pg_catalog.now() + starts_in, pg_catalog.now() + starts_in + lasts,
    create_event.visibility, create_event.max_participant, auto_accept and create_event.registration_type = 'free',
    create_event.registration_type, create_event.price
  ) returning id into new_id;
  if create_event.status <> 'draft' then
    update public.events set status = 'published' where id = new_id;
  end if;
  if create_event.status = 'ended' then
    update public.events set status = 'ended' where id = new_id;
  elsif create_event.status = 'cancelled' then
    update public.events set status = 'cancelled', cancel_reason = 'Cancelled by a test fixture' where id = new_id;
  end if;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  return new_id;
end $$;

-- Adds a participant in any status by walking §3.6 (rejected via pending; attended/absent via accepted).
create or replace function tests.add_participant(
  event_slug text,
  handle text,
  role public.event_participant_role default 'audience',
  status public.event_participant_status default 'accepted',
  join_method public.event_join_method default 'registered'
) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  new_id uuid;
  first_status public.event_participant_status := case
    when add_participant.status in ('attended', 'absent') then 'accepted'
    when add_participant.status = 'rejected' then 'pending'
    else add_participant.status end;
begin
  insert into public.event_participants (event_id, user_id, role, join_method, status)
  values (tests.event_id(event_slug), tests.ensure_user(handle), add_participant.role, add_participant.join_method,
          first_status)
  returning id into new_id;
  if first_status <> add_participant.status then
    update public.event_participants set status = add_participant.status where id = new_id;
  end if;
  return new_id;
end $$;

create or replace function tests.participant_status(event_slug text, handle text) returns public.event_participant_status
language sql stable security definer set search_path = '' as $$
  select p.status from public.event_participants p
  where p.event_id = tests.event_id(event_slug) and p.user_id = tests.uid(handle)
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;
