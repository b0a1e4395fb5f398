begin;
select plan(5);

-- given: events that are closed for registration in different ways
select tests.create_user('rfc_org');
select tests.create_user('rfc_ada');
select tests.create_event('RfcDraft', organizer => 'rfc_org', status => 'draft');
select tests.create_event('RfcPrivate', organizer => 'rfc_org', visibility => 'private');
select tests.create_event('RfcStarted', organizer => 'rfc_org', starts_in => '-1 hour', lasts => '3 hours');
select tests.create_event('RfcOpen', organizer => 'rfc_org');
select tests.create_event('RfcClosed', organizer => 'rfc_org');
update public.events set registration_status = 'closed' where id = tests.event_id('RfcClosed');

-- then
select throws_ok(format('select private.register_for_event(%L, %L)', tests.event_id('RfcDraft'), tests.uid('rfc_ada')),
  '23514', 'Cannot register for event "RfcDraft": it is draft', 'a draft refuses registrations');
select throws_ok(format('select private.register_for_event(%L, %L)', tests.event_id('RfcPrivate'), tests.uid('rfc_ada')),
  '23514', 'Cannot register for event "RfcPrivate": it is private: ask the organizer for an invitation', 'a private event refuses them');
select throws_ok(format('select private.register_for_event(%L, %L)', tests.event_id('RfcStarted'), tests.uid('rfc_ada')),
  '23514', 'Cannot register for event "RfcStarted": it has already started', 'a started event refuses them');
select throws_ok(format('select private.register_for_event(%L, %L)', tests.event_id('RfcClosed'), tests.uid('rfc_ada')),
  '23514', 'Cannot register for event "RfcClosed": registration is closed', 'closed registration refuses them');
select lives_ok(format('select private.register_for_event(%L, %L)', tests.event_id('RfcOpen'), tests.uid('rfc_ada')),
  'an open public event accepts the same member');

select * from finish();
rollback;
