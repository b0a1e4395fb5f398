-- Realtime: `notifications` is in the supabase_realtime publication, so a subscribed supabase-js
-- client receives inserts; Postgres Changes applies the subscriber's RLS (PLATFORM.md §9), and
-- that RLS lets a user read only their own rows. Realtime itself is not in this local stack: we
-- assert the publication and the policy it relies on.
begin;
select plan(6);

-- then: published, with every operation
select is((select count(*)::int from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public' and tablename = 'notifications'),
  1, 'notifications is in the supabase_realtime publication');
select results_eq($$ select pubinsert, pubupdate from pg_publication where pubname = 'supabase_realtime' $$,
  $$ values (true, true) $$, 'the publication carries inserts and updates');
select is((select relrowsecurity from pg_class where oid = 'public.notifications'::regclass), true, 'RLS is on for the published table');

-- given: a new notification for ada
select tests.create_user('rt_ada');
select tests.create_user('rt_bob');
select private.notify(tests.uid('rt_ada'), 'welcome', 'Live!', '/home');

-- then: the row Realtime would send is visible to ada's JWT, not to bob's or anon
select tests.sign_in_as('rt_ada');
select is((select count(*)::int from public.notifications where content = 'Live!'), 1, 'ada''s subscription may receive it');
select tests.sign_in_as('rt_bob');
select is((select count(*)::int from public.notifications where content = 'Live!'), 0, 'bob''s subscription is filtered out');
select tests.sign_out();
select throws_ok($$ select count(*) from public.notifications $$, '42501', null, 'anon subscriptions get nothing');

select * from finish();
rollback;
