-- Purpose: people and organization discovery (issue 15 §1). Nothing listed approved experts,
-- teachers or sponsors: user_roles is private (self and admins) and profiles carried no role.
-- 1. profiles.badges: the approved roles among teacher, expert, sponsor, kept by trigger from
--    user_roles. It is the public, narrow face of user_roles: only approved roles, never a
--    pending/rejected/revoked request, never admin or student; readable with the profile only
--    (profiles RLS: visible profiles, one's own, admins). Users cannot write it (profiles' update
--    grant is column-limited and does not name it).
-- 2. public.search_people: visible profiles with a badge, by text (name, title, bio; websearch
--    syntax, ranked), role, skill, tag, keyset pages through an opaque cursor; security invoker,
--    callable by anon. As in search_events, a definer helper picks the page of ids (so the GIN
--    expression index is usable: `@@` is not leakproof), restricted by its own WHERE to rows every
--    role may see (public profile of an active, undeleted account), and the invoker function
--    reads the rows under the caller's RLS.
-- 3. organizations.member_count (active members, trigger-kept) and public.search_organizations:
--    approved, public, undeleted organizations by text and type, keyset pages.
-- The search documents are expression indexes, not stored columns, so `select *` on profiles and
-- organizations returns no tsvector (the events column does; see the next migration).
-- Touches: columns profiles.badges, organizations.member_count; functions
-- private.refresh_profile_badges, private.refresh_organization_member_count,
-- private.person_search_document, private.organization_search_document, private.search_people_page,
-- private.search_organization_page, public.search_people, public.search_organizations; types
-- public.person_search_result, public.organization_search_result; indexes below.

-- ── badges ──────────────────────────────────────────────────────────────────────────────────
alter table public.profiles add column badges public.app_role[] not null default '{}';
comment on column public.profiles.badges is
  'Approved roles shown on the profile (teacher, expert, sponsor only; never pending requests, student or admin). Trigger-kept from user_roles.';

create function private.refresh_profile_badges() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.user_id else new.user_id end;
begin
  update public.profiles p set badges = coalesce((
    select pg_catalog.array_agg(r.role order by r.role) from public.user_roles r
    where r.user_id = target and r.status = 'approved' and r.role in ('teacher', 'expert', 'sponsor')), '{}')
  where p.user_id = target;
  return null;
end $$;
comment on function private.refresh_profile_badges() is 'Trigger: keeps profiles.badges equal to the approved teacher/expert/sponsor roles.';
revoke all on function private.refresh_profile_badges() from public;
create trigger user_roles_refresh_profile_badges after insert or update of role, status or delete on public.user_roles
  for each row execute function private.refresh_profile_badges();

update public.profiles p set badges = b.badges
from (select r.user_id, pg_catalog.array_agg(r.role order by r.role) as badges from public.user_roles r
      where r.status = 'approved' and r.role in ('teacher', 'expert', 'sponsor') group by r.user_id) b
where b.user_id = p.user_id;

-- ── member counts ───────────────────────────────────────────────────────────────────────────
alter table public.organizations add column member_count integer not null default 0;
alter table public.organizations add constraint organizations_member_count_is_not_negative check (member_count >= 0);
comment on column public.organizations.member_count is 'Active members (owner included); trigger-kept, public with the organization.';

create function private.refresh_organization_member_count() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  target uuid := case when tg_op = 'DELETE' then old.org_id else new.org_id end;
begin
  update public.organizations o set member_count = (
    select pg_catalog.count(*)::integer from public.organization_members m where m.org_id = target and m.status = 'active')
  where o.id = target;
  if tg_op = 'UPDATE' and old.org_id <> new.org_id then
    update public.organizations o set member_count = (
      select pg_catalog.count(*)::integer from public.organization_members m where m.org_id = old.org_id and m.status = 'active')
    where o.id = old.org_id;
  end if;
  return null;
end $$;
comment on function private.refresh_organization_member_count() is 'Trigger: keeps organizations.member_count equal to its active memberships.';
revoke all on function private.refresh_organization_member_count() from public;
create trigger organization_members_refresh_member_count after insert or update of status, org_id or delete on public.organization_members
  for each row execute function private.refresh_organization_member_count();

update public.organizations o set member_count = c.n
from (select m.org_id, pg_catalog.count(*)::integer as n from public.organization_members m where m.status = 'active' group by m.org_id) c
where c.org_id = o.id;

-- ── search documents and indexes ────────────────────────────────────────────────────────────
create function private.person_search_document(full_name text, title text, bio text) returns tsvector
language sql immutable parallel safe set search_path = '' as $$
  select pg_catalog.setweight(pg_catalog.to_tsvector('simple'::regconfig, coalesce(full_name, '')), 'A')
      || pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(title, '')), 'B')
      || pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(bio, '')), 'C')
