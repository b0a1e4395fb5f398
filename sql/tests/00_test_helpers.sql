-- The `tests` schema: fixtures by handle and sign-in helpers for pgTAP and the HTTP tests.
-- Applied after migrations and seed by scripts/lib/throwaway-cluster.mjs (test clusters only;
-- never part of a migration). Safe to apply again.
--
-- Fixtures are `security definer` (owner postgres) so they keep working after a test switched to
-- authenticated/anon. sign_in_as and sign_out are the exception: Postgres refuses `set role`
-- inside a definer function, so they run as invoker and ask the definer helper for the claims.

create schema if not exists tests;
-- Lookups are volatile on purpose: a stable function called from a volatile function's statement
-- did not see rows written earlier in that function (seen with tests.create_world).
grant usage on schema tests to anon, authenticated, service_role;

-- ── users ──────────────────────────────────────────────────────────────────────────────────
create or replace function tests.email_of(handle text) returns text
language sql immutable set search_path = '' as $$
  select pg_catalog.lower(handle) || '@atas.test'
$$;

create or replace function tests.find_uid(handle text) returns uuid
language sql volatile security definer set search_path = '' as $$
  select u.id from auth.users u where u.email = tests.email_of(handle)
$$;

create or replace function tests.uid(handle text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
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
  perform pg_catalog.set_config('atas.system_path', 'on', true);  -- the named system path (private.is_system_path)

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
  perform pg_catalog.set_config('atas.system_path', '', true);
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
  perform pg_catalog.set_config('atas.system_path', 'on', true);  -- the named system path (private.is_system_path)
  delete from public.user_roles where user_id = tests.uid(handle) and role = wanted;
  insert into public.user_roles (user_id, role, status)
  values (tests.uid(handle), wanted, case when wanted_status = 'revoked' then 'approved' else wanted_status end);
  if wanted_status = 'revoked' then
    update public.user_roles set status = 'revoked' where user_id = tests.uid(handle) and role = wanted;
  end if;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  perform pg_catalog.set_config('atas.system_path', '', true);
end $$;

-- The claims a real access token carries: Auth's base claims passed through our hook.
create or replace function tests.access_token_claims(handle text) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  account auth.users;
  issued bigint := pg_catalog.floor(extract(epoch from pg_catalog.now()));
  -- looked up once: tests.uid() is volatile, so in the where clause it would run per row
  account_id uuid := tests.uid(handle);
begin
  select * into account from auth.users u where u.id = account_id;
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
language plpgsql volatile security definer set search_path = '' as $$
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
  perform pg_catalog.set_config('atas.system_path', 'on', true);  -- the named system path (private.is_system_path)
  insert into public.organizations (owner_id, name, visibility)
  values (tests.ensure_user(owner), slug, create_org.visibility) returning id into new_id;
  if create_org.status <> 'pending' then
    update public.organizations set status = create_org.status where id = new_id;
  end if;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  perform pg_catalog.set_config('atas.system_path', '', true);
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
-- A proposal's id by title, read past RLS: lets a matrix name a proposal the actor cannot see, so
-- that WITH CHECK (not a filtered SELECT) is what refuses the write.
create or replace function tests.proposal_id(proposal_title text) returns uuid
language sql stable security definer set search_path = '' as $$
  select p.id from public.event_proposals p where p.title = proposal_title
$$;

create or replace function tests.event_id(slug text) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
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
  perform pg_catalog.set_config('atas.system_path', 'on', true);  -- the named system path (private.is_system_path)
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
  perform pg_catalog.set_config('atas.system_path', '', true);
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
language sql volatile security definer set search_path = '' as $$
  select p.status from public.event_participants p
  where p.event_id = tests.event_id(event_slug) and p.user_id = tests.uid(handle)
$$;

-- ── acting as someone, the way PostgREST runs one request ──────────────────────────────────
-- Runs `statement` as `handle` ('anon' = signed out) inside a subtransaction that is always
-- rolled back, so every attempt starts from the same data. Returns:
--   'allowed'   it ran and touched/returned at least one row
--   'hidden'    it ran and touched/returned no row (RLS filtered it)
--   'forbidden' SQLSTATE 42501 (no privilege, or a policy's with check refused it)
--   '<sqlstate> <constraint>: <message>' for anything else.
-- Invoker rights on purpose: the role switch must apply to the statement.
-- The same with explicit claims (e.g. a token minted before a suspension): role authenticated.
create or replace function tests.attempt_with_claims(claims jsonb, statement text) returns text
language plpgsql set search_path = '' as $$
declare
  affected text;
  state text;
  constraint_name text;
  message text;
begin
  begin
    if claims ->> 'role' = 'anon' then
      perform pg_catalog.set_config('role', 'anon', true);
    else
      perform pg_catalog.set_config('role', 'authenticated', true);
    end if;
    perform pg_catalog.set_config('request.jwt.claims', claims::text, true);
    execute statement;
    get diagnostics affected = row_count;
    raise exception using errcode = 'P0T01', message = 'tests.attempt rollback', detail = affected;
  exception when others then
    get stacked diagnostics state = returned_sqlstate, constraint_name = constraint_name, message = message_text,
      affected = pg_exception_detail;
    if state = 'P0T01' then
      return case when affected::bigint > 0 then 'allowed' else 'hidden' end;
    elsif state = '42501' then
      return 'forbidden';
    end if;
    return state || ' ' || coalesce(constraint_name, '') || ': ' || message;
  end;
end $$;

create or replace function tests.attempt(handle text, statement text) returns text
language plpgsql set search_path = '' as $$
begin
  if handle = 'anon' then
    return tests.attempt_with_claims('{"role": "anon"}', statement);
  end if;
  return tests.attempt_with_claims(tests.access_token_claims(handle), statement);
end $$;

-- allowed / denied (hidden or forbidden) / the error: what a permission matrix compares.
create or replace function tests.can(handle text, statement text) returns text
language sql set search_path = '' as $$
  select case when outcome in ('hidden', 'forbidden') then 'denied' else outcome end
  from tests.attempt(handle, statement) as outcome
$$;

-- Whether a matrix row's target exists, so that "denied" means hidden or refused, never "no such
-- row". The statement becomes a probe read as the caller of the test (`postgres`, past RLS, no
-- triggers fired): a select as it is, `update T set … where W` and `delete from T where W` as
-- `select 1 from T where W`, `insert into T (…) select …` as its select (the rows it would copy
-- from). NULL for `insert … values` (its target is the new row itself).
create or replace function tests.target_probe(statement text) returns text
language plpgsql immutable set search_path = '' as $$
declare
  body text := pg_catalog.btrim(statement);
  at integer;
begin
  if body ~* '^select\s' then
    return body;
  elsif body ~* '^insert\s+into\s+\S+\s*\([^)]*\)\s*select\s' then
    return pg_catalog.regexp_replace(body, '^insert\s+into\s+\S+\s*\([^)]*\)\s*', '', 'i');
  elsif body ~* '^insert\s' then
    return null;
  elsif body ~* '^delete\s+from\s' then
    return pg_catalog.regexp_replace(body, '^delete\s+from\s+(\S+)', 'select 1 from \1', 'i');
  elsif body ~* '^update\s' then
    at := pg_catalog.strpos(pg_catalog.lower(body), ' where ');
    return 'select 1 from ' || pg_catalog.split_part(pg_catalog.regexp_replace(body, '^update\s+', '', 'i'), ' ', 1)
      || case when at > 0 then pg_catalog.substr(body, at) else '' end;
  end if;
  raise exception 'tests.target_probe: cannot read the target of %', statement;
end $$;

-- True when the probe finds rows for at least one of `handles` (their claims set, so that
-- `auth.uid()` in the statement means that actor; RLS still bypassed).
create or replace function tests.target_exists(statement text, handles text[]) returns boolean
language plpgsql set search_path = '' as $$
declare
  probe text := tests.target_probe(statement);
  saved text := pg_catalog.current_setting('request.jwt.claims', true);
  handle text;
  found_rows bigint;
  found boolean := false;
begin
  foreach handle in array handles loop
    perform pg_catalog.set_config('request.jwt.claims',
      case when handle = 'anon' then '{"role": "anon"}' else tests.access_token_claims(handle)::text end, true);
    execute 'select count(*) from (' || probe || ') as target' into found_rows;
    found := found_rows > 0;
    exit when found;
  end loop;
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved, ''), true);
  return found;
