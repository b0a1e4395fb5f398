-- private.job_send_review_requests with a moved clock: after the end, the organizer, accepted
-- team and attended audience are asked once each while the 14-day window is open.
begin;
select plan(7);

-- given: the seed's events are set aside (soft-deleted), so the counts below are this test's own
update public.events set deleted_at = now() where deleted_at is null;
-- given: "rust" ran; dina attended, ada was accepted but did not come, carl was on the committee
select tests.create_event('rust', organizer => 'olga', starts_in => '1 day', lasts => '2 hours');
select tests.add_participant('rust', 'ada');
select tests.add_participant('rust', 'dina', status => 'attended');
select tests.add_participant('rust', 'carl', role => 'committee', join_method => 'invited');
select tests.add_participant('rust', 'grace', status => 'pending');
create temporary table clock on commit drop as
  select end_datetime as ends_at from public.events where id = tests.event_id('rust');

-- then
select is(private.job_send_review_requests((select ends_at from clock) + interval '1 minute'), 0,
  'no request while the event is still published');
select private.job_end_events((select ends_at from clock) + interval '1 minute');
select is(private.job_send_review_requests((select ends_at from clock) + interval '2 days'), 3,
  'a late run asks the three eligible reviewers');
select results_eq(
  $$ select recipient_user_id from private.email_outbox where template = 'review_request' order by recipient_user_id $$,
  $$ select unnest(array[tests.uid('olga'), tests.uid('dina'), tests.uid('carl')]) order by 1 $$,
  'the organizer, the attendee and the committee member get a review request e-mail');
select is((select count(*)::int from public.notifications where kind = 'review_request'), 3, 'and a notification each');
select is(private.job_send_review_requests((select ends_at from clock) + interval '2 days 5 minutes'), 0,
  'a repeated run asks nobody again');
select is((select count(*)::int from private.email_outbox where recipient_user_id in (tests.uid('ada'), tests.uid('grace'))), 0,
  'absent and rejected participants are not asked');

-- given: a second event whose job runs only after its review window closed
select tests.create_event('late', organizer => 'olga', starts_in => '1 day', lasts => '1 hour');
select tests.add_participant('late', 'ada', status => 'attended');
select private.job_end_events((select end_datetime from public.events where id = tests.event_id('late')) + interval '1 minute');
select is(private.job_send_review_requests((select end_datetime from public.events where id = tests.event_id('late')) + interval '15 days'), 0,
  'nobody is asked once the 14-day window has closed');

select * from finish();
rollback;
