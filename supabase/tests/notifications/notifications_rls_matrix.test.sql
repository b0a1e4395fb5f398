-- Notifications: the recipient reads them and flips is_read; nothing else is writable by anyone
-- through PostgREST; others (anon, strangers, admins) never read them.
begin;
select plan(13);

-- given: a notification for ada and one for bob
select tests.create_user('nm_ada');
select tests.create_user('nm_bob');
select tests.create_user('nm_root', '{admin}');
select tests.create_user('nm_sus', status => 'suspended');
select private.notify(tests.uid('nm_ada'), 'welcome', 'Welcome to ATAS!', '/home');
select private.notify(tests.uid('nm_bob'), 'welcome', 'Welcome to ATAS!', '/home');
select private.notify(tests.uid('nm_sus'), 'welcome', 'Welcome to ATAS!', '/home');

-- then: reads
select tests.sign_in_as('nm_ada');
select results_eq($$ select recipient_id from public.notifications $$, $$ values (tests.uid('nm_ada')) $$, 'ada reads only her own');
select tests.sign_in_as('nm_root');
select is((select count(*)::int from public.notifications where recipient_id <> tests.uid('nm_root')), 0, 'admins do not read others'' notifications');
select tests.sign_out();
select throws_ok($$ select * from public.notifications $$, '42501', null, 'anon has no access at all');
select tests.sign_in_as('nm_sus');
select is((select count(*)::int from public.notifications), 0, 'a suspended user reads none');

-- writes: only is_read, only own
select tests.sign_in_as('nm_ada');
select lives_ok($$ update public.notifications set is_read = true $$, 'ada marks hers read');
select throws_ok($$ update public.notifications set content = 'forged' $$, '42501', null, 'content is not writable');
select throws_ok($$ update public.notifications set recipient_id = tests.uid('nm_bob') $$, '42501', null, 'nor the recipient');
select throws_ok($$ update public.notifications set kind = 'admin_broadcast' $$, '42501', null, 'nor the kind');
select throws_ok($$ insert into public.notifications (recipient_id, type, kind, content) values (tests.uid('nm_bob'), 'system', 'welcome', 'Spam') $$,
  '42501', null, 'nobody inserts notifications through PostgREST');
select throws_ok($$ delete from public.notifications $$, '42501', null, 'nor deletes them');
update public.notifications set is_read = true where recipient_id = tests.uid('nm_bob');
reset role;
select is((select is_read from public.notifications where recipient_id = tests.uid('nm_bob')), false, 'ada''s update of bob''s row changed nothing');
select is((select is_read from public.notifications where recipient_id = tests.uid('nm_ada')), true, 'ada''s own row is read');
select tests.sign_in_as('nm_sus');
update public.notifications set is_read = true;
reset role;
select is((select is_read from public.notifications where recipient_id = tests.uid('nm_sus')), false, 'a suspended user changes nothing');

select * from finish();
rollback;
