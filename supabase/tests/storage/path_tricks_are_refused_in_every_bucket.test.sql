-- Object names are `<uuid>/<file>` or `<uuid>/<uuid>/<file>` exactly: traversal segments, empty
-- segments, other people's folders, non-uuid or differently spelled folders and extra depth are
-- refused for uploads even by someone who may write the folder they aim next to.
begin;
select plan(34);

-- given: ada and zed are users; olga organizes launch and otto other-meetup; mona owns acme;
-- pat registered for olga's paid event paid-night; cora wrote a proposal on launch
select tests.storage_user('ada');
select tests.storage_user('zed');
select tests.storage_event('launch', organizer => 'olga');
select tests.storage_event('other-meetup', organizer => 'otto');
select tests.storage_organization('acme', owner => 'mona');
select tests.storage_event('paid-night', organizer => 'olga', is_paid => true);
select tests.storage_participant('paid-night', 'pat', role => 'audience', status => 'pending');
select tests.storage_participant('paid-night', 'pam', role => 'audience', status => 'pending');
select tests.storage_participant('launch', 'cora', role => 'committee', status => 'accepted');
select tests.storage_proposal('keynote-brief', event => 'launch', author => 'cora');

-- then: the well-formed path is accepted (the pair of every refusal below)
select is(tests.storage_can('ada', 'insert', 'avatars', tests.storage_uid('ada') || '/me.png'), true,
  'avatars: ada uploads <her id>/me.png');

-- then: ada, aiming at avatars
select is(tests.storage_can('ada', 'insert', 'avatars',
            replace(replace(name, '{ada}', tests.storage_uid('ada')::text), '{zed}', tests.storage_uid('zed')::text)),
          false, format('avatars: "%s" is refused (%s)', name, why))
from (values
  ('{zed}/me.png',            'another user''s folder'),
  ('../{zed}/me.png',         'parent segment first'),
  ('{ada}/../{zed}/me.png',   'parent segment inside'),
  ('{ada}/../me.png',         'parent segment that stays in depth'),
  ('./{ada}/me.png',          'current-folder segment'),
  ('{ada}/./me.png',          'current-folder segment inside'),
  ('{ada}//me.png',           'empty segment'),
  ('/{ada}/me.png',           'leading slash'),
  ('{ada}/',                  'no file name'),
  ('{ada}/..',                'parent segment as file name'),
  ('{ada}/sub/me.png',        'extra folder'),
  ('me.png',                  'no folder at all'),
  ('ada/me.png',              'non-uuid folder'),
  ('{ada}\..\me.png',         'backslashes')
) as tricks(name, why);
select is(tests.storage_can('ada', 'insert', 'avatars', upper(tests.storage_uid('ada')::text) || '/me.png'), false,
  'avatars: an upper-case spelling of her own id is refused (one folder, one spelling)');
select is(tests.storage_can('ada', 'insert', 'avatars', tests.storage_uid('ada') || '/me' || chr(10) || '.png'), false,
  'avatars: a control character in the name is refused');

-- then: event folders
select is(tests.storage_can('olga', 'insert', 'event-covers', tests.storage_uid('event:launch') || '/cover.png'), true,
  'event-covers: olga uploads <launch id>/cover.png');
select is(tests.storage_can('olga', 'insert', 'event-covers',
            tests.storage_uid('event:launch') || '/../' || tests.storage_uid('event:other-meetup') || '/cover.png'), false,
  'event-covers: traversal from her event into another event is refused');
select is(tests.storage_can('olga', 'insert', 'event-pictures', 'launch/cover.png'), false,
  'event-pictures: a non-uuid event folder is refused');
select is(tests.storage_can('olga', 'insert', 'event-pictures', tests.storage_uid('event:other-meetup') || '/p.png'), false,
  'event-pictures: an event she is not on the team of is refused');
select is(tests.storage_can('mona', 'insert', 'organization-logos',
            tests.storage_uid('organization:acme') || '/./logo.png'), false,
  'organization-logos: a current-folder segment is refused');

-- then: payment proofs
select is(tests.storage_can('pat', 'insert', 'payment-proofs',
            tests.storage_uid('event:paid-night') || '/' || tests.storage_uid('pat') || '/proof.png'), true,
  'payment-proofs: pat uploads <event id>/<her id>/proof.png');
select is(tests.storage_can('pat', 'insert', 'payment-proofs',
            replace(replace(replace(name, '{event}', tests.storage_uid('event:paid-night')::text),
              '{pat}', tests.storage_uid('pat')::text), '{pam}', tests.storage_uid('pam')::text)),
          false, format('payment-proofs: "%s" is refused (%s)', name, why))
from (values
  ('{event}/{pam}/proof.png',          'another participant''s folder'),
  ('{event}/{pat}/../{pam}/proof.png', 'traversal into another participant''s folder'),
  ('{event}/../{pam}/proof.png',       'parent segment'),
  ('{event}//{pat}/proof.png',         'empty segment'),
  ('{event}/{pat}/',                   'no file name'),
  ('{event}/{pat}/sub/proof.png',      'extra folder'),
  ('{pat}/proof.png',                  'no event folder'),
  ('paid-night/{pat}/proof.png',       'non-uuid event folder')
) as tricks(name, why);
select is(tests.storage_can('pat', 'insert', 'payment-proofs',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('pat') || '/proof.png'), false,
  'payment-proofs: an event id pat is not in is refused');

-- then: proposal files
select is(tests.storage_can('cora', 'insert', 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:keynote-brief') || '/../x.pdf'), false,
  'proposal-files: a parent segment is refused');
select is(tests.storage_can('cora', 'insert', 'proposal-files',
            tests.storage_uid('event:launch') || '/x.pdf'), false,
  'proposal-files: a file without its proposal folder is refused');

select * from finish();
rollback;
