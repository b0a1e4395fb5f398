-- Rule 7.9: one participant count = accepted + attended audience rows; team, speakers and
-- sponsors never use a seat; the capacity check runs under a lock on the event row in the same
-- statement as the write, so no write path can exceed max_participant. Walk-ins ignore capacity
-- (an on-site call, DOMAIN.md §8 #4) but still count.
begin;
select plan(9);

-- given: an event with 2 seats
select tests.create_event('tiny', organizer => 'olga', max_participant => 2);
select tests.add_participant('tiny', 'kai', 'committee', 'accepted', 'invited');
select tests.add_participant('tiny', 'max', 'speaker', 'accepted', 'invited');
select tests.add_participant('tiny', 'pia');
select tests.add_participant('tiny', 'pat', 'student');

-- then
select is((select participant_count from public.events where id = tests.event_id('tiny')), 2,
  'two audience seats are taken; organizer, committee and speaker use none');
select is(tests.violated_constraint($$ select tests.add_participant('tiny', 'sam') $$),
  'event_participants_capacity_available', 'a third accepted audience row is refused');
select is(tests.violated_constraint($$ select tests.add_participant('tiny', 'tom', 'sponsor', 'accepted', 'applied') $$),
  '', 'a sponsor still fits');
select tests.add_participant('tiny', 'wes', status => 'pending');
select is(tests.violated_constraint($$ update public.event_participants set status = 'accepted' where user_id = tests.uid('wes') $$),
  'event_participants_capacity_available', 'accepting a pending request is re-checked against capacity');
select is(tests.violated_constraint($$ update public.events set max_participant = 1 where id = tests.event_id('tiny') $$),
  'events_max_participant_covers_participants', 'capacity cannot drop below the seats taken');

-- when a seat frees up
delete from public.event_participants where user_id = tests.uid('pia') and event_id = tests.event_id('tiny');
select is((select participant_count from public.events where id = tests.event_id('tiny')), 1, 'leaving frees the seat');
select lives_ok($$ update public.event_participants set status = 'accepted' where user_id = tests.uid('wes') $$,
  'the pending request can now be accepted');

-- walk-ins
insert into public.event_participants (event_id, guest_name, guest_email, join_method, status)
values (tests.event_id('tiny'), 'Gus', 'gus@example.com', 'walk_in', 'attended');
select is((select participant_count from public.events where id = tests.event_id('tiny')), 3, 'a walk-in is let in and counted');
select is((select count(*)::integer from public.event_participants
           where event_id = tests.event_id('tiny') and role in ('audience', 'student', 'teacher') and status in ('accepted', 'attended')),
  (select participant_count from public.events where id = tests.event_id('tiny')), 'the stored count equals the rows');

select * from finish();
rollback;
