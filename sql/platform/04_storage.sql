-- The parts of Supabase Storage's schema that our buckets and policies rely on: `storage.buckets`,
-- `storage.objects` and the path helpers. On the platform the Storage service creates and migrates
-- this schema (supabase/storage `migrations/tenant/*`, with the schema and grants from
-- supabase/postgres `init-scripts/00000000000002-storage-schema.sql`); locally we recreate the same
-- columns, owners and grants so RLS on `storage.objects` is tested against the real shape.
-- Written from those definitions; tables the Storage service keeps for itself (migrations,
-- prefixes, multipart uploads, analytics/vector buckets) are left out because no policy reads them.
-- Applied as `supabase_admin` after 03_auth.sql; safe to apply again.

create schema if not exists storage authorization supabase_admin;

-- The Storage service logs in as supabase_storage_admin and switches to the caller's role
-- (anon / authenticated / service_role) through authenticator, exactly as PostgREST does.
grant authenticator to supabase_storage_admin;
alter role supabase_storage_admin set search_path = storage;
do $$
begin
  execute format('grant create on database %I to supabase_storage_admin', pg_catalog.current_database());
end $$;

grant usage on schema storage to postgres, anon, authenticated, service_role;
-- 2025-07: the project owner may pass schema usage on (supabase/postgres 20250709135250).
grant usage on schema storage to postgres with grant option;
grant all on schema storage to supabase_storage_admin with grant option;
-- Whatever supabase_storage_admin creates here is granted to the API roles; RLS does the filtering.
alter default privileges for role supabase_storage_admin in schema storage grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_storage_admin in schema storage grant all on sequences to postgres, anon, authenticated, service_role;

set role supabase_storage_admin;

do $$
begin
  if not exists (
    select 1 from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'storage' and t.typname = 'buckettype'
  ) then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');
  end if;
end $$;

create table if not exists storage.buckets (
  id text not null primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype not null default 'STANDARD',
  constraint buckets_name_length_check check (length(name) > 0 and length(name) < 64)
);
create unique index if not exists bname on storage.buckets using btree (name);
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';

create table if not exists storage.objects (
  id uuid not null default gen_random_uuid() primary key,
  bucket_id text,
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb,
  constraint "objects_bucketId_fkey" foreign key (bucket_id) references storage.buckets (id)
);
-- One live object per (bucket, name): an upload to an existing name is an upsert.
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
create index if not exists name_prefix_search on storage.objects using btree (name text_pattern_ops);
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

-- Path helpers policies use: 'a/b/c.png' → {a,b}, 'c.png', 'png'.
create or replace function storage.foldername(name text) returns text[]
language plpgsql immutable
as $function$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1 : array_length(_parts, 1) - 1];
end
$function$;

create or replace function storage.filename(name text) returns text
language plpgsql immutable
as $function$
declare
  _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$function$;

create or replace function storage.extension(name text) returns text
language plpgsql immutable
as $function$
declare
  _parts text[];
  _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$function$;

create or replace function storage.update_updated_at_column() returns trigger
language plpgsql
as $function$
begin
  new.updated_at = now();
  return new;
end
$function$;

-- Rows here mirror files in the object store: a plain SQL delete would orphan the file, so the
-- platform refuses it unless the Storage service (or a deliberate caller) sets the flag.
create or replace function storage.protect_delete() returns trigger
language plpgsql
as $function$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$function$;

drop trigger if exists update_objects_updated_at on storage.objects;
create trigger update_objects_updated_at before update on storage.objects
  for each row execute function storage.update_updated_at_column();
drop trigger if exists protect_buckets_delete on storage.buckets;
create trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();
drop trigger if exists protect_objects_delete on storage.objects;
create trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();

reset role;

-- 2025-06: the project owner holds the table rights with grant option (supabase/postgres
-- 20250623125453), so migrations can insert buckets and grant on storage tables.
grant all on storage.buckets, storage.objects to postgres with grant option;

-- Policies: on the platform `postgres` is NOT a member of supabase_storage_admin (revoked
-- 2024-06), yet may create policies on storage.objects/buckets because supautils lists them in
-- `supautils.policy_grants` for postgres. Debian has no supautils, and Postgres lets only the
-- owner's members create policies, so this membership is the local stand-in for that one grant.
-- Migrations must not rely on anything else it allows (it would fail on the platform).
grant supabase_storage_admin to postgres;
