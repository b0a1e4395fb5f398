-- Auth calls the access-token hook as supabase_auth_admin, and the hook is security invoker: it
-- sees account status and approved roles only through the select policies `to
-- supabase_auth_admin` on users and user_roles. The other hook tests call it through a definer
-- helper (which bypasses RLS), and pgTAP sessions cannot assume supabase_auth_admin, so this file
-- pins those policies: mutation testing (npm run test:security) found that dropping "the auth
-- server reads account status for tokens" failed no test. (Token minting in the HTTP tests runs
-- the hook as supabase_auth_admin for real.)
begin;
select plan(6);

-- then
select policy_roles_are('public', 'users', 'the auth server reads account status for tokens', array['supabase_auth_admin'],
  'users: the auth server''s read policy is for supabase_auth_admin only');
select policy_cmd_is('public', 'users', 'the auth server reads account status for tokens', 'select',
  'users: the auth server''s policy only reads');
select policy_roles_are('public', 'user_roles', 'the auth server reads roles for tokens', array['supabase_auth_admin'],
  'user_roles: the auth server''s read policy is for supabase_auth_admin only');
select policy_cmd_is('public', 'user_roles', 'the auth server reads roles for tokens', 'select',
  'user_roles: the auth server''s policy only reads');
select ok(has_column_privilege('supabase_auth_admin', 'public.users', 'status', 'select'),
  'supabase_auth_admin may read users.status');
select ok(has_column_privilege('supabase_auth_admin', 'public.user_roles', 'status', 'select'),
  'supabase_auth_admin may read user_roles.status');

select * from finish();
rollback;
