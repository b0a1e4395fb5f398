-- The audit log is insert-only (DOMAIN.md §2, §4): no role a client can reach (anon,
-- authenticated — even an admin —, service_role) can update, delete or truncate it, and only the
-- service role and the functions' own role can append.
begin;
select plan(13);

-- given: one entry, written as the functions write it
select tests.create_user('ada-audit', '{admin}');
select tests.create_user('stan-audit');
insert into public.audit_logs (actor_id, action, target_type, target_id, details)
values (tests.uid('ada-audit'), 'user.suspend', 'user', tests.uid('stan-audit'), '{"reason": "Spam"}');

-- then: anon
select tests.sign_out();
select throws_ok($$ update public.audit_logs set action = 'user.reactivate' $$, '42501', null, 'anon cannot update');
select throws_ok($$ delete from public.audit_logs $$, '42501', null, 'anon cannot delete');
select throws_ok($$ insert into public.audit_logs (action, target_type) values ('user.forge', 'user') $$, '42501', null, 'anon cannot insert');

-- authenticated, as an admin (who may read it)
select tests.sign_in_as('ada-audit');
select isnt_empty($$ select 1 from public.audit_logs where target_id = tests.uid('stan-audit') $$, 'an admin reads the entry');
select throws_ok($$ update public.audit_logs set details = '{}' $$, '42501', null, 'an admin cannot update');
select throws_ok($$ delete from public.audit_logs $$, '42501', null, 'an admin cannot delete');
select throws_ok($$ truncate public.audit_logs $$, '42501', null, 'an admin cannot truncate');
select throws_ok($$ insert into public.audit_logs (action, target_type) values ('user.forge', 'user') $$, '42501', null,
  'authenticated cannot forge entries');

-- service_role (bypasses RLS, still no update/delete; a trigger refuses them for every role anyway)
reset role;
select set_config('role', 'service_role', true);
select set_config('request.jwt.claims', '{"role": "service_role"}', true);
select throws_ok($$ update public.audit_logs set details = '{}' $$, '42501', null, 'service_role cannot update');
select throws_ok($$ delete from public.audit_logs $$, '42501', null, 'service_role cannot delete');
select throws_ok($$ truncate public.audit_logs $$, '42501', null, 'service_role cannot truncate');

-- the project owner (the functions' role) is refused by the append-only trigger too
reset role;
select throws_ok($$ update public.audit_logs set details = '{}' where target_id = tests.uid('stan-audit') $$, '42501', null,
  'even the table owner cannot rewrite history');
select is((select details ->> 'reason' from public.audit_logs where target_id = tests.uid('stan-audit')), 'Spam', 'the entry is unchanged');

select * from finish();
rollback;