$$;
comment on function private.person_search_document(text, text, text) is
  'Searchable document of a person: name (A, no stemming), title (B), bio (C).';

create function private.organization_search_document(name text, description text, location text) returns tsvector
language sql immutable parallel safe set search_path = '' as $$
  select pg_catalog.setweight(pg_catalog.to_tsvector('simple'::regconfig, coalesce(name, '')), 'A')
      || pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(location, '')), 'B')
      || pg_catalog.setweight(pg_catalog.to_tsvector('english'::regconfig, coalesce(description, '')), 'C')
$$;
comment on function private.organization_search_document(text, text, text) is
  'Searchable document of an organization: name (A), location (B), description (C).';

-- Only listable people: public profile with at least one badge (the account's state is checked
-- per row by the helper, a short primary-key probe).
create index profiles_people_search_idx on public.profiles
  using gin (private.person_search_document(full_name, title, bio))
  where visibility = 'public' and badges <> '{}';
create index profiles_people_listing_idx on public.profiles (full_name, user_id)
  where visibility = 'public' and badges <> '{}';
create index profiles_people_badges_idx on public.profiles using gin (badges)
  where visibility = 'public' and badges <> '{}';
-- skill and tag filters: profile_skills_skill_id_idx, profile_tags_tag_id_idx (existing) lead by
-- the filter column; the probe per candidate uses the primary keys (profile_id, …).

create index organizations_search_idx on public.organizations
  using gin (private.organization_search_document(name, description, location))
  where status = 'approved' and visibility = 'public' and deleted_at is null;
create index organizations_listing_name_idx on public.organizations (name, id)
  where status = 'approved' and visibility = 'public' and deleted_at is null;
create index organizations_listing_type_idx on public.organizations (type, name, id)
  where status = 'approved' and visibility = 'public' and deleted_at is null;

-- ── people ──────────────────────────────────────────────────────────────────────────────────
-- Definer (see the header): one page of listable people ids with cursors. Its WHERE clause is
-- the visibility rule itself (is_visible_profile) plus "has a badge".
create function private.search_people_page(
  text_query tsquery,
  wanted_role public.app_role,
  wanted_skill uuid,
  wanted_tag uuid,
  after_cursor jsonb,
  page_size integer
) returns table (user_id uuid, ordinal integer, rank real, page_cursor text)
language plpgsql stable security definer
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  cursor_rank real := (after_cursor ->> 'r')::real;
  cursor_name text := after_cursor ->> 'n';
  cursor_id uuid := (after_cursor ->> 'i')::uuid;
