-- DOMAIN.md §3.4 (a UI-only rule in the original): title, times, type, venue, price, registration
-- type and capacity are fixed once a published event has started, and after it ended or was
-- cancelled. Before the start they may change; derived counters always may.
begin;
select plan(6);

-- given
select tests.create_event('soon', organizer => 'olga');
select tests.create_event('live', organizer => 'olga', starts_in => '-1 hour', lasts => '3 hours');
select tests.create_event('over', organizer => 'olga', status => 'ended', starts_in => '-3 days');
select tests.create_event('off', organizer => 'olga', status => 'cancelled');

-- then
select is(tests.violated_constraint($$ update public.events set start_datetime = start_datetime + interval '1 hour', end_datetime = end_datetime + interval '1 hour' where id = tests.event_id('soon') $$),
  '', 'a published event that has not started may move');
select is(tests.violated_constraint($$ update public.events set title = 'renamed' where id = tests.event_id('live') $$),
  'events_core_fields_locked', 'an event under way keeps its title');
select is(tests.violated_constraint($$ update public.events set max_participant = 5 where id = tests.event_id('over') $$),
  'events_core_fields_locked', 'an ended event keeps its capacity');
select is(tests.violated_constraint($$ update public.events set venue_remark = 'elsewhere' where id = tests.event_id('off') $$),
  'events_core_fields_locked', 'a cancelled event keeps its venue');
select is(tests.violated_constraint($$ update public.events set description = 'Photos are up' where id = tests.event_id('over') $$),
  '', 'the description of an ended event may still change');
select lives_ok($$ select tests.add_participant('live', 'pia') $$, 'counters of an event under way still change');

select * from finish();
rollback;
