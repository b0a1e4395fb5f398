-- organization-logos (public): the organization's owner and admins write under
-- `<organization id>/`; plain members, event organizers and strangers do not; platform admins moderate.
begin;
select plan(36);

-- given: mona owns acme with max as admin and mel as member; olga organizes an acme event;
-- otto organizes another event; zed is a stranger; root is a platform admin
select tests.storage_organization('acme', owner => 'mona', managers => array['max'], members => array['mel']);
select tests.storage_event('launch', organizer => 'olga');
update public.events set organization_id = tests.storage_uid('organization:acme') where id = tests.storage_uid('event:launch');
select tests.storage_event('other-meetup', organizer => 'otto');
select tests.storage_user('zed');
select tests.storage_user('root', is_admin => true);
select tests.storage_put('organization-logos', tests.storage_uid('organization:acme') || '/logo.png', 'mona');

-- then
select is(tests.storage_can(actor, operation, 'organization-logos', tests.storage_uid('organization:acme') || '/' || file),
          expected,
          format('organization-logos: %s %s %s acme''s folder', coalesce(actor, 'anon'),
                 case when expected then 'may' else 'may not' end, operation))
from (values
  (null,   'select', 'logo.png', false),
  (null,   'insert', 'new.png',  false),
  (null,   'update', 'logo.png', false),
  (null,   'delete', 'logo.png', false),
  ('mona', 'select', 'logo.png', true),
  ('mona', 'insert', 'new.png',  true),
  ('mona', 'update', 'logo.png', true),
  ('mona', 'delete', 'logo.png', true),
  ('max',  'select', 'logo.png', true),
  ('max',  'insert', 'new.png',  true),
  ('max',  'update', 'logo.png', true),
  ('max',  'delete', 'logo.png', true),
  ('mel',  'select', 'logo.png', false),
  ('mel',  'insert', 'new.png',  false),
  ('mel',  'update', 'logo.png', false),
  ('mel',  'delete', 'logo.png', false),
  ('zed',  'select', 'logo.png', false),
  ('zed',  'insert', 'new.png',  false),
  ('zed',  'update', 'logo.png', false),
  ('zed',  'delete', 'logo.png', false),
  ('olga', 'select', 'logo.png', false),
  ('olga', 'insert', 'new.png',  false),
  ('olga', 'update', 'logo.png', false),
  ('olga', 'delete', 'logo.png', false),
  ('otto', 'select', 'logo.png', false),
  ('otto', 'insert', 'new.png',  false),
  ('otto', 'update', 'logo.png', false),
  ('otto', 'delete', 'logo.png', false),
  ('root', 'select', 'logo.png', true),
  ('root', 'insert', 'new.png',  true),
  ('root', 'update', 'logo.png', true),
  ('root', 'delete', 'logo.png', true)
) as matrix(actor, operation, file, expected);

-- then: a manager of acme gains nothing in another organization's folder
select tests.storage_organization('globex', owner => 'gus');
select is(tests.storage_can('mona', 'insert', 'organization-logos', tests.storage_uid('organization:globex') || '/logo.png'), false,
  'organization-logos: an acme owner may not upload into globex''s folder');
select is(tests.storage_can('mona', 'move', 'organization-logos', tests.storage_uid('organization:acme') || '/logo.png',
                            tests.storage_uid('organization:globex') || '/logo.png'), false,
  'organization-logos: an acme owner may not move acme''s logo into globex''s folder');

-- given: acme is deleted (soft)
update public.organizations set deleted_at = now() where id = tests.storage_uid('organization:acme');

-- then: its managers no longer write there; the platform admin still can
select is(tests.storage_can('mona', 'insert', 'organization-logos', tests.storage_uid('organization:acme') || '/new.png'), false,
  'organization-logos: the owner of a deleted organization may not upload');
select is(tests.storage_can('root', 'delete', 'organization-logos', tests.storage_uid('organization:acme') || '/logo.png'), true,
  'organization-logos: a platform admin may still remove a deleted organization''s logo');

select * from finish();
rollback;
