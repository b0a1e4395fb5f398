-- Purpose: the helpers storage.objects policies call: one that reads an object name as a checked
-- folder path, and the sets of ids a caller may write under (organizations they manage, events
-- they organize, events whose payment proof they may still upload).
-- Touches: functions in schema private only.
--
-- Path rule (all buckets): a name is `<uuid>/<file>` or `<uuid>/<uuid>/<file>`, nothing else.
-- Every segment is non-empty and not "." or ".."; folders are lowercase canonical uuids, so one
-- folder has exactly one spelling; no backslashes or control characters anywhere.

-- Invoker, immutable: pure text work, no table read.
create function private.storage_folder_id(object_name text, segment integer, depth integer) returns uuid
language sql immutable set search_path = '' as $$
  select case
    when object_name is null or segment < 1 or segment >= depth then null
    -- empty segments (leading, trailing or double slash), "." and ".." segments
    when object_name ~ '(^|/)(\.{1,2})?(/|$)' then null
    when object_name ~ '[[:cntrl:]\\]' then null
    when coalesce(pg_catalog.array_length(pg_catalog.string_to_array(object_name, '/'), 1), 0) <> depth then null
    when (pg_catalog.string_to_array(object_name, '/'))[segment]
         !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then null
    else ((pg_catalog.string_to_array(object_name, '/'))[segment])::uuid
  end
$$;
comment on function private.storage_folder_id(text, integer, integer) is
  'The uuid folder at `segment` of an object name that has exactly `depth` clean segments; null for any other name (path tricks, wrong depth, non-uuid folder).';

-- Definer: reads organization_members/organizations, whose own policies would hide rows from
-- a Storage request (and recurse); returns only the caller's own memberships.
create function private.my_managed_organization_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select m.org_id
  from public.organization_members m
  join public.organizations o on o.id = m.org_id
  where m.user_id = (select auth.uid()) and m.status = 'active' and m.role in ('owner', 'admin')
    and o.deleted_at is null
$$;
comment on function private.my_managed_organization_ids() is
  'Live organizations where the caller is an active owner or admin (org managers, DOMAIN.md §1).';

-- Definer: the organizer's own events, through events and the organizer participant row.
create function private.my_organized_event_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select e.id from public.events e
  where e.organizer_id = (select auth.uid()) and e.deleted_at is null
  union
  select p.event_id from public.event_participants p
  where p.user_id = (select auth.uid()) and p.role = 'organizer' and p.status = 'accepted'
$$;
comment on function private.my_organized_event_ids() is
  'Events the caller organizes (not committee): who reads and verifies payment proofs (DOMAIN.md §4).';

-- Definer: a participant's own row decides whether a proof may still be uploaded.
create function private.my_payment_proof_event_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select p.event_id
  from public.event_participants p
  join public.events e on e.id = p.event_id
  where p.user_id = (select auth.uid())
    and p.status in ('pending', 'accepted', 'waitlisted')
    and e.registration_type = 'paid' and e.status = 'published' and e.deleted_at is null
    and (e.start_datetime is null or e.start_datetime > pg_catalog.now())
$$;
comment on function private.my_payment_proof_event_ids() is
  'Paid, published, not yet started events where the caller holds a live (pending, accepted or waitlisted) row: they may upload or replace their own proof.';

revoke all on function private.storage_folder_id(text, integer, integer), private.my_managed_organization_ids(),
  private.my_organized_event_ids(), private.my_payment_proof_event_ids() from public;
-- Only authenticated has storage policies; the service role bypasses RLS but may reuse them.
grant execute on function private.storage_folder_id(text, integer, integer), private.my_managed_organization_ids(),
  private.my_organized_event_ids(), private.my_payment_proof_event_ids() to authenticated, service_role;
