-- Purpose: the profiles policy and the review_cards view no longer call a definer function per
-- row (issue 16). Both asked, row by row, "is this profile public and its account active?"
-- (private.is_visible_profile: a join of profiles and users per call). The answer now lives in
-- kept columns, written by triggers when it can change:
--   profiles.is_listed          = visibility is public and the account is active and not deleted
--   reviews.shown_reviewer_id   = reviewer_id when the reviewer's profile is listed, else null
-- so the policy is a column test and the view reads the shown author from the row. The author of
-- a review (always) and admins (every author) still see hidden authors: the caller's own review
-- ids are read once per statement (an init plan), and a definer call runs per row only for an
-- admin and only on hidden authors. Measured at 1M events / 100k users (`npm run bench`,
-- reviews workload): review_cards page of 10 + count=exact went from ~17 ms (and a statement
-- timeout on one fresh clone) to well under the 2 ms p95 target; see README Performance.
-- Same rows, same masking (supabase/tests/reviews/*, profiles tests).
-- Touches: columns profiles.is_listed, reviews.shown_reviewer_id (+ triggers, backfill);
-- replaces the two select policies on public.profiles and on public.reviews, view
-- public.review_cards (same columns),
-- private.is_visible_profile (same answer, from the kept column); new functions
-- private.profile_is_listed, private.set_profile_listing, private.relist_profile_after_account_change,
-- private.set_shown_reviewer, private.reshow_reviews_after_listing_change, private.my_review_id_list,
-- private.sees_every_reviewer, private.review_author_card; index reviews (org_id, created_at) replaces
-- reviews_org_id_idx.

-- ── profiles.is_listed ─────────────────────────────────────────────────────────────────────
alter table public.profiles add column is_listed boolean not null default false;
comment on column public.profiles.is_listed is
  'Kept by triggers: visibility is public and the account is active and not deleted (what anyone may see).';

-- The rule in one place (used by the triggers and the backfill).
create function private.profile_is_listed(user_id uuid, visibility public.visibility) returns boolean
language sql stable security definer set search_path = '' as $$
  select visibility = 'public' and exists (
    select 1 from public.users u where u.id = profile_is_listed.user_id and u.status = 'active' and u.deleted_at is null)
$$;
revoke all on function private.profile_is_listed(uuid, public.visibility) from public;

create function private.set_profile_listing() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  new.is_listed := private.profile_is_listed(new.user_id, new.visibility);
  return new;
end $$;
revoke all on function private.set_profile_listing() from public;
-- Every insert and every update that could change it (nobody writes is_listed by hand: the API
-- roles have no grant on it, and a service-role write is recomputed here).
create trigger profiles_set_listing before insert or update of visibility, is_listed, user_id on public.profiles
  for each row execute function private.set_profile_listing();

create function private.relist_profile_after_account_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.profiles p set is_listed = private.profile_is_listed(p.user_id, p.visibility)
  where p.user_id = new.id and p.is_listed is distinct from private.profile_is_listed(p.user_id, p.visibility);
  return null;
end $$;
revoke all on function private.relist_profile_after_account_change() from public;
create trigger users_relist_profile after update of status, deleted_at on public.users
  for each row when (old.status is distinct from new.status or old.deleted_at is distinct from new.deleted_at)
  execute function private.relist_profile_after_account_change();

update public.profiles p set is_listed = private.profile_is_listed(p.user_id, p.visibility);

-- Same answer as before, one probe instead of a join (other policies still call it per row).
create or replace function private.is_visible_profile(user_id uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.profiles p where p.user_id = is_visible_profile.user_id and p.is_listed)
$$;

drop policy "anyone reads public profiles of active users" on public.profiles;
drop policy "members read visible profiles, their own, and admins all" on public.profiles;
create policy "anyone reads public profiles of active users" on public.profiles
  for select to anon
  using (is_listed);
create policy "members read visible profiles, their own, and admins all" on public.profiles
  for select to authenticated
  using (is_listed or user_id = (select auth.uid()) or (select private.is_admin()));

-- ── reviews.shown_reviewer_id ──────────────────────────────────────────────────────────────
alter table public.reviews add column shown_reviewer_id uuid;
comment on column public.reviews.shown_reviewer_id is
  'Kept by triggers: reviewer_id when the reviewer''s profile is listed (public, active account), else null (shown as anonymous).';

create function private.set_shown_reviewer() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  new.shown_reviewer_id := case when exists (select 1 from public.profiles p where p.user_id = new.reviewer_id and p.is_listed)
                                then new.reviewer_id end;
  return new;
end $$;
revoke all on function private.set_shown_reviewer() from public;
create trigger reviews_set_shown_reviewer before insert or update of reviewer_id, shown_reviewer_id on public.reviews
  for each row execute function private.set_shown_reviewer();

create function private.reshow_reviews_after_listing_change() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.reviews r set shown_reviewer_id = case when new.is_listed then r.reviewer_id end
  where r.reviewer_id = new.user_id;  -- reviews_reviewer_id_idx
  return null;
end $$;
revoke all on function private.reshow_reviews_after_listing_change() from public;
-- Not `update of is_listed`: a column trigger does not fire when only a BEFORE trigger changed
-- the column (an update of visibility), so the condition is on the row.
create trigger profiles_reshow_reviews after update on public.profiles
  for each row when (old.is_listed is distinct from new.is_listed)
  execute function private.reshow_reviews_after_listing_change();

update public.reviews r set shown_reviewer_id = r.reviewer_id
from public.profiles p where p.user_id = r.reviewer_id and p.is_listed;

-- The column shows nothing the view did not already show.
grant select (shown_reviewer_id) on public.reviews to anon, authenticated;

-- Read once per statement by the view (init plans), granted to the roles that read it.
create function private.my_review_id_list() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(pg_catalog.array_agg(r.id), '{}') from public.reviews r
  where r.reviewer_id = (select auth.uid())  -- reviews_reviewer_id_idx; none for anon
$$;
comment on function private.my_review_id_list() is 'Ids of the reviews the caller wrote, as one array (review_cards: the author always sees themselves).';
revoke all on function private.my_review_id_list() from public;
grant execute on function private.my_review_id_list() to anon, authenticated, service_role;

create function private.sees_every_reviewer() returns boolean
language sql stable security definer set search_path = '' as $$
  select (select auth.uid()) is not null and private.is_admin()
$$;
comment on function private.sees_every_reviewer() is 'Admins see every reviewer (review_cards).';
revoke all on function private.sees_every_reviewer() from public;
grant execute on function private.sees_every_reviewer() to anon, authenticated, service_role;

-- Admins see hidden authors too: their card (id, name, avatar) through one definer call per
-- hidden row, made only when the caller is an admin.
create function private.review_author_card(review_id uuid) returns jsonb
language sql stable security definer set search_path = '' as $$
  select pg_catalog.jsonb_build_object('id', r.reviewer_id, 'full_name', p.full_name, 'avatar_url', p.avatar_url)
  from public.reviews r left join public.profiles p on p.user_id = r.reviewer_id
  where r.id = review_author_card.review_id and private.is_admin()
$$;
comment on function private.review_author_card(uuid) is 'An admin''s view of a review''s author (id, name, avatar), hidden or not (review_cards).';
revoke all on function private.review_author_card(uuid) from public;
grant execute on function private.review_author_card(uuid) to anon, authenticated, service_role;

-- Same columns and masking as before: the shown author from the row; else the caller themselves
-- on their own review; else, for an admin only, the author's card (per row, hidden authors only).
-- The profile is probed by `visible.reviewer_id`, an expression of the row and init plans with
-- leakproof operators only: so it is an index condition under the profiles policy. (Before, the
-- key was private.review_author(r.id), not leakproof, so the policy had to run first and the probe
-- became a scan of every profile per review: 6.7 s for a page at 1M events, the statement
-- timeout of the fresh-clone bench, and a plan that flipped with the statistics.)
create or replace view public.review_cards with (security_invoker = true) as
select
  r.id,
  case when r.org_id is null then 'person' else 'organization' end as target,
  r.event_id,
  r.org_id as organization_id,
  r.reviewee_id,
  r.rating,
  r.comment,
  author.reviewer_id,
  author.reviewer_id is null as reviewer_is_anonymous,
  coalesce(author.reviewer_id = (select auth.uid()), false) as is_mine,
  -- Scalar probes in the select list, not a join: a count of the view (PostgREST count=exact)
  -- drops unused columns, so it reads no profile at all.
  coalesce((select pr.full_name from public.profiles pr where pr.user_id = visible.reviewer_id),
           hidden.card ->> 'full_name') as reviewer_name,
  coalesce((select pr.avatar_url from public.profiles pr where pr.user_id = visible.reviewer_id),
           hidden.card ->> 'avatar_url') as reviewer_avatar_url,
  r.sealed_until,
  r.deleted_at,
  r.created_at,
  r.updated_at
from public.reviews r
cross join lateral (
  select case
    when r.shown_reviewer_id is not null then r.shown_reviewer_id
    when r.id = any ((select private.my_review_id_list())::uuid[]) then (select auth.uid())
  end as reviewer_id
) visible
cross join lateral (
  select case when visible.reviewer_id is null and (select private.sees_every_reviewer()) then private.review_author_card(r.id) end as card
) hidden
cross join lateral (select coalesce(visible.reviewer_id, (hidden.card ->> 'id')::uuid) as reviewer_id) author;

-- The reviews policies asked `org_id in (select o.id from public.organizations o)`: a hash of
-- every organization the caller may see, built per statement (twice for a page with
-- count=exact) — cost grows with the number of organizations. Now a primary-key probe per review
-- (`exists`), under the same organizations policy. Same rows.
drop policy "anyone reads open reviews of listed organizations and experts" on public.reviews;
create policy "anyone reads open reviews of listed organizations and experts" on public.reviews
  for select to anon
  using (
    deleted_at is null
    and (sealed_until is null or sealed_until <= (select pg_catalog.now()))
    and ((org_id is not null and exists (select 1 from public.organizations o where o.id = org_id))
         or (private.is_approved_expert(reviewee_id) and private.is_visible_profile(reviewee_id)))
  );
drop policy "members read open reviews, their own, and admins all" on public.reviews;
create policy "members read open reviews, their own, and admins all" on public.reviews
  for select to authenticated
  using (
    (deleted_at is null and (
      (reviewer_id = (select auth.uid()) and (select private.is_active()))
      or ((sealed_until is null or sealed_until <= (select pg_catalog.now())) and (
        (reviewee_id = (select auth.uid()) and (select private.is_active()))
        or (org_id is not null and exists (select 1 from public.organizations o where o.id = org_id))
        or (private.is_approved_expert(reviewee_id) and private.is_visible_profile(reviewee_id))
      ))
    ))
    or (select private.is_admin())
  );

-- An organization's reviews, newest first: the page and its count read one index range.
create index reviews_org_created_idx on public.reviews (org_id, created_at);
drop index public.reviews_org_id_idx;
