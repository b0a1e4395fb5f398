-- Purpose: the RLS helpers stop re-planning their query on every call (issue 16).
-- Postgres 15 plans the body of a `language sql` function each time a statement calls it (it
-- caches nothing across statements; 18 does), and a function with `security definer` or `set
-- search_path` is never inlined. Measured with pg_stat_statements on the 1M-event bench:
-- `private.is_active()` was planned on every one of 3,306 notification-page requests (0.08 ms
-- planning for 0.016 ms of execution), and a review_cards page called is_active 6.4 times and
-- `is_admin()` (is_active + has_role, each planned again) 2.4 times per request. A PL/pgSQL body
-- keeps its plan for the life of the connection (PostgREST and the functions keep theirs pooled),
-- so each call is the index probe alone.
-- The bodies below are the same queries, returned as they were (`return (…)` for a value,
-- `return query` for a set); `#variable_conflict use_column` keeps the SQL-function rule that a
-- column name wins over a parameter of the same name. Every stable `language sql` function of
-- `private` changes, not only the policy helpers, so that no helper is left half-converted.
-- Touches: replaces (same signatures, same attributes) private.event_email_data,
-- event_lineup_rows, has_role, is_accepted_participant, is_active, is_admin, is_approved_expert,
-- is_event_team, is_org_manager, is_system_path, is_visible_profile, my_accepted_event_ids,
-- my_event_ids, my_fellow_participants, my_managed_organization_ids, my_organization_ids,
-- my_organized_event_ids, my_payment_proof_event_ids, my_review_id_list, my_review_ids,
-- my_team_event_ids, profile_is_listed, review_author, review_author_card, review_side,
-- sees_every_reviewer, storage_may_write, taken_seats, unlisted_user_ids.

create or replace function private.event_email_data(event_id uuid) returns jsonb
language plpgsql stable set search_path = '' as $$
#variable_conflict use_column
begin
  return (
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
  );
end $$;

create or replace function private.event_lineup_rows(lineup_event uuid) returns setof public.lineup_entry
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select p.user_id, p.role, pr.full_name, pr.title, pr.avatar_url, pr.badges, pr.sponsor_tier,
           case when p.role = 'sponsor' then p.promo_link end,
           case when p.role = 'sponsor' then p.promo_image_url end
    from public.events e
    join public.event_participants p on p.event_id = e.id  -- event_participants_event_status_idx
    join public.profiles pr on pr.user_id = p.user_id
    join public.users u on u.id = p.user_id
    where e.id = lineup_event
      and e.status in ('published', 'ended') and e.visibility = 'public' and e.deleted_at is null
      and p.status in ('accepted', 'attended') and p.role in ('speaker', 'sponsor')
      and pr.visibility = 'public' and u.status = 'active' and u.deleted_at is null
    order by p.role, pr.full_name, p.user_id;
end $$;

create or replace function private.has_role(wanted public.app_role) returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select exists (
      select 1 from public.user_roles r
      where r.user_id = (select auth.uid()) and r.role = wanted and r.status = 'approved'
    )
  );
end $$;

create or replace function private.is_accepted_participant(event_id uuid) returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select exists (
      select 1 from public.event_participants p
      where p.event_id = is_accepted_participant.event_id and p.user_id = (select auth.uid())
        and p.status in ('accepted', 'attended')
    )
  );
end $$;

create or replace function private.is_active() returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select exists (
      select 1 from public.users u
      where u.id = (select auth.uid()) and u.status = 'active' and u.deleted_at is null
    )
  );
end $$;

create or replace function private.is_admin() returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select private.is_active() and private.has_role('admin')
  );
end $$;

create or replace function private.is_approved_expert(user_id uuid) returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select exists (
      select 1 from public.user_roles r
      where r.user_id = is_approved_expert.user_id and r.role = 'expert' and r.status = 'approved'
    )
  );
end $$;

