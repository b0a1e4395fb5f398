-- event-covers and event-pictures (both public, the same rule): the event team (organizer and
-- accepted committee) writes under `<event id>/`; audience, pending committee, other organizers and
-- strangers do not; admins moderate. One matrix run for both buckets (it lived twice, once per
-- bucket, under two names).
begin;
select plan(60);

-- given: olga organizes launch with cora as accepted committee, pia as pending committee and aud
-- in the audience; otto organizes another event; zed is a stranger; root is an admin. cora
-- uploaded the current file.
select tests.storage_event('launch', organizer => 'olga');
select tests.storage_participant('launch', 'cora', role => 'committee', status => 'accepted');
select tests.storage_participant('launch', 'pia', role => 'committee', status => 'pending');
select tests.storage_participant('launch', 'aud', role => 'audience', status => 'accepted');
select tests.storage_event('other-meetup', organizer => 'otto');
select tests.storage_user('zed');
select tests.storage_user('root', is_admin => true);
select tests.storage_put(bucket, tests.storage_uid('event:launch') || '/current.png', 'cora')
from unnest(array['event-covers', 'event-pictures']) as bucket;

-- then
select is(tests.storage_can(actor, operation, bucket, tests.storage_uid('event:launch') || '/' || file), expected,
          format('%s: %s %s %s the launch folder', bucket, coalesce(actor, 'anon'),
                 case when expected then 'may' else 'may not' end, operation))
from (values
  (null,   'select', 'current.png', false),
  (null,   'insert', 'new.png',     false),
  (null,   'update', 'current.png', false),
  (null,   'delete', 'current.png', false),
  ('cora', 'select', 'current.png', true),
  ('cora', 'insert', 'new.png',     true),
  ('cora', 'update', 'current.png', true),
  ('cora', 'delete', 'current.png', true),
  ('zed',  'select', 'current.png', false),
  ('zed',  'insert', 'new.png',     false),
  ('zed',  'update', 'current.png', false),
  ('zed',  'delete', 'current.png', false),
  ('olga', 'select', 'current.png', true),
  ('olga', 'insert', 'new.png',     true),
  ('olga', 'update', 'current.png', true),
  ('olga', 'delete', 'current.png', true),
  ('otto', 'select', 'current.png', false),
  ('otto', 'insert', 'new.png',     false),
  ('otto', 'update', 'current.png', false),
  ('otto', 'delete', 'current.png', false),
  ('root', 'select', 'current.png', true),
  ('root', 'insert', 'new.png',     true),
  ('root', 'update', 'current.png', true),
  ('root', 'delete', 'current.png', true),
  ('pia',  'insert', 'new.png',     false),
  ('pia',  'delete', 'current.png', false),
  ('aud',  'select', 'current.png', false),
  ('aud',  'insert', 'new.png',     false)
) as matrix(actor, operation, file, expected)
cross join unnest(array['event-covers', 'event-pictures']) as bucket;

-- then: the team of one event gains nothing in another event's folder
select is(tests.storage_can('olga', 'insert', bucket, tests.storage_uid('event:other-meetup') || '/new.png'), false,
  bucket || ': an organizer may not upload into another event''s folder')
from unnest(array['event-covers', 'event-pictures']) as bucket;
select is(tests.storage_can('cora', 'move', bucket, tests.storage_uid('event:launch') || '/current.png',
                            tests.storage_uid('event:other-meetup') || '/current.png'), false,
  bucket || ': a committee member may not move a file into another event''s folder')
from unnest(array['event-covers', 'event-pictures']) as bucket;

select * from finish();
rollback;
