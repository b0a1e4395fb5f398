-- Only an ended event (never cancelled), from its end until 14 days later.
begin;
select plan(7);

-- given: an event that ended 13 days ago, one that ended 15 days ago, one still running and a
-- cancelled one, each with an attendee/participant
select tests.create_review_scene('inwin', '13 days');
select tests.create_review_scene('late', '15 days');
select tests.create_event('running', organizer => 'running_olga', status => 'published', starts_in => '-1 hour', lasts => '3 hours');
select tests.add_participant('running', 'running_ada', 'audience', 'accepted');
select tests.create_event('called', organizer => 'called_olga', status => 'cancelled', starts_in => '-3 days');
select tests.add_participant('called', 'called_ada', 'audience', 'accepted');

-- then
select lives_ok($$ select tests.write_review('inwin', 'inwin_ada', 'inwin_sam') $$, 'day 13 is inside the window');
select throws_ok($$ select tests.write_review('late', 'late_ada', 'late_sam') $$, '23514', null,
  'day 15 is outside the 14-day window');
select is((select count(*)::int from public.reviews where event_id = tests.event_id('late')), 0, 'nothing was written after the window');
select throws_ok($$ select tests.write_review('running', 'running_ada', 'running_olga') $$, '23514',
  'Cannot review people of "running" yet: the event has not ended', 'a running event cannot be reviewed');
select throws_ok($$ select tests.write_review('called', 'called_ada', 'called_olga') $$, '23514',
  'Cannot review people of "called": the event was cancelled', 'a cancelled event is never reviewed');

-- the constraint names reach the API as error codes
select throws_ok($$ select tests.write_review('late', 'late_olga', 'late_sam') $$, '23514', null,
  'the organizer is bound by the window too');
select is(
  (select count(*)::int from public.reviews r where r.event_id in (tests.event_id('called'), tests.event_id('running'))),
  0, 'no review exists for the running or cancelled event');

select * from finish();
rollback;
