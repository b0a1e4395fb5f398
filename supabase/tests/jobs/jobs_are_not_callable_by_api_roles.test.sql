-- The jobs run as the database owner (pg_cron); no API role may call them (rule 7.16: the
-- original let any signed-in user trigger the lifecycle job).
begin;
select plan(4);

-- given
select tests.create_user('ada');

-- then
select tests.sign_in_as('ada');
select throws_ok($$ select private.job_end_events(now()) $$, '42501', null, 'a signed-in user cannot run end_events');
select throws_ok($$ select private.job_send_reminders(now()) $$, '42501', null, 'a signed-in user cannot run send_reminders');
select tests.sign_out();
select throws_ok($$ select private.job_close_registration(now()) $$, '42501', null, 'anon cannot run close_registration');
reset role;
select lives_ok($$ select private.job_close_registration(now()) $$, 'the owner (as pg_cron runs it) can');

select * from finish();
rollback;
