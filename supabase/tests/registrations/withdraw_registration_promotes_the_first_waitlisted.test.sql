begin;
select plan(6);

-- given: a full one-seat event with two people waiting
select tests.create_user('wrp_org');
select tests.create_event('WrpFull', organizer => 'wrp_org', max_participant => 1);
select tests.create_user(h) from unnest(array['wrp_a', 'wrp_b', 'wrp_c']) h;
select private.register_for_event(tests.event_id('WrpFull'), tests.uid(h)) from unnest(array['wrp_a', 'wrp_b', 'wrp_c']) h;

-- then
select is((select seat_freed from private.withdraw_registration(tests.event_id('WrpFull'), tests.uid('wrp_a'))),
  true, 'withdrawing an accepted row frees its seat');
select is(tests.participant_status('WrpFull', 'wrp_b'), 'accepted', 'the first waitlisted person takes it');
select is(tests.participant_status('WrpFull', 'wrp_c'), 'waitlisted', 'the second keeps waiting');
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('wrp_b') and template = 'waitlist_promoted'),
  1, 'the promoted person is e-mailed');
select throws_ok(format('select private.withdraw_registration(%L, %L)', tests.event_id('WrpFull'), tests.uid('wrp_org')),
  '23514', 'Cannot withdraw from event "WrpFull": the organizer cannot leave their own event', 'the organizer cannot withdraw');
select throws_ok(format('select private.withdraw_registration(%L, %L)', tests.event_id('WrpFull'), tests.uid('wrp_a')),
  'P0002', 'Cannot withdraw from event "WrpFull": you are not registered', 'withdrawing twice is refused');

select * from finish();
rollback;
