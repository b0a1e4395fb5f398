-- The hook is no security definer, runs with search_path = '', and only supabase_auth_admin may
-- execute it and read what it needs (PLATFORM.md §6).
begin;
select plan(10);

-- then
select is((select prosecdef from pg_proc where oid = 'private.custom_access_token_hook(jsonb)'::regprocedure), false,
  'the hook is not security definer');
select ok((select proconfig @> array['search_path=""'] from pg_proc where oid = 'private.custom_access_token_hook(jsonb)'::regprocedure),
  'the hook pins an empty search_path');
select ok(has_function_privilege('supabase_auth_admin', 'private.custom_access_token_hook(jsonb)', 'execute'),
  'supabase_auth_admin may execute the hook');
select ok(not has_function_privilege('authenticated', 'private.custom_access_token_hook(jsonb)', 'execute'),
  'authenticated may not execute the hook');
select ok(not has_function_privilege('anon', 'private.custom_access_token_hook(jsonb)', 'execute'),
  'anon may not execute the hook');
select ok(not has_function_privilege('service_role', 'private.custom_access_token_hook(jsonb)', 'execute'),
  'service_role may not execute the hook');
select ok(not exists (select 1 from pg_proc p, aclexplode(p.proacl) a
                      where p.oid = 'private.custom_access_token_hook(jsonb)'::regprocedure and a.grantee = 0),
  'PUBLIC has no execute on the hook');
select ok(has_column_privilege('supabase_auth_admin', 'public.users', 'status', 'select')
          and has_column_privilege('supabase_auth_admin', 'public.user_roles', 'role', 'select'),
  'supabase_auth_admin may read account status and roles');
select ok(not has_column_privilege('supabase_auth_admin', 'public.users', 'email', 'select'),
  'supabase_auth_admin reads no more than it needs');
select policies_are('public', 'user_roles',
  array['the auth server reads roles for tokens', 'users read their own roles and admins read all'],
  'user_roles has exactly the token reader and the self/admin read policies');

select * from finish();
rollback;
