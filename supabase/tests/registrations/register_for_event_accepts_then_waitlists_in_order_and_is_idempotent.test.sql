begin;
select plan(9);

-- given: a free, auto-accepting public event with 2 seats and four members
select tests.create_user('rfe_org');
select tests.create_event('RfeSeats', organizer => 'rfe_org', max_participant => 2);
select tests.create_user(h) from unnest(array['rfe_a', 'rfe_b', 'rfe_c', 'rfe_d']) h;

-- then
select is((select participant ->> 'status' from private.register_for_event(tests.event_id('RfeSeats'), tests.uid('rfe_a'))),
  'accepted', 'the first registration takes a seat');
select is((select participant ->> 'status' from private.register_for_event(tests.event_id('RfeSeats'), tests.uid('rfe_b'))),
  'accepted', 'the second registration takes the last seat');
select is((select participant ->> 'waitlist_position' from private.register_for_event(tests.event_id('RfeSeats'), tests.uid('rfe_c'))),
  '1', 'the third waits at position 1');
select is((select participant ->> 'waitlist_position' from private.register_for_event(tests.event_id('RfeSeats'), tests.uid('rfe_d'))),
  '2', 'the fourth waits at position 2');
select is((select created from private.register_for_event(tests.event_id('RfeSeats'), tests.uid('rfe_c'))),
  false, 'registering again returns the existing row');
select is((select count(*)::int from public.event_participants where event_id = tests.event_id('RfeSeats') and user_id = tests.uid('rfe_c')),
  1, 'and adds no second row');
select is((select participant_count from public.events where id = tests.event_id('RfeSeats')), 2, 'two seats are counted');
-- when: each registration is announced after its commit (what the registrations function does)
select private.announce_registration(p.id) from public.event_participants p where p.event_id = tests.event_id('RfeSeats');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('rfe_org') and kind = 'participant_joined'),
  2, 'the organizer is told about each accepted registration');
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('rfe_a') and template = 'event_registered'),
  1, 'the accepted participant gets the event_registered e-mail');

select * from finish();
rollback;
