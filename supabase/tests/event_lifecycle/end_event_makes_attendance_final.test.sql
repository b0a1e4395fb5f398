begin;
select plan(6);

-- given: a started event with an accepted, an attended and a pending audience row and a committee member
select tests.create_user('eev_org');
select tests.create_event('EevTalk', organizer => 'eev_org', starts_in => '-1 hour', lasts => '3 hours');
select tests.add_participant('EevTalk', 'eev_acc');
select tests.add_participant('EevTalk', 'eev_att', status => 'attended');
select tests.add_participant('EevTalk', 'eev_pen', status => 'pending');
select tests.add_participant('EevTalk', 'eev_com', role => 'committee', join_method => 'invited');
select tests.create_event('EevLater', organizer => 'eev_org');

-- then
select results_eq(format('select absent, rejected from private.end_event(%L, %L)', tests.event_id('EevTalk'), tests.uid('eev_org')),
  $$values (1, 1)$$, 'ending marks one absent and rejects one request');
select is(tests.participant_status('EevTalk', 'eev_acc'), 'absent', 'an accepted participant who never checked in is absent');
select is(tests.participant_status('EevTalk', 'eev_att'), 'attended', 'attendance stays');
select is(tests.participant_status('EevTalk', 'eev_com'), 'accepted', 'the team is not marked absent');
select is((select status::text from public.events where id = tests.event_id('EevTalk')), 'ended', 'the event is ended');
select throws_ok(format('select private.end_event(%L, %L)', tests.event_id('EevLater'), tests.uid('eev_org')),
  '23514', 'Cannot end event "EevLater": it has not started yet', 'an event cannot end before it starts');

select * from finish();
rollback;
