-- Issue 15: users.is_verified and users.referred_by are filled when Supabase Auth confirms the
-- address (auth.users.email_confirmed_at set, as GoTrue does on confirmation; or already set when
-- a Google sign-in creates the user). The referral code comes from sign-up metadata and is only a
-- lookup key: an unknown, malformed or own code refers nobody; a referral is never overwritten.
begin;
select plan(9);

-- given: rita is an existing member with a referral code; three sign-ups, unconfirmed
select tests.create_user('rita');
insert into auth.users (instance_id, id, aud, role, email, raw_user_meta_data, is_sso_user, is_anonymous,
  confirmation_token, recovery_token, email_change_token_new, email_change) values
  ('00000000-0000-0000-0000-000000000000', 'f1000000-0000-4000-8000-000000000001', 'authenticated', 'authenticated',
   'ref@atas.test', jsonb_build_object('full_name', 'Ref', 'referral_code',
     lower((select referral_code from public.users where id = tests.uid('rita')))), false, false, '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', 'f1000000-0000-4000-8000-000000000002', 'authenticated', 'authenticated',
   'bogus@atas.test', '{"referral_code": "NOPE0000"}', false, false, '', '', '', ''),
  ('00000000-0000-0000-0000-000000000000', 'f1000000-0000-4000-8000-000000000003', 'authenticated', 'authenticated',
   'inject@atas.test', '{"referral_code": {"id": "x"}}', false, false, '', '', '', '');

-- then: nothing is proven yet
select is((select count(*)::int from public.users where id::text like 'f1000000-%' and (is_verified or referred_by is not null)), 0,
  'an unconfirmed sign-up is neither verified nor counted as a referral');

-- when Auth confirms all three
update auth.users set email_confirmed_at = now() where id::text like 'f1000000-%';

-- then
select is((select is_verified from public.users where id = 'f1000000-0000-4000-8000-000000000001'), true,
  'confirmation sets is_verified');
select is((select referred_by from public.users where id = 'f1000000-0000-4000-8000-000000000001'), tests.uid('rita'),
  'a valid referral code (any case) names its owner in referred_by');
select is((select referred_by from public.users where id = 'f1000000-0000-4000-8000-000000000002'), null,
  'an unknown code refers nobody');
select is((select is_verified from public.users where id = 'f1000000-0000-4000-8000-000000000003'), true,
  'a malformed code does not stop verification');
select is((select referred_by from public.users where id = 'f1000000-0000-4000-8000-000000000003'), null,
  'a non-string code refers nobody');

-- when the metadata is edited afterwards and Auth touches the confirmation again
update auth.users set raw_user_meta_data = '{"referral_code": "AAAAAAAA"}', email_confirmed_at = now() + interval '1 minute'
where id = 'f1000000-0000-4000-8000-000000000001';
select is((select referred_by from public.users where id = 'f1000000-0000-4000-8000-000000000001'), tests.uid('rita'),
  'a referral is set once and never overwritten');

-- given: a Google sign-in arrives already confirmed
insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, raw_user_meta_data, is_sso_user, is_anonymous,
  confirmation_token, recovery_token, email_change_token_new, email_change) values
  ('00000000-0000-0000-0000-000000000000', 'f1000000-0000-4000-8000-000000000004', 'authenticated', 'authenticated',
   'google@atas.test', now(), '{"name": "G User"}', false, false, '', '', '', '');
select is((select is_verified from public.users where id = 'f1000000-0000-4000-8000-000000000004'), true,
  'a user created already confirmed is verified at once');
select is((select status from public.users where id = 'f1000000-0000-4000-8000-000000000004'), 'active'::public.user_status,
  'and active, as before');

select * from finish();
rollback;
