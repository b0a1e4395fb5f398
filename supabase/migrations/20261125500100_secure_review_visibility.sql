-- Purpose: who reads which review (DOMAIN.md §3.7, FR-4.6) and how reviewers are shown.
-- Replaces the data model's two select policies on reviews, which (a) showed a sealed two-way
-- review to its reviewee, (b) let anyone read reviews of unapproved, private or deleted
-- organizations, (c) made reviews of approved experts with a private or suspended profile public,
-- and (d) let a suspended account read its reviews. Hides `reviewer_id` from the API roles: a
-- reviewer whose profile is private or whose account is not active is shown as anonymous, so the
-- column is read only through the `review_cards` view, which masks it.
-- Touches: policies and grants on public.reviews; function private.review_author; view
-- public.review_cards.

drop policy "anyone reads live reviews of approved experts and organizations" on public.reviews;
drop policy "members read public reviews and their own; admins all" on public.reviews;

-- Public: live, unsealed reviews of listed organizations (the organizations policy decides which)
-- and of approved experts whose profile is public and active.
create policy "anyone reads open reviews of listed organizations and experts" on public.reviews
  for select to anon
  using (
    deleted_at is null
    and (sealed_until is null or sealed_until <= (select pg_catalog.now()))
    and ((org_id is not null and org_id in (select o.id from public.organizations o))
         or (private.is_approved_expert(reviewee_id) and private.is_visible_profile(reviewee_id)))
  );

-- Members: the same, plus their own reviews (always, sealed ones included) and reviews about
-- them once unsealed; admins everything, deleted reviews included.
create policy "members read open reviews, their own, and admins all" on public.reviews
  for select to authenticated
  using (
    (deleted_at is null and (
      (reviewer_id = (select auth.uid()) and (select private.is_active()))
      or ((sealed_until is null or sealed_until <= (select pg_catalog.now())) and (
        (reviewee_id = (select auth.uid()) and (select private.is_active()))
        or (org_id is not null and org_id in (select o.id from public.organizations o))
        or (private.is_approved_expert(reviewee_id) and private.is_visible_profile(reviewee_id))
      ))
    ))
    or (select private.is_admin())
  );

-- Every column but reviewer_id (read it, masked, through review_cards).
revoke select on public.reviews from anon, authenticated;
grant select (id, event_id, org_id, reviewee_id, rating, comment, sealed_until, deleted_at, created_at, updated_at)
  on public.reviews to anon, authenticated;

-- Definer: the API roles may not read reviewer_id. Reveals the author only when the caller is the
-- author, an admin, or the author's profile is public and their account active. It is reachable
-- only through the view (schema private is not exposed), and a review id is known only to those
-- whom the reviews policy shows the review.
create function private.review_author(review_id uuid) returns uuid
language sql stable security definer set search_path = '' as $$
  select r.reviewer_id from public.reviews r
  where r.id = review_author.review_id
    and (r.reviewer_id = (select auth.uid()) or private.is_visible_profile(r.reviewer_id) or (select private.is_admin()))
$$;
comment on function private.review_author(uuid) is
  'The reviewer of a review, or null when they must be shown as anonymous to the caller (DOMAIN.md §3.7).';
revoke all on function private.review_author(uuid) from public;
grant execute on function private.review_author(uuid) to anon, authenticated, service_role;

-- Invoker view: the reviews policy filters rows, the profiles policy filters the author's card.
create view public.review_cards with (security_invoker = true) as
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
  p.full_name as reviewer_name,
  p.avatar_url as reviewer_avatar_url,
  r.sealed_until,
  r.deleted_at,
  r.created_at,
  r.updated_at
from public.reviews r
cross join lateral (select private.review_author(r.id) as reviewer_id) author
left join public.profiles p on p.user_id = author.reviewer_id;
comment on view public.review_cards is
  'Reviews as the caller may see them (RLS of reviews), with the reviewer shown as anonymous (null id and name) when their profile is private or their account is not active.';
revoke all on public.review_cards from anon, authenticated, service_role;
grant select on public.review_cards to anon, authenticated, service_role;
