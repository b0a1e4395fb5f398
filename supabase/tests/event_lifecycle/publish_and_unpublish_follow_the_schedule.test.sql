begin;
select plan(7);

-- given: a complete draft, a draft that starts in the past, and a started published event
select tests.create_user('pev_org');
select tests.create_user('pev_admin', roles => '{admin}');
select tests.create_event('PevDraft', organizer => 'pev_org', status => 'draft');
select tests.create_event('PevPast', organizer => 'pev_org', status => 'draft', starts_in => '-1 hour');
select tests.create_event('PevLive', organizer => 'pev_org', starts_in => '-10 minutes');

-- then
select lives_ok(format('select private.publish_event(%L, %L)', tests.event_id('PevDraft'), tests.uid('pev_org')),
  'a draft starting in the future is published');
select is((select registration_status::text from public.events where id = tests.event_id('PevDraft')), 'opened',
  'publishing opens registration');
select throws_ok(format('select private.publish_event(%L, %L)', tests.event_id('PevPast'), tests.uid('pev_org')),
  '23514', 'Cannot publish event "PevPast": its start time must be in the future', 'a draft in the past is not published');
select throws_ok(format('select private.unpublish_event(%L, %L)', tests.event_id('PevLive'), tests.uid('pev_org')),
  '23514', 'Cannot unpublish event "PevLive": it has already started', 'the organizer cannot unpublish a started event');
select is(private.unpublish_event(tests.event_id('PevLive'), tests.uid('pev_admin'), 'Spam', true), 1,
  'an admin can, and the organizer is notified');
select is((select kind::text from public.notifications where recipient_id = tests.uid('pev_org') and kind = 'event_moderated'),
  'event_moderated', 'the notification is the moderation kind');
select is((select data ->> 'action' from private.email_outbox where recipient_user_id = tests.uid('pev_org') and template = 'moderation_notice'),
  'unpublished', 'the organizer is e-mailed a moderation notice');

select * from finish();
rollback;
