-- The local base recreates the platform's roles with the attributes PLATFORM.md §1 lists.
begin;
select plan(12);

-- then: login, bypassrls and inherit match the hosted project
select is((select rolcanlogin from pg_roles where rolname = 'postgres'), true, 'postgres can log in');
select is((select rolbypassrls from pg_roles where rolname = 'postgres'), true, 'postgres bypasses RLS (project owner)');
select is((select rolsuper from pg_roles where rolname = 'postgres'), false, 'postgres is not a superuser, as on hosted');
select is((select rolcanlogin from pg_roles where rolname = 'anon'), false, 'anon cannot log in');
select is((select rolbypassrls from pg_roles where rolname = 'authenticated'), false, 'authenticated is bound by RLS');
select is((select rolbypassrls from pg_roles where rolname = 'service_role'), true, 'service_role bypasses RLS');
select is((select rolinherit from pg_roles where rolname = 'authenticator'), false, 'authenticator does not inherit');
select is((select rolcanlogin from pg_roles where rolname = 'authenticator'), true, 'authenticator logs in (PostgREST)');
select ok(pg_has_role('authenticator', 'anon', 'member') and pg_has_role('authenticator', 'authenticated', 'member')
  and pg_has_role('authenticator', 'service_role', 'member'), 'authenticator can switch to the three API roles');
select is((select rolinherit from pg_roles where rolname = 'supabase_auth_admin'), false, 'supabase_auth_admin does not inherit');
select ok((select 'statement_timeout=3s' = any(setconfig) from pg_db_role_setting where setrole = 'anon'::regrole and setdatabase = 0),
  'anon has a 3 s statement timeout');
select ok((select 'statement_timeout=8s' = any(setconfig) from pg_db_role_setting where setrole = 'authenticated'::regrole and setdatabase = 0),
  'authenticated has an 8 s statement timeout');

select * from finish();
rollback;
