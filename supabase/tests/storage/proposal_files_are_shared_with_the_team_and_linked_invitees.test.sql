-- proposal-files (private): files of a proposal live under `<event id>/<proposal id>/`; the event
-- team writes them; whoever may read the proposal (author, team, linked invitee, admins) reads them.
begin;
select plan(37);

-- given: olga organizes launch; cora (accepted committee) wrote the keynote-brief proposal and
-- uploaded its file; ivan is invited as speaker with that proposal; otto organizes another event
-- with a proposal of his own; zed is a stranger; root is an admin
select tests.storage_event('launch', organizer => 'olga');
select tests.storage_participant('launch', 'cora', role => 'committee', status => 'accepted');
select tests.storage_proposal('keynote-brief', event => 'launch', author => 'cora');
select tests.storage_participant('launch', 'ivan', role => 'speaker', status => 'pending',
  proposal => tests.storage_uid('proposal:keynote-brief'));
select tests.storage_participant('launch', 'aud', role => 'audience', status => 'accepted');
select tests.storage_event('other-meetup', organizer => 'otto');
select tests.storage_proposal('otto-brief', event => 'other-meetup', author => 'otto');
select tests.storage_user('zed');
select tests.storage_user('root', is_admin => true);
select tests.storage_put('proposal-files',
  tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:keynote-brief') || '/brief.pdf', 'cora');

-- then
select is(tests.storage_can(actor, operation, 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:keynote-brief') || '/' || file), expected,
          format('proposal-files: %s %s %s the keynote-brief files', coalesce(actor, 'anon'),
                 case when expected then 'may' else 'may not' end, operation))
from (values
  (null,   'select', 'brief.pdf', false),
  (null,   'insert', 'new.pdf',   false),
  (null,   'update', 'brief.pdf', false),
  (null,   'delete', 'brief.pdf', false),
  ('cora', 'select', 'brief.pdf', true),
  ('cora', 'insert', 'new.pdf',   true),
  ('cora', 'update', 'brief.pdf', true),
  ('cora', 'delete', 'brief.pdf', true),
  ('zed',  'select', 'brief.pdf', false),
  ('zed',  'insert', 'new.pdf',   false),
  ('zed',  'update', 'brief.pdf', false),
  ('zed',  'delete', 'brief.pdf', false),
  ('olga', 'select', 'brief.pdf', true),
  ('olga', 'insert', 'new.pdf',   true),
  ('olga', 'update', 'brief.pdf', true),
  ('olga', 'delete', 'brief.pdf', true),
  ('otto', 'select', 'brief.pdf', false),
  ('otto', 'insert', 'new.pdf',   false),
  ('otto', 'update', 'brief.pdf', false),
  ('otto', 'delete', 'brief.pdf', false),
  ('root', 'select', 'brief.pdf', true),
  ('root', 'insert', 'new.pdf',   false),
  ('root', 'update', 'brief.pdf', false),
  ('root', 'delete', 'brief.pdf', false),
  ('ivan', 'select', 'brief.pdf', true),
  ('ivan', 'insert', 'new.pdf',   false),
  ('ivan', 'update', 'brief.pdf', false),
  ('ivan', 'delete', 'brief.pdf', false),
  ('aud',  'select', 'brief.pdf', false),
  ('aud',  'insert', 'new.pdf',   false)
) as matrix(actor, operation, file, expected);

-- then: the proposal folder must belong to the event folder
select is(tests.storage_can('olga', 'insert', 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:otto-brief') || '/x.pdf'), false,
  'proposal-files: a team may not file under another event''s proposal');
select is(tests.storage_can('olga', 'insert', 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:not-written') || '/x.pdf'), false,
  'proposal-files: a team may not file under a proposal that does not exist');
select is(tests.storage_can('otto', 'insert', 'proposal-files',
            tests.storage_uid('event:other-meetup') || '/' || tests.storage_uid('proposal:otto-brief') || '/x.pdf'), true,
  'proposal-files: another organizer files under his own event''s proposal');
select is(tests.storage_can('cora', 'move', 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:keynote-brief') || '/brief.pdf',
            tests.storage_uid('event:other-meetup') || '/' || tests.storage_uid('proposal:otto-brief') || '/brief.pdf'), false,
  'proposal-files: a file may not be moved into another event''s proposal');

-- given: ivan's invitation no longer points at the proposal
update public.event_participants set proposal_id = null
where event_id = tests.storage_uid('event:launch') and user_id = tests.storage_uid('ivan');
-- then
select is(tests.storage_can('ivan', 'select', 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:keynote-brief') || '/brief.pdf'), false,
  'proposal-files: an invitee no longer linked to the proposal may not read its files');

-- given: cora is no longer on the team (her committee row is marked absent); she wrote the proposal
update public.event_participants set status = 'absent'
where event_id = tests.storage_uid('event:launch') and user_id = tests.storage_uid('cora');
-- then: the author still reads (the proposal policy lets authors read) but no longer writes
select is(tests.storage_can('cora', 'insert', 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:keynote-brief') || '/new.pdf'), false,
  'proposal-files: an author who left the team may not upload');
select is(tests.storage_can('cora', 'select', 'proposal-files',
            tests.storage_uid('event:launch') || '/' || tests.storage_uid('proposal:keynote-brief') || '/brief.pdf'), true,
  'proposal-files: the author still reads the files of her proposal');

select * from finish();
rollback;