begin
  if text_query is null then
    return query
      select p.user_id, (row_number() over (order by p.full_name, p.user_id))::integer, null::real,
             pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
               pg_catalog.jsonb_build_object('n', p.full_name, 'i', p.user_id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
      from (
        select pr.user_id, pr.full_name
        from public.profiles pr
        join public.users u on u.id = pr.user_id and u.status = 'active' and u.deleted_at is null
        where pr.visibility = 'public' and pr.badges <> '{}'
          and (wanted_role is null or pr.badges @> array[wanted_role])
          and (wanted_skill is null or exists (select 1 from public.profile_skills s where s.profile_id = pr.user_id and s.skill_id = wanted_skill))
          and (wanted_tag is null or exists (select 1 from public.profile_tags t where t.profile_id = pr.user_id and t.tag_id = wanted_tag))
          and (cursor_id is null or (pr.full_name, pr.user_id) > (cursor_name, cursor_id))
        order by pr.full_name, pr.user_id
        limit page_size
      ) p;
    return;
  end if;
  return query
    select p.user_id, (row_number() over (order by p.rank desc, p.full_name, p.user_id))::integer, p.rank,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
             pg_catalog.jsonb_build_object('r', p.rank, 'n', p.full_name, 'i', p.user_id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
    from (
      select h.user_id, h.full_name, h.rank
      from (
        select pr.user_id, pr.full_name,
               pg_catalog.ts_rank(private.person_search_document(pr.full_name, pr.title, pr.bio), text_query) as rank
        from public.profiles pr
        join public.users u on u.id = pr.user_id and u.status = 'active' and u.deleted_at is null
        where pr.visibility = 'public' and pr.badges <> '{}'
          and private.person_search_document(pr.full_name, pr.title, pr.bio) @@ text_query
          and (wanted_role is null or pr.badges @> array[wanted_role])
          and (wanted_skill is null or exists (select 1 from public.profile_skills s where s.profile_id = pr.user_id and s.skill_id = wanted_skill))
          and (wanted_tag is null or exists (select 1 from public.profile_tags t where t.profile_id = pr.user_id and t.tag_id = wanted_tag))
      ) h
      where cursor_id is null or h.rank < cursor_rank
         or (h.rank = cursor_rank and (h.full_name, h.user_id) > (cursor_name, cursor_id))
      order by h.rank desc, h.full_name, h.user_id
      limit page_size
    ) p;
end $$;
comment on function private.search_people_page(tsquery, public.app_role, uuid, uuid, jsonb, integer) is
  'One page of listable people (visible profile with a badge) for search_people, with cursors.';
revoke all on function private.search_people_page(tsquery, public.app_role, uuid, uuid, jsonb, integer) from public;
grant execute on function private.search_people_page(tsquery, public.app_role, uuid, uuid, jsonb, integer)
  to anon, authenticated, service_role;

create type public.person_search_result as (
  user_id uuid,
  full_name text,
  title text,
  avatar_url text,
  city text,
  country text,
  badges public.app_role[],
  sponsor_tier text,
  can_be_speaker boolean,
  average_rating numeric,
  reviews_count integer,
  followers_count integer,
  skills text[],
  tags text[],
  rank real,
  cursor text
);
comment on type public.person_search_result is
  'A listed person as search_people returns them: public profile fields, badges (approved roles), skill and tag names, rank (text searches), cursor (pass as after_cursor).';

create function public.search_people(
  query text default null,
  role public.app_role default null,
  skill_id uuid default null,
  tag_id uuid default null,
  after_cursor text default null,
  page_size integer default 20
) returns setof public.person_search_result
language plpgsql stable security invoker
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  text_query tsquery;
  decoded jsonb;
begin
  if page_size is null or page_size < 1 or page_size > 100 then
    raise exception using errcode = 'invalid_parameter_value', message = 'page_size must be between 1 and 100';
  end if;
  if query is not null and pg_catalog.char_length(query) > 200 then
    raise exception using errcode = 'invalid_parameter_value', message = 'query must be at most 200 characters';
  end if;
  if role is not null and role not in ('teacher', 'expert', 'sponsor') then
    raise exception using errcode = 'invalid_parameter_value', message = 'role must be teacher, expert or sponsor';
  end if;
  if pg_catalog.btrim(coalesce(query, '')) <> '' then
    -- 'simple' keeps names unstemmed; English stop words still drop out of titles and bios.
    text_query := pg_catalog.websearch_to_tsquery('simple'::regconfig, query)
               || pg_catalog.websearch_to_tsquery('english'::regconfig, query);
    if pg_catalog.numnode(text_query) = 0 then
      text_query := null;
    end if;
  end if;
  if after_cursor is not null then
    decoded := private.decode_cursor(after_cursor);
    if (decoded ? 'r') <> (text_query is not null) or not (decoded ? 'n' and decoded ? 'i') then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor belongs to a different search: pass the cursor of the last row of this search';
    end if;
    begin
      perform (decoded ->> 'i')::uuid, (decoded ->> 'r')::real;
    exception when others then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor is not a cursor returned by this function: pass the cursor of the last row you received';
    end;
  end if;

  -- The page's rows as the caller may see them (profiles, profile_skills and profile_tags RLS).
  return query
    select pr.user_id, pr.full_name, pr.title, pr.avatar_url, pr.city, pr.country, pr.badges, pr.sponsor_tier,
           pr.can_be_speaker, pr.average_rating, pr.reviews_count, pr.followers_count,
           array(select s.name::text from public.profile_skills ps join public.skills s on s.id = ps.skill_id
                 where ps.profile_id = pr.user_id order by s.name),
           array(select t.name::text from public.profile_tags pt join public.tags t on t.id = pt.tag_id
                 where pt.profile_id = pr.user_id order by t.name),
           p.rank, p.page_cursor
    from private.search_people_page(text_query, search_people.role, search_people.skill_id, search_people.tag_id,
                                    decoded, search_people.page_size) p
    join public.profiles pr on pr.user_id = p.user_id
    order by p.ordinal;
end $$;
comment on function public.search_people(text, public.app_role, uuid, uuid, text, integer) is
  'Find approved experts, teachers and sponsors with public profiles: websearch-style text over name, title, bio (ranked), role/skill/tag filters, keyset pages (pass the last row''s cursor as after_cursor).';
revoke all on function public.search_people(text, public.app_role, uuid, uuid, text, integer) from public, anon, authenticated, service_role;
grant execute on function public.search_people(text, public.app_role, uuid, uuid, text, integer) to anon, authenticated, service_role;

-- ── organizations ───────────────────────────────────────────────────────────────────────────
create function private.search_organization_page(
  text_query tsquery,
  wanted_type public.organization_type,
  after_cursor jsonb,
  page_size integer
) returns table (org_id uuid, ordinal integer, rank real, page_cursor text)
language plpgsql stable security definer
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  cursor_rank real := (after_cursor ->> 'r')::real;
  cursor_name text := after_cursor ->> 'n';
  cursor_id uuid := (after_cursor ->> 'i')::uuid;
begin
  if text_query is null then
    return query
      select o.id, (row_number() over (order by o.name, o.id))::integer, null::real,
             pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
               pg_catalog.jsonb_build_object('n', o.name, 'i', o.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
      from (
        select g.id, g.name from public.organizations g
        where g.status = 'approved' and g.visibility = 'public' and g.deleted_at is null
          and (wanted_type is null or g.type = wanted_type)
          and (cursor_id is null or (g.name, g.id) > (cursor_name, cursor_id))
        order by g.name, g.id
        limit page_size
      ) o;
    return;
  end if;
  return query
    select o.id, (row_number() over (order by o.rank desc, o.name, o.id))::integer, o.rank,
           pg_catalog.translate(pg_catalog.encode(pg_catalog.convert_to(
             pg_catalog.jsonb_build_object('r', o.rank, 'n', o.name, 'i', o.id)::text, 'UTF8'), 'base64'), E'+/=\n', '-_')
    from (
      select h.id, h.name, h.rank
      from (
        select g.id, g.name, pg_catalog.ts_rank(private.organization_search_document(g.name, g.description, g.location), text_query) as rank
        from public.organizations g
        where g.status = 'approved' and g.visibility = 'public' and g.deleted_at is null
          and private.organization_search_document(g.name, g.description, g.location) @@ text_query
          and (wanted_type is null or g.type = wanted_type)
      ) h
      where cursor_id is null or h.rank < cursor_rank or (h.rank = cursor_rank and (h.name, h.id) > (cursor_name, cursor_id))
      order by h.rank desc, h.name, h.id
      limit page_size
    ) o;
end $$;
comment on function private.search_organization_page(tsquery, public.organization_type, jsonb, integer) is
  'One page of listable organizations (approved, public, not deleted) for search_organizations, with cursors.';
revoke all on function private.search_organization_page(tsquery, public.organization_type, jsonb, integer) from public;
grant execute on function private.search_organization_page(tsquery, public.organization_type, jsonb, integer)
  to anon, authenticated, service_role;

create type public.organization_search_result as (
  id uuid,
  name text,
  type public.organization_type,
  logo_url text,
  cover_url text,
  description text,
  location text,
  website_url text,
  member_count integer,
  followers_count integer,
  average_rating numeric,
  reviews_count integer,
  rank real,
  cursor text
);
comment on type public.organization_search_result is
  'A listed organization as search_organizations returns it: public fields, member_count, rank (text searches), cursor.';

create function public.search_organizations(
  query text default null,
  type public.organization_type default null,
  after_cursor text default null,
  page_size integer default 20
) returns setof public.organization_search_result
language plpgsql stable security invoker
set search_path = '' set plan_cache_mode = force_custom_plan as $$
#variable_conflict use_column
declare
  text_query tsquery;
  decoded jsonb;
begin
  if page_size is null or page_size < 1 or page_size > 100 then
    raise exception using errcode = 'invalid_parameter_value', message = 'page_size must be between 1 and 100';
  end if;
  if query is not null and pg_catalog.char_length(query) > 200 then
    raise exception using errcode = 'invalid_parameter_value', message = 'query must be at most 200 characters';
  end if;
  if pg_catalog.btrim(coalesce(query, '')) <> '' then
    text_query := pg_catalog.websearch_to_tsquery('simple'::regconfig, query)
               || pg_catalog.websearch_to_tsquery('english'::regconfig, query);
    if pg_catalog.numnode(text_query) = 0 then
      text_query := null;
    end if;
  end if;
  if after_cursor is not null then
    decoded := private.decode_cursor(after_cursor);
    if (decoded ? 'r') <> (text_query is not null) or not (decoded ? 'n' and decoded ? 'i') then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor belongs to a different search: pass the cursor of the last row of this search';
    end if;
    begin
      perform (decoded ->> 'i')::uuid, (decoded ->> 'r')::real;
    exception when others then
      raise exception using errcode = 'invalid_parameter_value',
        message = 'after_cursor is not a cursor returned by this function: pass the cursor of the last row you received';
    end;
  end if;

  return query
    select g.id, g.name, g.type, g.logo_url, g.cover_url, g.description, g.location, g.website_url,
           g.member_count, g.followers_count, g.average_rating, g.reviews_count, p.rank, p.page_cursor
    from private.search_organization_page(text_query, search_organizations.type, decoded, search_organizations.page_size) p
    join public.organizations g on g.id = p.org_id
    order by p.ordinal;
end $$;
comment on function public.search_organizations(text, public.organization_type, text, integer) is
  'Search approved public organizations by name, location, description (ranked) and type, keyset pages (pass the last row''s cursor as after_cursor).';
revoke all on function public.search_organizations(text, public.organization_type, text, integer) from public, anon, authenticated, service_role;
grant execute on function public.search_organizations(text, public.organization_type, text, integer) to anon, authenticated, service_role;
