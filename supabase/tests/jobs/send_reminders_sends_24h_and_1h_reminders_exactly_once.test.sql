-- private.job_send_reminders with a moved clock: the 24 h and the 1 h reminder each go out once
-- to accepted participants, however often the job runs.
begin;
select plan(11);

-- given: the seed's events are set aside (soft-deleted), so the counts below are this test's own
update public.events set deleted_at = now() where deleted_at is null;
-- given: "rust" starts in 2 days; ada is accepted, grace still pending
select tests.create_event('rust', organizer => 'olga', starts_in => '2 days');
select tests.add_participant('rust', 'ada');
select tests.add_participant('rust', 'grace', status => 'pending');
create temporary table clock on commit drop as
  select start_datetime as starts_at from public.events where id = tests.event_id('rust');

-- then
select is(private.job_send_reminders((select starts_at from clock) - interval '25 hours'), 0,
  'nothing is due 25 hours before start');
select is(private.job_send_reminders((select starts_at from clock) - interval '24 hours'), 2,
  'the 24 h reminder goes to the accepted participants (ada and the organizer) at 24 h before start');
select is(private.job_send_reminders((select starts_at from clock) - interval '23 hours 55 minutes'), 0,
  'a repeated run 5 minutes later sends nothing');
select is(private.job_send_reminders((select starts_at from clock) - interval '24 hours'), 0,
  'a run repeated at the same moment sends nothing');
select is(private.job_send_reminders((select starts_at from clock) - interval '1 hour'), 2,
  'the 1 h reminder goes out at 1 h before start');
select is(private.job_send_reminders((select starts_at from clock) - interval '30 minutes'), 0,
  'a repeated run within the last hour sends nothing');
select is(private.job_send_reminders((select starts_at from clock) + interval '5 minutes'), 0,
  'nothing is sent after start');

select results_eq(
  $$ select data ->> 'startsIn' from private.email_outbox
     where recipient_user_id = tests.uid('ada') and template = 'event_reminder' order by id $$,
  array['24h', '1h'],
  'ada has exactly one 24 h and one 1 h reminder e-mail in the outbox');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('ada') and kind = 'event_reminder'), 2,
  'ada has two reminder notifications');
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('grace')), 0,
  'grace, still pending, gets no reminder');
select is((select data ->> 'eventTitle' from private.email_outbox where recipient_user_id = tests.uid('ada') limit 1), 'rust',
  'the e-mail data names the event');

select * from finish();
rollback;
