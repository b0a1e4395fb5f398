-- payment-proofs (private): a participant uploads their own proof under
-- `<event id>/<own user id>/` while the paid event has not ended and reads it back; the event's
-- organizer and platform admins read proofs of that event; nobody else sees or writes them.
begin;
select plan(41);

-- given: olga organizes the paid event paid-night with cora as accepted committee; pat registered
-- (pending) and uploaded a proof; pam registered too; otto organizes another paid event; zed is
-- a stranger; root is an admin
select tests.storage_event('paid-night', organizer => 'olga', is_paid => true);
select tests.storage_participant('paid-night', 'cora', role => 'committee', status => 'accepted');
select tests.storage_participant('paid-night', 'pat', role => 'audience', status => 'pending');
select tests.storage_participant('paid-night', 'pam', role => 'audience', status => 'pending');
select tests.storage_event('other-paid', organizer => 'otto', is_paid => true);
select tests.storage_user('zed');
select tests.storage_user('root', is_admin => true);
select tests.storage_put('payment-proofs', tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/proof.png', 'pat');
select tests.storage_put('payment-proofs', tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pam') || '/proof.png', 'pam');

-- then: actor × operation on pat's proof folder
select is(tests.storage_can(actor, operation, 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/' || file), expected,
          format('payment-proofs: %s %s %s pat''s proof', coalesce(actor, 'anon'),
                 case when expected then 'may' else 'may not' end, operation))
from (values
  (null,   'select', 'proof.png', false),
  (null,   'insert', 'new.png',   false),
  (null,   'update', 'proof.png', false),
  (null,   'delete', 'proof.png', false),
  ('pat',  'select', 'proof.png', true),
  ('pat',  'insert', 'new.png',   true),
  ('pat',  'update', 'proof.png', true),
  ('pat',  'delete', 'proof.png', true),
  ('zed',  'select', 'proof.png', false),
  ('zed',  'insert', 'new.png',   false),
  ('zed',  'update', 'proof.png', false),
  ('zed',  'delete', 'proof.png', false),
  ('olga', 'select', 'proof.png', true),
  ('olga', 'insert', 'new.png',   false),
  ('olga', 'update', 'proof.png', false),
  ('olga', 'delete', 'proof.png', false),
  ('otto', 'select', 'proof.png', false),
  ('otto', 'insert', 'new.png',   false),
  ('otto', 'update', 'proof.png', false),
  ('otto', 'delete', 'proof.png', false),
  ('root', 'select', 'proof.png', true),
  ('root', 'insert', 'new.png',   false),
  ('root', 'update', 'proof.png', false),
  ('root', 'delete', 'proof.png', false),
  ('cora', 'select', 'proof.png', false),
  ('cora', 'insert', 'new.png',   false),
  ('pam',  'select', 'proof.png', false),
  ('pam',  'insert', 'new.png',   false),
  ('pam',  'delete', 'proof.png', false)
) as matrix(actor, operation, file, expected);

-- then: listing the event folder shows the organizer both proofs and a participant only their own
select tests.storage_act_as('olga');
select is((select count(*)::int from storage.objects where bucket_id = 'payment-proofs'
             and name like tests.storage_uid('event:paid-night') || '/%'), 2,
  'payment-proofs: the organizer lists every proof of the event');
select tests.storage_act_as('pat');
select is((select count(*)::int from storage.objects where bucket_id = 'payment-proofs'), 1,
  'payment-proofs: a participant lists only their own proof');
select tests.storage_act_as('zed');
select is((select count(*)::int from storage.objects where bucket_id = 'payment-proofs'), 0,
  'payment-proofs: a stranger lists nothing');
reset role;

-- then: a proof goes only into an event the uploader takes part in, in their own folder
select is(tests.storage_can('pat', 'insert', 'payment-proofs',
            tests.storage_uid('event:other-paid') || '/' || tests.storage_uid('pat') || '/proof.png'), false,
  'payment-proofs: a participant may not upload a proof for an event they are not in');
select is(tests.storage_can('zed', 'insert', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('zed') || '/proof.png'), false,
  'payment-proofs: a stranger may not upload into their own folder of someone else''s event');
select is(tests.storage_can('pat', 'move', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/proof.png',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pam') || '/proof2.png'), false,
  'payment-proofs: a participant may not move their proof into another participant''s folder');

-- given: a free event pat also joined
select tests.storage_event('free-talk', organizer => 'olga');
select tests.storage_participant('free-talk', 'pat', role => 'audience', status => 'accepted');
-- then
select is(tests.storage_can('pat', 'insert', 'payment-proofs',
            tests.storage_uid('event:free-talk') || '/' || tests.storage_uid('pat') || '/proof.png'), false,
  'payment-proofs: no proof is taken for a free event');

-- given: pam is rejected (not for her payment: her place was refused)
update public.event_participants set status = 'rejected'
where event_id = tests.storage_uid('event:paid-night') and user_id = tests.storage_uid('pam');
-- then: she can no longer upload, but still reads what she sent
select is(tests.storage_can('pam', 'insert', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pam') || '/new.png'), false,
  'payment-proofs: a rejected participant may not upload another proof');
select is(tests.storage_can('pam', 'select', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pam') || '/proof.png'), true,
  'payment-proofs: a rejected participant still reads back their own proof');

-- given: paid-night has started (walk-ins pay at the door: the window runs to the END, issue 15)
update public.events set start_datetime = now() - interval '1 hour', end_datetime = now() + interval '1 hour'
where id = tests.storage_uid('event:paid-night');
-- then: a pending payer may still upload, as the participants function accepts it
select is(tests.storage_can('pat', 'insert', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/late.png'), true,
  'payment-proofs: a pending payer still uploads after the start, until the end');

-- given: paid-night has ended (the details lock of a started event is lifted to move the clock)
alter table public.events disable trigger events_prepare;
alter table public.events disable trigger events_hold_rules;
update public.events set start_datetime = now() - interval '3 hours', end_datetime = now() - interval '1 hour'
where id = tests.storage_uid('event:paid-night');
alter table public.events enable trigger events_prepare;
alter table public.events enable trigger events_hold_rules;
-- then: proofs are evidence now; the participant can neither add nor remove one
select is(tests.storage_can('pat', 'insert', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/late.png'), false,
  'payment-proofs: no upload once the event has ended');
select is(tests.storage_can('pat', 'delete', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/proof.png'), false,
  'payment-proofs: no removal once the event has ended');

select * from finish();
rollback;
