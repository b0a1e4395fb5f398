-- Purpose: anon could list every follow pair between public profiles in one call
-- (`GET /rest/v1/follows?select=*`): a global social graph dump for anyone with the anon key
-- (issue 14, rule 7.7 "the global follow list", DOMAIN.md §4 "follows · list … no global dump").
-- Rule now (decided here):
--   * anon reads no follow rows at all (select revoked): signed-out visitors get counts only —
--     followers_count / following_count on profiles and organizations;
--   * signed-in ACTIVE users read their own follows (either side) and follows between visible
--     parties (public profiles of active users, listed organizations); a suspended or deleted
--     account reads only its own; admins read all.
-- Touches: drops policy "anyone reads follows between visible profiles and organizations";
-- revokes select on public.follows from anon; replaces the authenticated select policy.

drop policy "anyone reads follows between visible profiles and organizations" on public.follows;
revoke select on public.follows from anon;

drop policy "members read their own follows and those between visible parties" on public.follows;
create policy "active members read visible follows, everyone their own" on public.follows
  for select to authenticated
  using (
    follower_id = (select auth.uid())
    or followee_id = (select auth.uid())
    or (select private.is_admin())
    or ((select private.is_active())
        and private.is_visible_profile(follower_id)
        and (followee_id is null or private.is_visible_profile(followee_id))
        and (org_id is null or org_id in (select o.id from public.organizations o)))
  );
