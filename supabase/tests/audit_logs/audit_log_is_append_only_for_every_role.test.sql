-- DOMAIN.md §2: the audit log is insert-only. Clients have no write grant; a trigger refuses
-- update, delete and truncate for every role, the owner included.
begin;
select plan(8);

-- given
select tests.create_user('ada', '{admin}');
insert into public.audit_logs (actor_id, action, target_type) values (tests.uid('ada'), 'user.suspend', 'user');

-- then
select throws_ok($$ update public.audit_logs set action = 'user.reactivate' $$, '42501',
  'Cannot change the audit log: it is append-only', 'the owner cannot update an entry');
select throws_ok($$ delete from public.audit_logs $$, '42501', 'Cannot change the audit log: it is append-only',
  'the owner cannot delete an entry');
select throws_ok($$ truncate public.audit_logs $$, '42501', 'Cannot change the audit log: it is append-only',
  'the owner cannot truncate the log');
select is(tests.attempt('ada', $$ update public.audit_logs set action = 'user.reactivate' where true $$), 'forbidden',
  'an admin cannot update an entry');
select is(tests.attempt('ada', $$ delete from public.audit_logs where true $$), 'forbidden', 'an admin cannot delete an entry');
select is(tests.attempt('anon', $$ delete from public.audit_logs where true $$), 'forbidden', 'anon cannot delete an entry');

set local role service_role;
select throws_ok($$ delete from public.audit_logs where true $$, '42501', null, 'the service role cannot delete an entry');
select lives_ok($$ insert into public.audit_logs (action, target_type) values ('event.publish', 'event') $$,
  'the service role appends entries');
reset role;

select * from finish();
rollback;
