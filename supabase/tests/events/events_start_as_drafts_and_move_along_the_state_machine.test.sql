-- Rule 7.13 and DOMAIN.md §3.4: events are created as drafts (a client cannot even send
-- status); draft ⇄ published, draft|published → cancelled, published → ended; ended and
-- cancelled are terminal. Publishing opens registration, leaving published closes it.
begin;
select plan(11);

-- given
select tests.create_user('olga');

-- then
select is(tests.attempt('olga', $$ insert into public.events (organizer_id, title, format, status) values ((select auth.uid()), 'Live', 'other', 'published') $$),
  'forbidden', 'a client cannot send status');
select is(tests.violated_constraint($$ insert into public.events (organizer_id, title, format, status, start_datetime, end_datetime)
  values (tests.uid('olga'), 'Live', 'other', 'published', now() + interval '1 day', now() + interval '2 days') $$),
  'events_status_transition', 'not even a function creates a published event');
select tests.create_event('gig', organizer => 'olga', status => 'draft');
select is(tests.violated_constraint($$ update public.events set status = 'ended' where id = tests.event_id('gig') $$),
  'events_status_transition', 'draft → ended is refused');
update public.events set status = 'published' where id = tests.event_id('gig');
select results_eq($$ select registration_status::text, published_at is not null from public.events where id = tests.event_id('gig') $$,
  $$ values ('opened', true) $$, 'publishing opens registration and stamps published_at');
update public.events set status = 'draft' where id = tests.event_id('gig');
select is((select registration_status::text from public.events where id = tests.event_id('gig')), 'closed',
  'unpublishing closes registration');
select is(tests.violated_constraint($$ update public.events set registration_status = 'opened' where id = tests.event_id('gig') $$),
  'events_registration_opens_only_when_published', 'a draft cannot open registration');
update public.events set status = 'published' where id = tests.event_id('gig');
update public.events set status = 'cancelled', cancel_reason = 'Rain' where id = tests.event_id('gig');
select isnt((select cancelled_at from public.events where id = tests.event_id('gig')), null, 'cancelling stamps cancelled_at');
select is(tests.violated_constraint($$ update public.events set status = 'published' where id = tests.event_id('gig') $$),
  'events_status_transition', 'cancelled is terminal');
select tests.create_event('done', organizer => 'olga', status => 'ended', starts_in => '-2 days');
select is(tests.violated_constraint($$ update public.events set status = 'published' where id = tests.event_id('done') $$),
  'events_status_transition', 'ended is terminal');
select is(tests.violated_constraint($$ update public.events set status = 'cancelled' where id = tests.event_id('done') $$),
  'events_status_transition', 'an ended event cannot be cancelled');
select is(tests.violated_constraint($$ insert into public.events (organizer_id, title, format) values (tests.uid('olga'), 'No times', 'other') $$),
  '', 'a draft may lack times');

select * from finish();
rollback;
