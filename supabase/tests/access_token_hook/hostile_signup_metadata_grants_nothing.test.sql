-- Rule 7.1: sign-up metadata is user-editable; `role: admin`, `status: active`, `is_admin: true`
-- grant nothing. Only a display name is taken from it.
begin;
select plan(7);

-- given: mallory signs up with hostile metadata and has not confirmed her e-mail
insert into auth.users (instance_id, id, aud, role, email, encrypted_password, raw_app_meta_data, raw_user_meta_data,
  created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous)
values ('00000000-0000-0000-0000-000000000000', 'f0000000-0000-4000-8000-0000000000aa', 'authenticated', 'authenticated',
  'mallory@atas.test', extensions.crypt('password123', extensions.gen_salt('bf', 4)), '{"provider": "email", "providers": ["email"]}',
  '{"full_name": "Mallory", "role": "admin", "roles": ["admin"], "user_roles": ["admin"], "status": "active", "is_admin": true, "account_status": "active"}',
  now(), now(), '', '', '', '', false, false);

-- then
select is((select status from public.users where id = 'f0000000-0000-4000-8000-0000000000aa'), 'inactive'::public.user_status,
  'the account starts inactive whatever the metadata says');
select is_empty($$ select 1 from public.user_roles where user_id = 'f0000000-0000-4000-8000-0000000000aa' $$,
  'no role is created from metadata');
select is((select full_name from public.profiles where user_id = 'f0000000-0000-4000-8000-0000000000aa'), 'Mallory',
  'only the display name is taken');
select is(tests.access_token_claims('mallory') -> 'user_roles', '[]'::jsonb, 'the token carries no role');
select is(tests.access_token_claims('mallory') ->> 'account_status', 'inactive', 'the token says inactive');
select is(tests.attempt('mallory', $$ select 1 from public.users where id <> (select auth.uid()) $$), 'hidden',
  'she cannot read other accounts');

-- when she confirms her e-mail she is an ordinary member, still without roles
update auth.users set email_confirmed_at = now() where id = 'f0000000-0000-4000-8000-0000000000aa';
select is(tests.attempt('mallory', $$ insert into public.tags (name) values ('hostile') $$), 'forbidden',
  'she cannot do what only admins do');

select * from finish();
rollback;
