-- No endpoint or SQL path makes a non-admin an admin (rule 7.1). As `authenticated` every
-- direct write that could carry the role is refused; structurally, no function a client role
-- can execute and no trigger on a client-writable table writes user_roles; and at the end the
-- helpers and the token still say "not admin".
begin;
select plan(14);

-- given: mallory, an ordinary active student, and an admin to compare with
select tests.create_user('mallory');
select tests.create_user('ada-real', '{admin}');
select tests.sign_in_as('mallory');

-- then: direct writes
select throws_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('mallory'), 'admin', 'approved') $$,
  '42501', null, 'cannot insert an approved admin role');
select throws_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('mallory'), 'admin', 'pending') $$,
  '42501', null, 'cannot even request admin');
select throws_ok($$ update public.user_roles set role = 'admin' where user_id = tests.uid('mallory') $$,
  '42501', null, 'cannot rename an approved role to admin');
select throws_ok($$ update public.user_roles set status = 'approved' where user_id = tests.uid('mallory') $$,
  '42501', null, 'cannot approve own roles');
select throws_ok($$ update public.users set status = 'active', is_verified = true where id = tests.uid('mallory') $$,
  '42501', null, 'cannot write the account row');
select throws_ok($$ update auth.users set raw_app_meta_data = '{"role": "admin"}', raw_user_meta_data = '{"role": "admin"}'
                   where id = tests.uid('mallory') $$, '42501', null, 'cannot touch auth.users metadata');
select throws_ok($$ select private.custom_access_token_hook('{"user_id": "00000000-0000-0000-0000-000000000000", "claims": {}}') $$,
  '42501', null, 'cannot call the access-token hook');
select lives_ok($$ update public.user_onboardings set onboarding_data = '{"role": "admin", "is_admin": true}'
                  where user_id = tests.uid('mallory') $$, 'may save free-form onboarding data (it grants nothing)');
select lives_ok($$ update public.profiles set title = 'Admin', bio = 'role: admin' where user_id = tests.uid('mallory') $$,
  'may call themself admin in their profile text (it grants nothing)');

reset role;
-- structurally: no function a client role can execute writes user_roles or users (trigger
-- functions are left out: Postgres refuses to call them except as triggers, see the next check)
select is(
  array(
    select n.nspname || '.' || p.proname from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname not in ('tests', 'pg_catalog', 'information_schema', 'extensions', 'auth')
      and (pg_catalog.has_function_privilege('anon', p.oid, 'execute')
           or pg_catalog.has_function_privilege('authenticated', p.oid, 'execute'))
      and p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype
      and p.prosrc ~* '(insert\s+into|update|delete\s+from)\s+public\.(user_roles|users)\M'
    order by 1),
  '{}'::text[],
  'no function anon or authenticated can execute writes user_roles or users');

-- and no trigger on a table those roles can write writes user_roles
select is(
  array(
    select c.relname || ' → ' || p.proname from pg_catalog.pg_trigger t
    join pg_catalog.pg_class c on c.oid = t.tgrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    join pg_catalog.pg_proc p on p.oid = t.tgfoid
    where not t.tgisinternal
      and (pg_catalog.has_table_privilege('authenticated', c.oid, 'INSERT, UPDATE, DELETE')
           or pg_catalog.has_any_column_privilege('authenticated', c.oid, 'INSERT, UPDATE'))
      and p.prosrc ~* '(insert\s+into|update)\s+public\.user_roles\M'
    order by 1),
  '{}'::text[],
  'no trigger on a client-writable table writes user_roles');

-- and at the end mallory is still no admin anywhere
select tests.sign_in_as('mallory');
select ok(not private.is_admin(), 'is_admin() is false for mallory');
reset role;
select is(tests.access_token_claims('mallory') -> 'user_roles', '["student"]'::jsonb, 'her token lists only student');
select tests.sign_in_as('ada-real');
select ok(private.is_admin(), 'the same helper is true for a real admin (the check can tell them apart)');

select * from finish();
rollback;
