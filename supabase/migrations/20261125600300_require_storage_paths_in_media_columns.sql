-- Purpose: media columns hold Storage paths (`<bucket>/<object name>`) inside the folder their row
-- owns, never outside URLs (the original linked an outside image host and left payment proofs
-- reachable by anyone holding the link). Clients build URLs from the path: getPublicUrl() for
-- public buckets, createSignedUrl() for payment proofs and proposal files (README "Files").
-- Touches: adds check constraints to profiles, organizations, events, event_pictures,
-- event_participants and event_proposals; existing rows must already comply (a fresh project has
-- none). The columns keep their `_url` names so the API does not change shape.

-- Invoker, immutable: pure text work, usable in check constraints.
create function private.is_storage_path(path text, bucket text, folders uuid[]) returns boolean
language sql immutable set search_path = '' as $$
  select path is not null and bucket is not null and folders is not null
    and pg_catalog.starts_with(path, bucket || '/')
    and not exists (
      select 1
      from pg_catalog.generate_subscripts(folders, 1) as i
      where private.storage_folder_id(
              pg_catalog.substr(path, pg_catalog.length(bucket) + 2), i, pg_catalog.cardinality(folders) + 1
            ) is distinct from folders[i]
    )
$$;
comment on function private.is_storage_path(text, text, uuid[]) is
  'The path is `<bucket>/<folders[1]>/…/<file>`: exactly these uuid folders, one clean file name, no path tricks.';
revoke all on function private.is_storage_path(text, text, uuid[]) from public;
-- Check constraints run with the writer's rights: every role that writes these tables needs it.
grant execute on function private.is_storage_path(text, text, uuid[]) to authenticated, service_role;

alter table public.profiles
  add constraint profiles_avatar_url_is_storage_path
    check (avatar_url is null or private.is_storage_path(avatar_url, 'avatars', array[user_id])),
  add constraint profiles_cover_url_is_storage_path
    check (cover_url is null or private.is_storage_path(cover_url, 'avatars', array[user_id]));

alter table public.organizations
  add constraint organizations_logo_url_is_storage_path
    check (logo_url is null or private.is_storage_path(logo_url, 'organization-logos', array[id])),
  add constraint organizations_cover_url_is_storage_path
    check (cover_url is null or private.is_storage_path(cover_url, 'organization-logos', array[id]));

alter table public.events
  add constraint events_logo_url_is_storage_path
    check (logo_url is null or private.is_storage_path(logo_url, 'event-covers', array[id])),
  add constraint events_cover_url_is_storage_path
    check (cover_url is null or private.is_storage_path(cover_url, 'event-covers', array[id]));

alter table public.event_pictures
  add constraint event_pictures_url_is_storage_path
    check (private.is_storage_path(url, 'event-pictures', array[event_id]));

-- A guest (no account) has no folder, so a guest row has no proof file.
alter table public.event_participants
  add constraint event_participants_payment_proof_url_is_storage_path
    check (payment_proof_url is null
           or private.is_storage_path(payment_proof_url, 'payment-proofs', array[event_id, user_id]));

alter table public.event_proposals
  add constraint event_proposals_file_url_is_storage_path
    check (file_url is null or private.is_storage_path(file_url, 'proposal-files', array[event_id, id]));
