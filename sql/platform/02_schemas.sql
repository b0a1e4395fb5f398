-- Schemas, extensions and default privileges of a fresh Supabase database (PLATFORM.md §2).
-- Applied as `supabase_admin`; safe to apply again.

-- public: owned by pg_database_owner, usable by the API roles.
grant usage on schema public to postgres, anon, authenticated, service_role;
grant create on schema public to postgres;

-- "Auto-expose": what `supabase start` (CLI 2.117.0, auto_expose_new_tables unset) and existing
-- hosted projects do. Our migrations revoke and grant per table, so they behave the same under
-- the newer opt-out model too; the pgTAP privilege tests prove it against this, the wider model.
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to postgres, anon, authenticated, service_role;

create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema extensions grant all on functions to postgres, anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists citext with schema extensions;

-- pgTAP only where the Postgres build ships it (the Debian cluster; not the Postgres 17 replay).
do $$
begin
  if exists (select 1 from pg_catalog.pg_available_extensions where name = 'pgtap') then
    create extension if not exists pgtap with schema extensions;
  end if;
end $$;

-- pg_cron lives in pg_catalog with its own `cron` schema; only when preloaded, and only in the
-- database its worker reads (scratch databases of the same cluster go without it).
do $$
begin
  if exists (select 1 from pg_catalog.pg_available_extensions where name = 'pg_cron')
     and pg_catalog.current_setting('shared_preload_libraries', true) like '%pg_cron%'
     and pg_catalog.current_setting('cron.database_name', true) = pg_catalog.current_database() then
    create extension if not exists pg_cron with schema pg_catalog;
    grant usage on schema cron to postgres;
    grant all on all tables in schema cron to postgres;
    grant all on all sequences in schema cron to postgres;
    grant execute on all functions in schema cron to postgres;
  end if;
end $$;

-- Exposed by the platform's GraphQL endpoint; empty here (pg_graphql is not on Debian).
create schema if not exists graphql_public;
grant usage on schema graphql_public to postgres, anon, authenticated, service_role;

-- Realtime's publication exists empty; tables are added by migrations.
do $$
begin
  if not exists (select 1 from pg_catalog.pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end $$;
alter publication supabase_realtime owner to postgres;

-- The schemas PostgREST exposes; splinter (`db advisors`) reads this to know what is public.
do $$ begin
  execute format('alter database %I set pgrst.db_schemas = %L', current_database(), 'public, graphql_public');
end $$;
alter role authenticator set pgrst.db_schemas = 'public, graphql_public';

-- The project owner creates schemas (the CLI's supabase_migrations history among them).
do $$ begin
  execute format('grant all privileges on database %I to postgres', current_database());
end $$;
