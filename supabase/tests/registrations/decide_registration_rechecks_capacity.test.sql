begin;
select plan(5);

-- given: a one-seat event without auto-accept and two pending requests
select tests.create_user('drc_org');
select tests.create_event('DrcManual', organizer => 'drc_org', max_participant => 1, auto_accept => false);
select tests.create_user(h) from unnest(array['drc_a', 'drc_b']) h;
select private.register_for_event(tests.event_id('DrcManual'), tests.uid(h)) from unnest(array['drc_a', 'drc_b']) h;

-- then
select is(tests.participant_status('DrcManual', 'drc_a'), 'pending', 'without auto-accept a registration waits for the organizer');
select lives_ok(format('select private.decide_registration(%L, %L, true, %L)', tests.event_id('DrcManual'), tests.uid('drc_a'), tests.uid('drc_org')),
  'the organizer accepts the first request');
select throws_ok(format('select private.decide_registration(%L, %L, true, %L)', tests.event_id('DrcManual'), tests.uid('drc_b'), tests.uid('drc_org')),
  '23514', 'Cannot accept this registration for event "DrcManual": all 1 seats are taken', 'the second cannot be accepted into a full event');
select lives_ok(format('select private.decide_registration(%L, %L, false, %L, %L)', tests.event_id('DrcManual'), tests.uid('drc_b'), tests.uid('drc_org'), 'Full'),
  'but it can be turned down');
select is((select data ->> 'decision' from private.email_outbox where recipient_user_id = tests.uid('drc_b') and template = 'participation_decision'),
  'rejected', 'the participant is e-mailed the decision');

select * from finish();
rollback;
