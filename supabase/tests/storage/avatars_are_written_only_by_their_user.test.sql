-- avatars (public): a user writes only under `<own user id>/`; admins moderate; nobody else lists,
-- uploads, replaces or deletes. Downloads by URL need no policy (public bucket).
begin;
select plan(26);

-- given: ada has an avatar; olga and otto organize events; zed is a stranger; root is an admin
select tests.storage_user('ada');
select tests.storage_user('zed');
select tests.storage_user('root', is_admin => true);
select tests.storage_event('launch', organizer => 'olga');
select tests.storage_event('other-meetup', organizer => 'otto');
select tests.storage_put('avatars', tests.storage_uid('ada') || '/avatar.png', 'ada');

-- then: actor × operation, acting as the Storage service does
select is(tests.storage_can(actor, operation, 'avatars', tests.storage_uid('ada') || '/' || file), expected,
          format('avatars: %s %s %s ada''s folder', coalesce(actor, 'anon'),
                 case when expected then 'may' else 'may not' end, operation))
from (values
  (null,   'select', 'avatar.png', false),
  (null,   'insert', 'new.png',    false),
  (null,   'update', 'avatar.png', false),
  (null,   'delete', 'avatar.png', false),
  ('ada',  'select', 'avatar.png', true),
  ('ada',  'insert', 'new.png',    true),
  ('ada',  'update', 'avatar.png', true),
  ('ada',  'delete', 'avatar.png', true),
  ('zed',  'select', 'avatar.png', false),
  ('zed',  'insert', 'new.png',    false),
  ('zed',  'update', 'avatar.png', false),
  ('zed',  'delete', 'avatar.png', false),
  ('olga', 'select', 'avatar.png', false),
  ('olga', 'insert', 'new.png',    false),
  ('olga', 'update', 'avatar.png', false),
  ('olga', 'delete', 'avatar.png', false),
  ('otto', 'select', 'avatar.png', false),
  ('otto', 'insert', 'new.png',    false),
  ('otto', 'update', 'avatar.png', false),
  ('otto', 'delete', 'avatar.png', false),
  ('root', 'select', 'avatar.png', true),
  ('root', 'insert', 'new.png',    true),
  ('root', 'update', 'avatar.png', true),
  ('root', 'delete', 'avatar.png', true)
) as matrix(actor, operation, file, expected);

-- given: ada's account is suspended
update public.users set status = 'suspended', suspended_reason = 'spam' where id = tests.storage_uid('ada');

-- then: she loses access to her own folder at once, whatever her token says
select is(tests.storage_can('ada', 'insert', 'avatars', tests.storage_uid('ada') || '/new.png'), false,
  'avatars: a suspended user may not upload into their folder');
select is(tests.storage_can('ada', 'select', 'avatars', tests.storage_uid('ada') || '/avatar.png'), false,
  'avatars: a suspended user may not list their folder');

select * from finish();
rollback;
