-- A registration for a full event goes on the waitlist, as a result, not as an error from the
-- seat guard behind it. Found by mutation testing (npm run test:security): removing the capacity
-- check from private.register_for_event only made other files error out (an aborted transaction
-- is not a failed assertion), so no assertion named the rule.
begin;
select plan(3);

-- given: a one-seat auto-accepting event whose seat is taken
select tests.create_user('fwn_org');
select tests.create_event('FwnFull', organizer => 'fwn_org', max_participant => 1);
select tests.create_user(h) from unnest(array['fwn_a', 'fwn_b']) h;
select private.register_for_event(tests.event_id('FwnFull'), tests.uid('fwn_a'));

-- then
select lives_ok(format('select private.register_for_event(%L, %L)', tests.event_id('FwnFull'), tests.uid('fwn_b')),
  'registering for a full event raises no error');
select is(tests.participant_status('FwnFull', 'fwn_b'), 'waitlisted', 'the newcomer waits');
select is((select count(*)::int from public.event_participants where event_id = tests.event_id('FwnFull') and role = 'audience' and status = 'accepted'),
  1, 'the one seat stays one');

select * from finish();
rollback;
