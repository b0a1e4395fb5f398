begin;
select plan(7);

-- given: a published event with an accepted, a pending and a waitlisted participant and a reminder
select tests.create_user('cev_org');
select tests.create_event('CevParty', organizer => 'cev_org', max_participant => 1);
select tests.add_participant('CevParty', 'cev_acc');
select tests.add_participant('CevParty', 'cev_pen', status => 'pending');
select tests.add_participant('CevParty', 'cev_wait', status => 'waitlisted');
insert into public.event_reminders (event_id, user_id, option) values (tests.event_id('CevParty'), tests.uid('cev_acc'), 'one_day');

-- then
select results_eq(format('select rejected, notified from private.cancel_event(%L, %L, %L)', tests.event_id('CevParty'), tests.uid('cev_org'), 'Rain'),
  $$values (2, 3)$$, 'cancelling rejects the two open requests and tells the three participants');
select is((select status::text from public.events where id = tests.event_id('CevParty')), 'cancelled', 'the event is cancelled');
select is(tests.participant_status('CevParty', 'cev_acc'), 'accepted', 'accepted rows stay as they were');
select is(tests.participant_status('CevParty', 'cev_pen'), 'rejected', 'pending rows are rejected');
select is((select count(*)::int from public.event_reminders where event_id = tests.event_id('CevParty')), 0, 'unsent reminders are dropped');
select is((select count(*)::int from private.email_outbox where template = 'event_cancelled' and data ->> 'eventId' = tests.event_id('CevParty')::text),
  3, 'each participant is e-mailed');
select throws_ok(format('select private.cancel_event(%L, %L, %L)', tests.event_id('CevParty'), tests.uid('cev_org'), 'Again'),
  '23514', 'Cannot cancel event "CevParty": it is already cancelled', 'cancelling is irreversible');

select * from finish();
rollback;
