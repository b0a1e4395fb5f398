-- Fellow accepted participants see each other only through public.event_fellows (issue 14):
-- name, avatar, role of accepted/attended people with a visible profile; never guests, never
-- pending or waitlisted people, never private profiles; nothing for strangers, pending people or anon.
begin;
select plan(12);

select tests.create_world();
select tests.create_user('priv');
select tests.create_user('wait');
select tests.add_participant('meetup', 'priv');
select tests.add_participant('meetup', 'wait', status => 'pending');
update public.profiles set visibility = 'private' where user_id = tests.uid('priv');

-- The view's columns are exactly the narrow ones.
select columns_are('public', 'event_fellows', array['event_id', 'user_id', 'role', 'full_name', 'avatar_url'],
  'event_fellows has only event, user, role, name and avatar');

-- pat (accepted) sees pia and olga by name; never the guest, the pending one, or the private profile.
select tests.sign_in_as('pat');
select ok(exists (select 1 from public.event_fellows where event_id = tests.event_id('meetup') and user_id = tests.uid('pia') and full_name = 'Pia'),
  'an accepted participant sees a fellow''s name');
select ok(exists (select 1 from public.event_fellows where event_id = tests.event_id('meetup') and user_id = tests.uid('olga') and role = 'organizer'),
  'an accepted participant sees the organizer with their role');
select is((select count(*) from public.event_fellows where user_id is null or full_name = 'Gus Guest'), 0::bigint,
  'walk-in guests never appear');
select is((select count(*) from public.event_fellows where user_id = tests.uid('wait')), 0::bigint,
  'pending people never appear');
select is((select count(*) from public.event_fellows where user_id = tests.uid('priv')), 0::bigint,
  'people with a private profile never appear');
select is((select count(*) from public.event_participants where event_id = tests.event_id('meetup') and user_id <> tests.uid('pat')), 0::bigint,
  'select * from event_participants returns no fellow row');

-- priv sees themself (own profile) and the others.
select tests.sign_in_as('priv');
select ok(exists (select 1 from public.event_fellows where user_id = tests.uid('priv')),
  'a participant with a private profile still sees their own line');

-- Nobody else sees anything.
select tests.sign_in_as('stan');
select is((select count(*) from public.event_fellows), 0::bigint, 'a stranger sees no fellows');
select tests.sign_in_as('wait');
select is((select count(*) from public.event_fellows where event_id = tests.event_id('meetup')), 0::bigint,
  'a pending participant sees no fellows');
select tests.sign_in_as('sue');
select is((select count(*) from public.event_fellows), 0::bigint, 'a suspended participant sees no fellows');
select tests.sign_out();
select throws_ok('select 1 from public.event_fellows', '42501', null, 'anon may not read event_fellows');

select * from finish();
rollback;
