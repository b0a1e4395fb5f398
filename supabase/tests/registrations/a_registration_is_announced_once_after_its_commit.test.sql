begin;
select plan(9);

-- given: a free, auto-accepting public event with 1 seat and two members
select tests.create_user('rao_org');
select tests.create_event('RaoSeat', organizer => 'rao_org', max_participant => 1);
select tests.create_user(h) from unnest(array['rao_a', 'rao_b']) h;

-- when: both register (the decision commits without its announcement: the event lock is held
-- for the decision only)
select private.register_for_event(tests.event_id('RaoSeat'), tests.uid('rao_a'));
select private.register_for_event(tests.event_id('RaoSeat'), tests.uid('rao_b'));

-- then
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('rao_org')), 0,
  'nothing is announced under the event lock');
select is((select array_agg(decision::text order by decided_at) from private.registration_announcements a
           join public.event_participants p on p.id = a.participant_id where p.event_id = tests.event_id('RaoSeat')),
  array['accepted', 'waitlisted'], 'each decision waits in the relay, in decision order');
select ok((select (select created_at from public.event_participants where event_id = tests.event_id('RaoSeat') and user_id = tests.uid('rao_a'))
                < (select created_at from public.event_participants where event_id = tests.event_id('RaoSeat') and user_id = tests.uid('rao_b'))),
  'a row''s created_at is its decision time: the first decided is the first created');

-- when: the caller announces the first registration, twice (a retry)
select is(private.announce_registration((select id from public.event_participants where event_id = tests.event_id('RaoSeat') and user_id = tests.uid('rao_a'))),
  true, 'the first announcement claims the decision');
select is(private.announce_registration((select id from public.event_participants where event_id = tests.event_id('RaoSeat') and user_id = tests.uid('rao_a'))),
  false, 'a second announcement finds nothing to do');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('rao_org') and kind = 'participant_joined'), 1,
  'the organizer is told once');
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('rao_a') and template = 'event_registered'), 1,
  'the registrant is e-mailed once');

-- when: the second caller never announced (it died after its commit): the sweeper does
select is(private.announce_due_registrations(now() + interval '1 minute'), 1, 'the sweeper announces the decision left behind');
select is((select data ->> 'decision' from private.email_outbox where recipient_user_id = tests.uid('rao_b') and template = 'participation_decision'),
  'waitlisted', 'the waitlisted registrant gets the waitlist e-mail');

select * from finish();
rollback;
