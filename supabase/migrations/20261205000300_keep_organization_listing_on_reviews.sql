-- Purpose: an organization's review page stops reading every visible organization per statement
-- (issue 16). The reviews read policies admit an organization review when the caller may see the
-- organization: `exists (select 1 from organizations o where o.id = org_id)`, under the
-- organizations policy. Postgres ran that as a hashed subplan: a scan of every organization the
-- caller may see (692 of 1,000 on the bench), built once for the page and once again for
-- PostgREST's count=exact: 0.45 ms of a 1 ms page (EXPLAIN ANALYZE BUFFERS, generic plan).
-- A listed organization (approved, public, live) is visible to everyone, anon included, so the
-- policies now test a kept column first — `organization_is_listed` — and ask the organizations
-- policy only for the others (a member's pending or private organization, an admin). Same rows
-- as before; the subplan is built only when a row needs it.
-- Touches: new column reviews.organization_is_listed (+ triggers keeping it: reviews insert/update
-- of org_id, organizations update of status/visibility/deleted_at); replaces the policies
-- "anyone reads open reviews of listed organizations and experts" and "members read open reviews,
-- their own, and admins all" (last defined in 20261204500000). Bench data is loaded with triggers
-- off: sql/bench/06_counts.sql fills the column.

alter table public.reviews add column organization_is_listed boolean not null default false;
comment on column public.reviews.organization_is_listed is
  'Kept by triggers: the reviewed organization is approved, public and not deleted (visible to everyone).';

create function private.organization_is_listed(org_id uuid) returns boolean
language plpgsql stable security definer set search_path = '' as $$
begin
  return exists (select 1 from public.organizations o
                 where o.id = organization_is_listed.org_id
                   and o.status = 'approved' and o.visibility = 'public' and o.deleted_at is null);
end $$;
revoke all on function private.organization_is_listed(uuid) from public;

create function private.set_review_organization_listing() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  new.organization_is_listed := new.org_id is not null and private.organization_is_listed(new.org_id);
  return new;
end $$;
revoke all on function private.set_review_organization_listing() from public;
-- Also on an update of the column itself, so no client or function can set it by hand.
create trigger reviews_set_organization_listing before insert or update of org_id, organization_is_listed on public.reviews
  for each row execute function private.set_review_organization_listing();

create function private.relist_reviews_after_organization_change() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  listed boolean := new.status = 'approved' and new.visibility = 'public' and new.deleted_at is null;
begin
  update public.reviews r set organization_is_listed = listed
  where r.org_id = new.id and r.organization_is_listed is distinct from listed;  -- reviews_org_created_idx
  return null;
end $$;
revoke all on function private.relist_reviews_after_organization_change() from public;
create trigger organizations_relist_reviews after update of status, visibility, deleted_at on public.organizations
  for each row when ((old.status = 'approved' and old.visibility = 'public' and old.deleted_at is null)
                     is distinct from (new.status = 'approved' and new.visibility = 'public' and new.deleted_at is null))
  execute function private.relist_reviews_after_organization_change();

update public.reviews r set organization_is_listed = true
from public.organizations o
where o.id = r.org_id and o.status = 'approved' and o.visibility = 'public' and o.deleted_at is null;

-- Public knowledge (the organization's page says as much); `select *` needs every column granted.
grant select (organization_is_listed) on public.reviews to anon, authenticated;

drop policy "anyone reads open reviews of listed organizations and experts" on public.reviews;
create policy "anyone reads open reviews of listed organizations and experts" on public.reviews
  for select to anon
  using (
    deleted_at is null
    and (sealed_until is null or sealed_until <= (select pg_catalog.now()))
    and ((org_id is not null and (organization_is_listed or exists (select 1 from public.organizations o where o.id = org_id)))
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
        or (org_id is not null and (organization_is_listed or exists (select 1 from public.organizations o where o.id = org_id)))
        or (private.is_approved_expert(reviewee_id) and private.is_visible_profile(reviewee_id))
      ))
    ))
    or (select private.is_admin())
  );
