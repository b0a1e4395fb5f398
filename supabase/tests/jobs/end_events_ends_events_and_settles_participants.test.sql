-- private.job_end_events with a moved clock: published events past their end become ended,
-- accepted audience absent, pending and waitlisted rejected, walk-in links off; team rows stay.
begin;
select plan(10);

-- given: the seed's events are set aside (soft-deleted), so the counts below are this test's own
update public.events set deleted_at = now() where deleted_at is null;
-- given: "rust" starts in a day and lasts 2 hours
select tests.create_event('rust', organizer => 'olga', starts_in => '1 day', lasts => '2 hours');
select tests.add_participant('rust', 'ada');
select tests.add_participant('rust', 'grace', status => 'pending');
select tests.add_participant('rust', 'bob', status => 'waitlisted');
select tests.add_participant('rust', 'carl', role => 'committee', join_method => 'invited');
select tests.add_participant('rust', 'dina', status => 'attended');
insert into public.event_walk_in_tokens (event_id) values (tests.event_id('rust'));
create temporary table clock on commit drop as
  select end_datetime as ends_at from public.events where id = tests.event_id('rust');

-- then
select is(private.job_end_events((select ends_at from clock) - interval '1 minute'), 0, 'nothing ends before the end');
select is(private.job_end_events((select ends_at from clock) + interval '6 hours'), 1, 'a late run ends the event');
select is((select status::text from public.events where id = tests.event_id('rust')), 'ended', 'the event is ended');
select is(tests.participant_status('rust', 'ada')::text, 'absent', 'accepted audience becomes absent');
select is(tests.participant_status('rust', 'grace')::text, 'rejected', 'pending becomes rejected');
select is(tests.participant_status('rust', 'bob')::text, 'rejected', 'waitlisted becomes rejected');
select is(tests.participant_status('rust', 'carl')::text, 'accepted', 'the accepted committee stays accepted');
select is(tests.participant_status('rust', 'dina')::text, 'attended', 'attended stays attended');
select is((select count(*)::int from public.event_walk_in_tokens where event_id = tests.event_id('rust') and is_active), 0,
  'walk-in links are off');
select is(private.job_end_events((select ends_at from clock) + interval '6 hours 5 minutes'), 0, 'a repeated run changes nothing');

select * from finish();
rollback;