create or replace function private.is_event_team(event_id uuid) returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select exists (
      select 1 from public.events e
      where e.id = is_event_team.event_id and e.organizer_id = (select auth.uid())
    ) or exists (
      select 1 from public.event_participants p
      where p.event_id = is_event_team.event_id and p.user_id = (select auth.uid())
        and p.role in ('organizer', 'committee') and p.status = 'accepted'
    )
  );
end $$;

create or replace function private.is_org_manager(org_id uuid) returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select exists (
      select 1 from public.organization_members m
      join public.organizations o on o.id = m.org_id
      where m.org_id = is_org_manager.org_id and m.user_id = (select auth.uid())
        and m.status = 'active' and m.role in ('owner', 'admin') and o.deleted_at is null
    )
  );
end $$;

create or replace function private.is_system_path() returns boolean
language plpgsql stable set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select (select auth.uid()) is null
      and coalesce(nullif(pg_catalog.current_setting('request.jwt.claims', true), '')::jsonb ->> 'role', 'service_role')
          = 'service_role'
      and (
        pg_catalog.current_setting('role') in ('postgres', 'service_role', 'supabase_admin')
        or (session_user in ('postgres', 'supabase_admin') and (
          pg_catalog.current_setting('role') = 'none'
          -- owner-run fixtures and scripts that act between requests of a test session name themselves
          or pg_catalog.current_setting('atas.system_path', true) = 'on'))
      )
  );
end $$;

create or replace function private.is_visible_profile(user_id uuid) returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select exists (select 1 from public.profiles p where p.user_id = is_visible_profile.user_id and p.is_listed)
  );
end $$;

create or replace function private.my_accepted_event_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select p.event_id from public.event_participants p
    where p.user_id = (select auth.uid()) and p.status in ('accepted', 'attended');
end $$;

create or replace function private.my_event_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select p.event_id from public.event_participants p
    where p.user_id = (select auth.uid()) and p.status <> 'rejected';
end $$;

create or replace function private.my_fellow_participants() returns table (event_id uuid, user_id uuid, role public.event_participant_role)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select p.event_id, p.user_id, p.role
    from public.event_participants p
    where (select private.is_active())
      and p.event_id in (select private.my_accepted_event_ids())
      and p.user_id is not null
      and p.status in ('accepted', 'attended')
      and (p.user_id = (select auth.uid()) or private.is_visible_profile(p.user_id));
end $$;

create or replace function private.my_managed_organization_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select m.org_id
    from public.organization_members m
    join public.organizations o on o.id = m.org_id
    where m.user_id = (select auth.uid()) and m.status = 'active' and m.role in ('owner', 'admin')
      and o.deleted_at is null;
end $$;

create or replace function private.my_organization_ids(min_role public.organization_role DEFAULT 'member'::public.organization_role) returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select m.org_id from public.organization_members m
    where m.user_id = (select auth.uid()) and m.status = 'active' and m.role >= min_role;
end $$;

create or replace function private.my_organized_event_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select e.id from public.events e
    where e.organizer_id = (select auth.uid()) and e.deleted_at is null
    union
    select p.event_id from public.event_participants p
    where p.user_id = (select auth.uid()) and p.role = 'organizer' and p.status = 'accepted';
end $$;

create or replace function private.my_payment_proof_event_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select p.event_id
    from public.event_participants p
    join public.events e on e.id = p.event_id
    where p.user_id = (select auth.uid())
      and p.role in ('audience', 'student', 'teacher')
      and e.deleted_at is null
      and private.payment_proof_window_open(p.status, p.payment_status, e.status, e.registration_type, e.end_datetime, pg_catalog.now());
end $$;

create or replace function private.my_review_id_list() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select coalesce(pg_catalog.array_agg(r.id), '{}') from public.reviews r
    where r.reviewer_id = (select auth.uid())  -- reviews_reviewer_id_idx; none for anon
  );
end $$;

create or replace function private.my_review_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select r.id from public.reviews r where r.reviewer_id = (select auth.uid());
end $$;

