-- The Custom Access Token hook adds `user_roles` (approved only) and `account_status` and keeps
-- every claim Auth requires (PLATFORM.md §6).
begin;
select plan(8);

-- given: raj is a student asking to be an expert; sue is suspended
select tests.create_user('raj');
select tests.set_role('raj', 'expert', 'pending');
select tests.create_user('sue', status => 'suspended');
select tests.create_user('ada', '{admin,teacher}');

-- then
select is(tests.access_token_claims('raj') -> 'user_roles', '["student"]'::jsonb,
  'a pending role is not in the token');
select is(tests.access_token_claims('ada') -> 'user_roles', '["teacher", "admin"]'::jsonb,
  'every approved role is in the token, in enum order');
select is(tests.access_token_claims('raj') ->> 'account_status', 'active', 'an active account says active');
select is(tests.access_token_claims('sue') ->> 'account_status', 'suspended', 'a suspended account says suspended');
select ok(tests.access_token_claims('raj') ?& array['aud', 'exp', 'iat', 'sub', 'email', 'phone', 'role', 'aal', 'session_id', 'is_anonymous'],
  'the required claims are kept');
select is(tests.access_token_claims('raj') ->> 'role', 'authenticated', 'the role claim is untouched');
select is(
  private.custom_access_token_hook('{"user_id": "00000000-0000-4000-8000-000000000000", "claims": {"sub": "x", "role": "authenticated"}}'::jsonb),
  '{"claims": {"sub": "x", "role": "authenticated", "user_roles": [], "account_status": "inactive"}}'::jsonb,
  'an unknown user gets no roles and status inactive');

-- when an admin revokes the pending request's sibling role, the next token reflects it
update public.user_roles set status = 'revoked' where user_id = tests.uid('ada') and role = 'teacher';
select is(tests.access_token_claims('ada') -> 'user_roles', '["admin"]'::jsonb, 'a revoked role leaves the next token');

select * from finish();
rollback;
