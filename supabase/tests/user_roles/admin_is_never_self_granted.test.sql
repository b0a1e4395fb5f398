-- Rule 7.1: admin comes only from an admin (or the system). Whatever path a non-admin takes —
-- PostgREST, or an edge function writing with the caller's claims set — no admin is granted,
-- and no one decides their own role.
begin;
select plan(8);

-- given
select tests.create_user('ada', '{admin}');
select tests.create_user('pia');
select tests.create_user('stan');
select tests.set_role('pia', 'expert', 'pending');

-- then: through PostgREST
select is(tests.attempt('pia', $$ insert into public.user_roles (user_id, role, status) values ((select auth.uid()), 'admin', 'approved') $$),
  'forbidden', 'a user cannot insert an admin role for herself');
select is(tests.attempt('pia', $$ update public.user_roles set status = 'approved' where user_id = (select auth.uid()) $$),
  'forbidden', 'a user cannot approve her own pending request');

-- then: through a function acting for pia (its own role, pia's claims)
select set_config('request.jwt.claims', tests.access_token_claims('pia')::text, true);
select throws_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('pia'), 'admin', 'approved') $$,
  '42501', 'Cannot decide the admin role: only an admin may', 'a non-admin caller cannot grant admin, even to herself');
select throws_ok($$ update public.user_roles set status = 'approved' where user_id = tests.uid('pia') and role = 'expert' $$,
  '42501', 'Cannot decide the expert role: only an admin may', 'a non-admin caller cannot approve a request');
select is(tests.violated_constraint($$ insert into public.user_roles (user_id, role, status) values (tests.uid('pia'), 'admin', 'pending') $$),
  'user_roles_admin_is_never_requested', 'admin cannot even be requested');
select lives_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('pia'), 'sponsor', 'pending') $$,
  'the same caller may request sponsor (pending)');

-- then: an admin decides for others, never for herself
select set_config('request.jwt.claims', tests.access_token_claims('ada')::text, true);
select lives_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('stan'), 'admin', 'approved') $$,
  'an admin grants admin to someone else');
select is(tests.violated_constraint($$ update public.user_roles set status = 'revoked' where user_id = tests.uid('ada') and role = 'admin' $$),
  'user_roles_not_decided_by_self', 'an admin cannot revoke her own admin role');

select * from finish();
rollback;
