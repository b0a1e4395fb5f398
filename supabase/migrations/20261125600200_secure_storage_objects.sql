-- Purpose: who may read, upload, replace/move and delete files in the seven buckets (DOMAIN.md §4).
-- Touches: RLS policies on storage.objects (the Storage service evaluates them for every request,
-- as the caller's role with the caller's claims). Nothing destructive.
--
-- One policy per operation for `authenticated`, one branch per bucket, joined with `or`.
-- anon has no policy at all: it can neither list nor write. Public buckets are still downloadable
-- by anyone through their public URL (the Storage service serves those without RLS), so SELECT
-- here is only about listing, signed URLs, upserts and deletes: writers see their own folders,
-- nobody lists a whole bucket (advisor lint 0025 public_bucket_allows_listing stays quiet).
--
-- Paths (private.storage_folder_id checks shape, depth and uuid folders):
--   avatars             <user id>/<file>                 the user
--   organization-logos  <organization id>/<file>         its owner and admins
--   event-covers        <event id>/<file>                the event team (organizer, accepted committee)
--   event-pictures      <event id>/<file>                the event team
--   payment-proofs      <event id>/<user id>/<file>      that participant; organizer and admins read
--   payment-qr          <event id>/<file>                the event team; its participants and admins read
--   proposal-files      <event id>/<proposal id>/<file>  the event team writes; readers of the proposal read
-- Platform admins manage the public buckets (moderation) and read the private ones.
-- Every branch requires an active account: a suspended user loses access at once.

-- select: listing, download through the API, signed URLs; also needed by upsert, move and delete.
create policy "folder holders, proof organizers and admins read files" on storage.objects
for select to authenticated
using (
  (select private.is_active()) and (
    (bucket_id = 'avatars' and (
      private.storage_folder_id(name, 1, 2) = (select auth.uid())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'organization-logos' and (
      private.storage_folder_id(name, 1, 2) in (select private.my_managed_organization_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id in ('event-covers', 'event-pictures') and (
      private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'payment-proofs' and private.storage_folder_id(name, 1, 3) is not null and (
      private.storage_folder_id(name, 2, 3) = (select auth.uid())
      or private.storage_folder_id(name, 1, 3) in (select private.my_organized_event_ids())
      or (select private.is_admin())))
    or (bucket_id = 'payment-qr' and (
      private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids())
      or private.storage_folder_id(name, 1, 2) in (select private.my_event_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    -- the proposals policy decides: authors, the team, linked invitees and admins
    or (bucket_id = 'proposal-files'
      and private.storage_folder_id(name, 2, 3) in (
        select pr.id from public.event_proposals pr where pr.event_id = private.storage_folder_id(name, 1, 3)))
  )
);

-- insert: a new upload. The Storage service records the uploader in owner_id.
create policy "folder holders upload into their own folders" on storage.objects
for insert to authenticated
with check (
  owner_id = (select auth.uid()::text) and (select private.is_active()) and (
    (bucket_id = 'avatars' and (
      private.storage_folder_id(name, 1, 2) = (select auth.uid())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'organization-logos' and (
      private.storage_folder_id(name, 1, 2) in (select private.my_managed_organization_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id in ('event-covers', 'event-pictures') and (
      private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'payment-proofs'
      and private.storage_folder_id(name, 2, 3) = (select auth.uid())
      and private.storage_folder_id(name, 1, 3) in (select private.my_payment_proof_event_ids()))
    or (bucket_id = 'payment-qr'
      and private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids()))
    or (bucket_id = 'proposal-files'
      and private.storage_folder_id(name, 1, 3) in (select private.my_team_event_ids())
      and private.storage_folder_id(name, 2, 3) in (
        select pr.id from public.event_proposals pr where pr.event_id = private.storage_folder_id(name, 1, 3)))
  )
);

-- update: upsert (replace) and move/rename. Both the old and the new name must be writable.
create policy "folder holders replace and move their files" on storage.objects
for update to authenticated
using (
  (select private.is_active()) and (
    (bucket_id = 'avatars' and (
      private.storage_folder_id(name, 1, 2) = (select auth.uid())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'organization-logos' and (
      private.storage_folder_id(name, 1, 2) in (select private.my_managed_organization_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id in ('event-covers', 'event-pictures') and (
      private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'payment-proofs'
      and private.storage_folder_id(name, 2, 3) = (select auth.uid())
      and private.storage_folder_id(name, 1, 3) in (select private.my_payment_proof_event_ids()))
    or (bucket_id = 'payment-qr'
      and private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids()))
    or (bucket_id = 'proposal-files'
      and private.storage_folder_id(name, 1, 3) in (select private.my_team_event_ids())
      and private.storage_folder_id(name, 2, 3) in (
        select pr.id from public.event_proposals pr where pr.event_id = private.storage_folder_id(name, 1, 3)))
  )
)
with check (
  (select private.is_active()) and (
    (bucket_id = 'avatars' and (
      private.storage_folder_id(name, 1, 2) = (select auth.uid())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'organization-logos' and (
      private.storage_folder_id(name, 1, 2) in (select private.my_managed_organization_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id in ('event-covers', 'event-pictures') and (
      private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'payment-proofs'
      and private.storage_folder_id(name, 2, 3) = (select auth.uid())
      and private.storage_folder_id(name, 1, 3) in (select private.my_payment_proof_event_ids()))
    or (bucket_id = 'payment-qr'
      and private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids()))
    or (bucket_id = 'proposal-files'
      and private.storage_folder_id(name, 1, 3) in (select private.my_team_event_ids())
      and private.storage_folder_id(name, 2, 3) in (
        select pr.id from public.event_proposals pr where pr.event_id = private.storage_folder_id(name, 1, 3)))
  )
);

-- delete: the same writers; proofs only while they may still be replaced (evidence after that).
create policy "folder holders and admins delete their files" on storage.objects
for delete to authenticated
using (
  (select private.is_active()) and (
    (bucket_id = 'avatars' and (
      private.storage_folder_id(name, 1, 2) = (select auth.uid())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'organization-logos' and (
      private.storage_folder_id(name, 1, 2) in (select private.my_managed_organization_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id in ('event-covers', 'event-pictures') and (
      private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids())
      or (private.storage_folder_id(name, 1, 2) is not null and (select private.is_admin()))))
    or (bucket_id = 'payment-proofs'
      and private.storage_folder_id(name, 2, 3) = (select auth.uid())
      and private.storage_folder_id(name, 1, 3) in (select private.my_payment_proof_event_ids()))
    or (bucket_id = 'payment-qr'
      and private.storage_folder_id(name, 1, 2) in (select private.my_team_event_ids()))
    or (bucket_id = 'proposal-files'
      and private.storage_folder_id(name, 1, 3) in (select private.my_team_event_ids())
      and private.storage_folder_id(name, 2, 3) in (
        select pr.id from public.event_proposals pr where pr.event_id = private.storage_folder_id(name, 1, 3)))
  )
);
