-- rpc mark_all_notifications_read(): invoker, marks the caller's unread notifications, returns
-- how many; nobody else's; anon may not call it.
begin;
select plan(7);

-- given
select tests.create_user('all_ada');
select tests.create_user('all_bob');
select private.notify(tests.uid('all_ada'), 'welcome', 'One', '/home');
select private.notify(tests.uid('all_ada'), 'welcome', 'Two', '/home');
select private.notify(tests.uid('all_ada'), 'welcome', 'Three', '/home');
select private.notify(tests.uid('all_bob'), 'welcome', 'Bob''s', '/home');
update public.notifications set is_read = true where content = 'Three';

-- then
select is((select prosecdef from pg_proc where oid = 'public.mark_all_notifications_read()'::regprocedure), false, 'it is security invoker');
select tests.sign_in_as('all_ada');
select is(public.mark_all_notifications_read(), 2, 'two unread notifications were marked');
select is(public.mark_all_notifications_read(), 0, 'a second call marks nothing');
reset role;
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('all_ada') and not is_read), 0, 'ada has no unread left');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('all_bob') and not is_read), 1, 'bob''s stays unread');
select tests.sign_out();
select throws_ok($$ select public.mark_all_notifications_read() $$, '42501', null, 'anon cannot call it');
reset role;
select ok(not has_function_privilege('anon', 'public.mark_all_notifications_read()', 'execute'), 'anon has no execute grant');

select * from finish();
rollback;
