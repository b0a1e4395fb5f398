begin;
select plan(5);

-- given: a published event with an accepted participant and one with only a pending request
select tests.create_user('dev_org');
select tests.create_event('DevFull', organizer => 'dev_org');
select tests.add_participant('DevFull', 'dev_acc');
select tests.create_event('DevQuiet', organizer => 'dev_org');
select tests.add_participant('DevQuiet', 'dev_pen', status => 'pending');

-- then
select throws_ok(format('select private.delete_event(%L, %L)', tests.event_id('DevFull'), tests.uid('dev_org')),
  '23514', 'Cannot delete event "DevFull": it has 1 accepted participants: cancel it instead',
  'an event with accepted audience is not deleted');
select results_eq(format('select rejected, notified from private.delete_event(%L, %L)', tests.event_id('DevQuiet'), tests.uid('dev_org')),
  $$values (1, 1)$$, 'an event with only a request is deleted; the request is rejected and told');
select isnt((select deleted_at from public.events where id = tests.event_id('DevQuiet')), null, 'the row stays, marked deleted');
select is(tests.participant_status('DevQuiet', 'dev_pen'), 'rejected', 'the pending request is rejected');
select throws_ok(format('select private.delete_event(%L, %L)', tests.event_id('DevQuiet'), tests.uid('dev_org')),
  'P0002', null, 'a deleted event cannot be deleted again');

select * from finish();
rollback;
