-- payment-qr (private): the paid event's QR lives under `<event id>/`; the team uploads it; anyone
-- holding a live participant row (pending included: they need it to pay) and admins read it.
begin;
select plan(31);

-- given: olga organizes paid-night with cora as accepted committee; pat registered (pending);
-- rex was rejected; otto organizes another paid event; zed is a stranger; root is an admin;
-- olga uploaded the QR
select tests.storage_event('paid-night', organizer => 'olga', is_paid => true);
select tests.storage_participant('paid-night', 'cora', role => 'committee', status => 'accepted');
select tests.storage_participant('paid-night', 'pat', role => 'audience', status => 'pending');
select tests.storage_participant('paid-night', 'rex', role => 'audience', status => 'pending');
update public.event_participants set status = 'rejected'
where event_id = tests.storage_uid('event:paid-night') and user_id = tests.storage_uid('rex');
select tests.storage_event('other-paid', organizer => 'otto', is_paid => true);
select tests.storage_user('zed');
select tests.storage_user('root', is_admin => true);
select tests.storage_put('payment-qr', tests.storage_uid('event:paid-night') || '/duitnow.png', 'olga');

-- then
select is(tests.storage_can(actor, operation, 'payment-qr', tests.storage_uid('event:paid-night') || '/' || file), expected,
          format('payment-qr: %s %s %s the paid-night QR', coalesce(actor, 'anon'),
                 case when expected then 'may' else 'may not' end, operation))
from (values
  (null,   'select', 'duitnow.png', false),
  (null,   'insert', 'new.png',     false),
  (null,   'update', 'duitnow.png', false),
  (null,   'delete', 'duitnow.png', false),
  ('olga', 'select', 'duitnow.png', true),
  ('olga', 'insert', 'new.png',     true),
  ('olga', 'update', 'duitnow.png', true),
  ('olga', 'delete', 'duitnow.png', true),
  ('zed',  'select', 'duitnow.png', false),
  ('zed',  'insert', 'new.png',     false),
  ('zed',  'update', 'duitnow.png', false),
  ('zed',  'delete', 'duitnow.png', false),
  ('otto', 'select', 'duitnow.png', false),
  ('otto', 'insert', 'new.png',     false),
  ('otto', 'update', 'duitnow.png', false),
  ('otto', 'delete', 'duitnow.png', false),
  ('root', 'select', 'duitnow.png', true),
  ('root', 'insert', 'new.png',     false),
  ('root', 'update', 'duitnow.png', false),
  ('root', 'delete', 'duitnow.png', false),
  ('cora', 'select', 'duitnow.png', true),
  ('cora', 'insert', 'new.png',     true),
  ('cora', 'update', 'duitnow.png', true),
  ('cora', 'delete', 'duitnow.png', true),
  ('pat',  'select', 'duitnow.png', true),
  ('pat',  'insert', 'new.png',     false),
  ('pat',  'update', 'duitnow.png', false),
  ('pat',  'delete', 'duitnow.png', false),
  ('rex',  'select', 'duitnow.png', false)
) as matrix(actor, operation, file, expected);

-- then
select is(tests.storage_can('olga', 'insert', 'payment-qr', tests.storage_uid('event:other-paid') || '/qr.png'), false,
  'payment-qr: an organizer may not upload a QR for another event');
select is(tests.storage_can('olga', 'insert', 'payment-qr', tests.storage_uid('event:paid-night') || '/../qr.png'), false,
  'payment-qr: a parent segment is refused');

select * from finish();
rollback;
