-- Issue 15: an event's cover and logo are Storage paths `event-covers/<that event>/<file>` (what
-- the `events` contract now sends), uploaded by the event team — also after publishing — and
-- visible to everyone through the public bucket once stored. Outside URLs and other events'
-- folders are refused by the table.
begin;
select plan(7);

-- given: olga's published event with kai on the committee; zed is a stranger
select tests.create_event('covered');
select tests.add_participant('covered', 'kai', role => 'committee', status => 'accepted', join_method => 'invited');
select tests.create_user('zed');
select tests.create_event('other-one');

-- then: the team may upload into the published event's folder; a stranger may not
select is(tests.can('olga', format($$insert into storage.objects (bucket_id, name, owner_id) values ('event-covers', '%s/cover.webp', %L)$$,
  tests.event_id('covered'), tests.uid('olga'))), 'allowed', 'the organizer uploads a cover for a published event');
select is(tests.can('kai', format($$insert into storage.objects (bucket_id, name, owner_id) values ('event-covers', '%s/logo.png', %L)$$,
  tests.event_id('covered'), tests.uid('kai'))), 'allowed', 'an accepted committee member uploads a logo');
select is(tests.can('zed', format($$insert into storage.objects (bucket_id, name, owner_id) values ('event-covers', '%s/cover.webp', %L)$$,
  tests.event_id('covered'), tests.uid('zed'))), 'denied', 'a stranger cannot upload into the event''s folder');

-- then: the column takes the path of this event only
select is(tests.violated_constraint(format($$update public.events set cover_url = 'event-covers/%s/cover.webp', logo_url = 'event-covers/%s/logo.png' where id = %L$$,
  tests.event_id('covered'), tests.event_id('covered'), tests.event_id('covered'))), '',
  'a published event stores its cover and logo paths');
select is(tests.violated_constraint(format($$update public.events set cover_url = 'https://img.example/cover.webp' where id = %L$$,
  tests.event_id('covered'))), 'events_cover_url_is_storage_path', 'an https URL is refused');
select is(tests.violated_constraint(format($$update public.events set logo_url = 'event-covers/%s/logo.png' where id = %L$$,
  tests.event_id('other-one'), tests.event_id('covered'))), 'events_logo_url_is_storage_path', 'another event''s folder is refused');

-- then: once stored, anyone reads it with the event
update public.events set cover_url = 'event-covers/' || tests.event_id('covered') || '/cover.webp' where id = tests.event_id('covered');
select is(tests.attempt('anon', format($$select 1 from public.events where id = %L and cover_url = 'event-covers/%s/cover.webp'$$,
  tests.event_id('covered'), tests.event_id('covered'))), 'allowed', 'an anonymous visitor sees the stored cover path');

select * from finish();
rollback;
