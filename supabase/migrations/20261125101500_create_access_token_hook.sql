-- Purpose: the Custom Access Token hook (PLATFORM.md §6). Adds two top-level claims to every
-- access token: `user_roles` (approved app roles) and `account_status`. They are for clients'
-- convenience; policies never trust them and read the current rows instead (private helpers).
-- Touches: private.custom_access_token_hook; grants and policies for supabase_auth_admin.
--
-- Not security definer: Auth calls it as supabase_auth_admin, which gets exactly the reads it
-- needs (grants + `to supabase_auth_admin` policies). Nothing else may execute it.

create function private.custom_access_token_hook(event jsonb) returns jsonb
language plpgsql stable set search_path = '' as $$
declare
  claims jsonb := coalesce(event -> 'claims', '{}');
  subject uuid := (event ->> 'user_id')::uuid;
  account public.user_status;
  roles jsonb;
begin
  select u.status into account from public.users u where u.id = subject;
  select coalesce(jsonb_agg(r.role order by r.role), '[]') into roles
  from public.user_roles r where r.user_id = subject and r.status = 'approved';

  -- Required claims (aud, exp, iat, sub, email, phone, role, aal, session_id, is_anonymous) pass
  -- through untouched; ours are added beside them.
  claims := jsonb_set(claims, '{user_roles}', roles);
  claims := jsonb_set(claims, '{account_status}', to_jsonb(coalesce(account, 'inactive')));
  return jsonb_build_object('claims', claims);
end $$;
comment on function private.custom_access_token_hook(jsonb) is
  'Auth hook: adds user_roles (approved) and account_status claims. Informational; RLS reads the database.';

revoke execute on function private.custom_access_token_hook(jsonb) from public, anon, authenticated, service_role;
grant usage on schema private to supabase_auth_admin;
grant execute on function private.custom_access_token_hook(jsonb) to supabase_auth_admin;

grant usage on schema public to supabase_auth_admin;
grant select (id, status) on public.users to supabase_auth_admin;
grant select (user_id, role, status) on public.user_roles to supabase_auth_admin;
create policy "the auth server reads account status for tokens" on public.users
  for select to supabase_auth_admin using (true);
create policy "the auth server reads roles for tokens" on public.user_roles
  for select to supabase_auth_admin using (true);
