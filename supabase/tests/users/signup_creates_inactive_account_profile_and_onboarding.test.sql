-- Sign-up (an auth.users insert) creates users, profiles and user_onboardings; the display name
-- is validated (control characters stripped, trimmed, at most 100 characters, fallback to the
-- e-mail's local part).
begin;
select plan(7);

-- given
insert into auth.users (instance_id, id, aud, role, email, raw_user_meta_data, is_sso_user, is_anonymous,
  confirmation_token, recovery_token, email_change_token_new, email_change) values
  ('00000000-0000-0000-0000-000000000000', 'f0000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated',
   'lena@atas.test', jsonb_build_object('full_name', E'  Lena\u0007 Park  '), false, false, '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', 'f0000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated',
   'noname@atas.test', '{"full_name": {"nested": "object"}}', false, false, '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', 'f0000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated',
   'long@atas.test', jsonb_build_object('full_name', repeat('x', 300)), false, false, '', '', '', '');

-- then
select results_eq($$ select email::text, status::text from public.users where id = 'f0000000-0000-4000-8000-000000000001' $$,
  $$ values ('lena@atas.test', 'inactive') $$, 'the account copies the e-mail and starts inactive');
select is((select full_name from public.profiles where user_id = 'f0000000-0000-4000-8000-000000000001'), 'Lena Park',
  'the display name is cleaned');
select is((select full_name from public.profiles where user_id = 'f0000000-0000-4000-8000-000000000002'), 'noname',
  'a non-string name falls back to the e-mail''s local part');
select is((select char_length(full_name) from public.profiles where user_id = 'f0000000-0000-4000-8000-000000000003'), 100,
  'an overlong name is cut to 100 characters');
select is((select status from public.user_onboardings where user_id = 'f0000000-0000-4000-8000-000000000001'),
  'not_started'::public.onboarding_status, 'onboarding starts not_started');
select ok((select referral_code ~ '^[A-Z0-9]{8}$' from public.users where id = 'f0000000-0000-4000-8000-000000000001'),
  'a referral code of 8 characters is generated');

-- when the e-mail changes in auth, the copy follows
update auth.users set email = 'lena.park@atas.test' where id = 'f0000000-0000-4000-8000-000000000001';
select is((select email::text from public.users where id = 'f0000000-0000-4000-8000-000000000001'), 'lena.park@atas.test',
  'an e-mail change is copied');

select * from finish();
rollback;