end $$;

-- The constraint a statement violates ('' when it succeeds), run as the current role in a
-- rolled-back subtransaction.
create or replace function tests.violated_constraint(statement text) returns text
language plpgsql set search_path = '' as $$
declare
  constraint_name text;
begin
  begin
    execute statement;
    raise exception using errcode = 'P0T01', message = 'tests.violated_constraint rollback';
  exception when others then
    get stacked diagnostics constraint_name = constraint_name;
    return coalesce(constraint_name, '');
  end;
end $$;

-- ── the shared cast of the permission matrices ─────────────────────────────────────────────
-- ada admin · stan stranger · pia owner of personal rows, accepted participant of meetup ·
-- olga organizer of meetup (org club, published, 10 seats), plan (draft), retreat (private), past
-- (ended 3 days ago, org club; pia attended, so her reviews of olga, max and club are eligible) · kai accepted committee of meetup/plan/retreat · pat accepted participant of meetup,
-- linked to proposal keynote · omar admin of organizations club and guild (owner owen) · sue
-- suspended (was an accepted participant of meetup) · max approved expert, speaker of past.
create or replace function tests.create_world() returns void
language plpgsql security definer set search_path = '' as $$
declare
  saved_claims text := pg_catalog.current_setting('request.jwt.claims', true);
