-- Sign-up metadata is user-editable (raw_user_meta_data), so it never grants a role or a status
-- (rule 7.1): a sign-up claiming admin/active gets an inactive account without roles, and after
-- confirming the e-mail an active account still without roles. (Merged with the copy that lived in
-- access_token_hook/ under the same name: one matrix, one file.)
begin;
select plan(11);

-- given: a sign-up as Auth writes it, with hostile metadata
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous)
values ('00000000-0000-0000-0000-000000000000', '6d0c5a3e-0000-4000-8000-00000000a11e', 'authenticated', 'authenticated',
  'mallory@atas.test', 'x', '{"provider": "email", "providers": ["email"]}',
  '{"full_name": "Mallory", "role": "admin", "roles": ["admin"], "status": "active", "account_status": "active",
    "is_admin": true, "user_roles": ["admin"], "is_verified": true, "is_dashboard_pro": true}',
  now(), now(), '', '', '', '', false, false);

-- then: nothing of it is taken
select is((select status::text from public.users where id = '6d0c5a3e-0000-4000-8000-00000000a11e'), 'inactive',
  'the account starts inactive (unconfirmed), whatever the metadata says');
select is((select count(*)::int from public.user_roles where user_id = '6d0c5a3e-0000-4000-8000-00000000a11e'), 0, 'no role row at all');
select is((select (is_verified, is_dashboard_pro)::text from public.users where id = '6d0c5a3e-0000-4000-8000-00000000a11e'),
  '(f,f)', 'no flags taken from metadata');
select is((select full_name from public.profiles where user_id = '6d0c5a3e-0000-4000-8000-00000000a11e'), 'Mallory',
  'only the display name is taken');

select is(tests.access_token_claims('mallory') -> 'user_roles', '[]'::jsonb, 'the access token carries no roles');
select is(tests.access_token_claims('mallory') ->> 'account_status', 'inactive', 'the access token says inactive');
select is(tests.attempt('mallory', $$ select 1 from public.users where id <> (select auth.uid()) $$), 'hidden',
  'she cannot read other accounts');

-- when the e-mail is confirmed
update auth.users set email_confirmed_at = now() where id = '6d0c5a3e-0000-4000-8000-00000000a11e';
select is((select status::text from public.users where id = '6d0c5a3e-0000-4000-8000-00000000a11e'), 'active',
  'confirmation activates the account');
select tests.sign_in_as('mallory');
select ok(not private.is_admin() and not private.has_role('admin'), 'mallory is not an admin in any helper the policies use');
reset role;
select is(tests.access_token_claims('mallory') -> 'user_roles', '[]'::jsonb, 'still no roles in the token after confirmation');
select is(tests.attempt('mallory', $$ insert into public.tags (name) values ('hostile') $$), 'forbidden',
  'she cannot do what only admins do');

select * from finish();
rollback;
