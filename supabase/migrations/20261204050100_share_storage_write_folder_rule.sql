-- Purpose: the per-bucket "who may write in this folder" rule of storage.objects stood four times
-- in 20261125600200_secure_storage_objects.sql (insert's check, update's using and check, delete's
-- using), word for word. It is now one function, private.storage_may_write, and the three write
-- policies call it. Policy names and what they allow are unchanged (supabase/tests/storage); the
-- select policy keeps its own branches (readers differ from writers: proof organizers, participants
-- of payment-qr, readers of proposals).
-- Touches: function private.storage_may_write (new); policies "folder holders upload into their
-- own folders", "folder holders replace and move their files", "folder holders and admins delete
-- their files" on storage.objects (dropped and recreated with the same names).

-- Invoker: every id set it reads comes from the definer helpers of 20261125600100, which return
-- only the caller's own rows; the function itself reads no table.
create function private.storage_may_write(bucket text, object_name text) returns boolean
language sql stable set search_path = '' as $$
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
$$;
comment on function private.storage_may_write(text, text) is
  'May the caller (active account) write `object_name` in `bucket`: upload, replace, move to or from, delete. The one copy of the per-bucket folder rule of the storage.objects write policies.';
revoke all on function private.storage_may_write(text, text) from public;
grant execute on function private.storage_may_write(text, text) to authenticated, service_role;

drop policy "folder holders upload into their own folders" on storage.objects;
-- insert: a new upload. The Storage service records the uploader in owner_id.
create policy "folder holders upload into their own folders" on storage.objects
for insert to authenticated
with check (owner_id = (select auth.uid()::text) and private.storage_may_write(bucket_id, name));

drop policy "folder holders replace and move their files" on storage.objects;
-- update: upsert (replace) and move/rename. Both the old and the new name must be writable.
create policy "folder holders replace and move their files" on storage.objects
for update to authenticated
using (private.storage_may_write(bucket_id, name))
with check (private.storage_may_write(bucket_id, name));

drop policy "folder holders and admins delete their files" on storage.objects;
create policy "folder holders and admins delete their files" on storage.objects
for delete to authenticated
using (private.storage_may_write(bucket_id, name));