begin
  perform pg_catalog.set_config('request.jwt.claims', '', true);
  perform pg_catalog.set_config('atas.system_path', 'on', true);  -- the named system path (private.is_system_path)
  perform tests.create_user('ada', '{admin}');
  perform tests.create_user(h) from unnest(array['stan', 'pia', 'olga', 'kai', 'pat', 'owen', 'omar', 'mel', 'sue']) as h;
  perform tests.create_user('max', '{expert}');

  perform tests.create_org('club', owner => 'owen');
  perform tests.create_org('guild', owner => 'owen');
  perform tests.create_org('pending-org', owner => 'owen', status => 'pending');
  perform tests.add_org_member('club', 'omar', 'admin');
  perform tests.add_org_member('guild', 'omar', 'admin');
  perform tests.add_org_member('club', 'mel', 'member');
  insert into public.organization_bank_details (organization_id, bank_name, account_number, holder_name)
  values (tests.org_id('club'), 'Maybank', '5140 1234 5678', 'Club Treasurer');

  perform tests.create_event('meetup', organizer => 'olga', organization => 'club', max_participant => 10);
  perform tests.create_event('plan', organizer => 'olga', status => 'draft');
  perform tests.create_event('retreat', organizer => 'olga', visibility => 'private');
  perform tests.create_event('past', organizer => 'olga', status => 'ended', starts_in => '-3 days', organization => 'club');
  perform tests.add_participant(e, 'kai', 'committee', 'accepted', 'invited') from unnest(array['meetup', 'plan', 'retreat']) as e;
  perform tests.add_participant('meetup', 'pia');
  perform tests.add_participant('meetup', 'pat');
  perform tests.add_participant('meetup', 'sue');
  perform tests.add_participant('past', 'pia', status => 'attended');
  perform tests.add_participant('past', 'max', 'speaker', 'accepted', 'invited');
  insert into public.event_participants (event_id, guest_name, guest_email, join_method, status)
  values (tests.event_id('meetup'), 'Gus Guest', 'gus@example.com', 'walk_in', 'attended');

  insert into public.tags (name) values ('w-cloud'), ('w-ai');
  insert into public.skills (name) values ('w-sql'), ('w-python');
  insert into public.categories (name) values ('w-tech'), ('w-career');
  insert into public.profile_tags (profile_id, tag_id) select tests.uid('pia'), t.id from public.tags t where t.name = 'w-cloud';
  insert into public.profile_skills (profile_id, skill_id, level) select tests.uid('pia'), s.id, 3 from public.skills s where s.name = 'w-sql';
  insert into public.event_categories (event_id, category_id) select e, c.id
  from unnest(array[tests.event_id('meetup'), tests.event_id('plan')]) as e, public.categories c where c.name = 'w-tech';
  insert into public.educations (user_id, school) values (tests.uid('pia'), 'Asia Pacific University');
  insert into public.job_experiences (user_id, title) values (tests.uid('pia'), 'Intern');

  insert into public.event_meeting_links (event_id, meeting_url) values (tests.event_id('meetup'), 'https://meet.example.com/meetup');
  insert into public.event_payment_details (event_id, payment_qr_url) values (tests.event_id('meetup'), 'qr/meetup.png');
  insert into public.event_pictures (event_id, url, caption)
  values (tests.event_id('meetup'), 'event-pictures/' || tests.event_id('meetup') || '/1.jpg', 'Stage');
  insert into public.event_walk_in_tokens (event_id, label) values (tests.event_id('meetup'), 'door');
  insert into public.event_proposals (event_id, created_by_user_id, title) values (tests.event_id('meetup'), tests.uid('olga'), 'keynote');
  update public.event_participants set proposal_id = (select id from public.event_proposals where title = 'keynote')
  where event_id = tests.event_id('meetup') and user_id = tests.uid('pat');
  insert into public.event_proposal_comments (proposal_id, user_id, content)
  select id, tests.uid('kai'), 'kai-comment' from public.event_proposals where title = 'keynote';
  insert into public.event_checklist_items (event_id, title, visibility, created_by_user_id) values
    (tests.event_id('meetup'), 'internal-task', 'internal', tests.uid('olga')),
    (tests.event_id('meetup'), 'bring-laptop', 'external', tests.uid('olga'));
  insert into public.event_checklist_assignments (item_id, user_id)
  select id, tests.uid('kai') from public.event_checklist_items where title = 'internal-task';
  insert into public.event_checklist_item_files (item_id, proposal_id)
  select i.id, p.id from public.event_checklist_items i, public.event_proposals p where i.title = 'internal-task' and p.title = 'keynote';
  insert into public.event_reminders (event_id, user_id, option) values (tests.event_id('meetup'), tests.uid('pia'), 'one_day');

  insert into public.reviews (event_id, reviewer_id, reviewee_id, rating, comment) values
    (tests.event_id('past'), tests.uid('pia'), tests.uid('olga'), 4, 'pia-about-olga'),
    (tests.event_id('past'), tests.uid('pia'), tests.uid('max'), 5, 'pia-about-max');
  insert into public.reviews (org_id, reviewer_id, rating, comment) values (tests.org_id('club'), tests.uid('pia'), 5, 'pia-about-club');
  insert into public.follows (follower_id, followee_id) values (tests.uid('pia'), tests.uid('olga')), (tests.uid('sue'), tests.uid('olga'));
  insert into public.follows (follower_id, org_id) values (tests.uid('pia'), tests.org_id('club'));

  perform private.notify(tests.uid('pia'), 'new_follower', 'pia-notification', '/profiles/x');
  insert into public.notification_preferences (user_id, kind, email_enabled) values (tests.uid('pia'), 'new_follower', false);
  insert into public.communication_logs (type, status, recipient_id, subject) values ('email', 'pending', tests.uid('pia'), 'Welcome');
  insert into public.audit_logs (actor_id, action, target_type, target_id) values (tests.uid('ada'), 'user.suspend', 'user', tests.uid('sue'));

  update public.users set status = 'suspended', suspended_reason = 'Suspended by the test world' where id = tests.uid('sue');
  perform pg_catalog.set_config('request.jwt.claims', coalesce(saved_claims, ''), true);
  perform pg_catalog.set_config('atas.system_path', '', true);
end $$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

-- Whether a query returns at least one row, run with the current role (matrices first show, as
-- the owner, that their target row exists: "denied" then means hidden, never "no such row").
create or replace function tests.returns_rows(statement text) returns boolean
language plpgsql set search_path = '' as $$
declare
  found boolean;
begin
  execute format('select exists (%s)', statement) into found;
  return found;
end $$;
