-- private.job_send_reminders when the job was down: a run that finds both reminders due sends
-- only the 1 h one, and the 24 h one is never sent afterwards.
begin;
select plan(5);

-- given: the seed's events are set aside (soft-deleted), so the counts below are this test's own
update public.events set deleted_at = now() where deleted_at is null;
-- given: "go" starts in 2 days with ada accepted, and the job did not run until 40 minutes before start
select tests.create_event('go', organizer => 'olga', starts_in => '2 days');
select tests.add_participant('go', 'ada');
create temporary table clock on commit drop as
  select start_datetime as starts_at from public.events where id = tests.event_id('go');

-- then
select is(private.job_send_reminders((select starts_at from clock) - interval '40 minutes'), 2,
  'the late run sends one reminder per accepted participant');
select results_eq(
  $$ select data ->> 'startsIn' from private.email_outbox where recipient_user_id = tests.uid('ada') $$,
  array['1h'],
  'that reminder is the 1 h one');
select is(
  (select outcome from private.event_reminder_deliveries where user_id = tests.uid('ada') and slot = '24h'), 'skipped',
  'the 24 h reminder is recorded as skipped');
select is(private.job_send_reminders((select starts_at from clock) - interval '35 minutes'), 0,
  'the next run sends nothing');
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('ada')), 1,
  'ada got one e-mail in all');

select * from finish();
rollback;
