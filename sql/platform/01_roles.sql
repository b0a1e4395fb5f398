-- The roles a hosted Supabase project has before our first migration runs (PLATFORM.md §1).
-- Applied by scripts as the cluster superuser `supabase_admin`; safe to apply again.
-- Only what the platform really has: attributes, memberships and role-level settings.

do $$
declare
  spec record;
begin
  for spec in
    select * from (values
      -- name, login, bypassrls, inherit, extra
      ('postgres',                   true,  true,  true,  'createrole createdb replication'),
      ('anon',                       false, false, true,  ''),
      ('authenticated',              false, false, true,  ''),
      ('service_role',               false, true,  true,  ''),
      ('authenticator',              true,  false, false, ''),
      ('supabase_auth_admin',        true,  false, false, ''),
      ('supabase_storage_admin',     true,  false, false, ''),
      ('supabase_functions_admin',   true,  false, false, ''),
      ('supabase_replication_admin', true,  false, true,  'replication'),
      ('supabase_read_only_user',    true,  true,  true,  ''),
      ('dashboard_user',             false, false, true,  'createdb createrole')
    ) as t(name, can_login, bypass, inherits, extra)
  loop
    if not exists (select 1 from pg_catalog.pg_roles where rolname = spec.name) then
      execute format('create role %I', spec.name);
    end if;
    execute format('alter role %I %s %s %s %s',
      spec.name,
      case when spec.can_login then 'login' else 'nologin' end,
      case when spec.bypass then 'bypassrls' else 'nobypassrls' end,
      case when spec.inherits then 'inherit' else 'noinherit' end,
      spec.extra);
  end loop;
end $$;

-- Local passwords are the well-known ones `supabase start` uses; never reuse them anywhere else.
alter role postgres password 'postgres';
alter role authenticator password 'postgres';
alter role supabase_auth_admin password 'postgres';
alter role supabase_storage_admin password 'postgres';
alter role supabase_functions_admin password 'postgres';
alter role supabase_replication_admin password 'postgres';
alter role supabase_read_only_user password 'postgres';

-- PostgREST logs in as authenticator and switches to one of the three API roles per request.
grant anon, authenticated, service_role to authenticator;
-- The project owner can act as each API role (tests and SQL editor do exactly that).
grant anon, authenticated, service_role to postgres with admin option;
-- From 16 on, CREATEROLE no longer covers every role: hosted 17 gives postgres the ADMIN option on
-- authenticator too (so migrations may set its role-level settings), without using its rights.
do $$
begin
  if current_setting('server_version_num')::int >= 160000 then
    execute 'grant authenticator to postgres with admin option, inherit false, set false';
  end if;
end $$;
grant pg_read_all_data, pg_signal_backend, pg_monitor to postgres;
grant pg_read_all_data to supabase_read_only_user;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role supabase_auth_admin set search_path = auth;
alter role supabase_auth_admin set idle_in_transaction_session_timeout = '60s';
alter role postgres set search_path = "$user", public, extensions;