create or replace function private.my_team_event_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return query
    select e.id from public.events e where e.organizer_id = (select auth.uid())
    union
    select p.event_id from public.event_participants p
    where p.user_id = (select auth.uid()) and p.role in ('organizer', 'committee') and p.status = 'accepted';
end $$;

create or replace function private.profile_is_listed(user_id uuid, visibility public.visibility) returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select visibility = 'public' and exists (
      select 1 from public.users u where u.id = profile_is_listed.user_id and u.status = 'active' and u.deleted_at is null)
  );
end $$;

create or replace function private.review_author(review_id uuid) returns uuid
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select r.reviewer_id from public.reviews r
    where r.id = review_author.review_id
      and (r.reviewer_id = (select auth.uid()) or private.is_visible_profile(r.reviewer_id) or (select private.is_admin()))
  );
end $$;

create or replace function private.review_author_card(review_id uuid) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select pg_catalog.jsonb_build_object('id', r.reviewer_id, 'full_name', p.full_name, 'avatar_url', p.avatar_url)
    from public.reviews r left join public.profiles p on p.user_id = r.reviewer_id
    where r.id = review_author_card.review_id and private.is_admin()
  );
end $$;

create or replace function private.review_side(event_id uuid, person_id uuid) returns text
language plpgsql stable set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select case
      when e.organizer_id = review_side.person_id then 'organizer'
      when p.role in ('audience', 'student', 'teacher') then case when p.status = 'attended' then 'audience' end
      when p.status in ('accepted', 'attended') then p.role::text
    end
    from public.events e
    left join public.event_participants p on p.event_id = e.id and p.user_id = review_side.person_id
    where e.id = review_side.event_id
  );
end $$;

create or replace function private.sees_every_reviewer() returns boolean
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select (select auth.uid()) is not null and private.is_admin()
  );
end $$;

create or replace function private.storage_may_write(bucket text, object_name text) returns boolean
language plpgsql stable set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select (select private.is_active()) and (
      (bucket = 'avatars' and (
        private.storage_folder_id(object_name, 1, 2) = (select auth.uid())
        or (private.storage_folder_id(object_name, 1, 2) is not null and (select private.is_admin()))))
      or (bucket = 'organization-logos' and (
        private.storage_folder_id(object_name, 1, 2) in (select private.my_managed_organization_ids())
        or (private.storage_folder_id(object_name, 1, 2) is not null and (select private.is_admin()))))
      or (bucket in ('event-covers', 'event-pictures') and (
        private.storage_folder_id(object_name, 1, 2) in (select private.my_team_event_ids())
        or (private.storage_folder_id(object_name, 1, 2) is not null and (select private.is_admin()))))
      -- proofs only while they may still be replaced (evidence after that)
      or (bucket = 'payment-proofs'
        and private.storage_folder_id(object_name, 2, 3) = (select auth.uid())
        and private.storage_folder_id(object_name, 1, 3) in (select private.my_payment_proof_event_ids()))
      or (bucket = 'payment-qr'
        and private.storage_folder_id(object_name, 1, 2) in (select private.my_team_event_ids()))
      or (bucket = 'proposal-files'
        and private.storage_folder_id(object_name, 1, 3) in (select private.my_team_event_ids())
        and private.storage_folder_id(object_name, 2, 3) in (
          select pr.id from public.event_proposals pr where pr.event_id = private.storage_folder_id(object_name, 1, 3)))
    )
  );
end $$;

create or replace function private.taken_seats(event_id uuid) returns integer
language plpgsql stable set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select count(*)::integer from public.event_participants p
    where p.event_id = taken_seats.event_id
      and p.role in ('audience', 'student', 'teacher') and p.status in ('accepted', 'attended')
  );
end $$;

create or replace function private.unlisted_user_ids() returns uuid[]
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  return (
    select coalesce(pg_catalog.array_agg(u.id), '{}')
    from public.users u where u.status in ('suspended', 'frozen') or u.deleted_at is not null
  );
end $$;

