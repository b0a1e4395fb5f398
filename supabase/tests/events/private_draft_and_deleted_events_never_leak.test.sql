-- Rule 7.5 (and 7.20): anonymous and unrelated users see published public events — also ended
-- and cancelled ones — and never drafts, private or soft-deleted events; invitees see the event
-- they are invited to; admins see everything.
begin;
select plan(9);

-- given
select tests.create_user('ada', '{admin}');
select tests.create_user('stan');
select tests.create_event('open', organizer => 'olga');
select tests.create_event('sketch', organizer => 'olga', status => 'draft');
select tests.create_event('secret', organizer => 'olga', visibility => 'private');
select tests.create_event('finished', organizer => 'olga', status => 'ended', starts_in => '-2 days');
select tests.create_event('called-off', organizer => 'olga', status => 'cancelled');
select tests.create_event('removed', organizer => 'olga');
update public.events set deleted_at = now() where id = tests.event_id('removed');
select tests.add_participant('sketch', 'ivy', 'speaker', 'pending', 'invited');

-- then
select set_eq($$ select tests.attempt('anon', format('select 1 from public.events where title = %L', t)) from unnest(array['open', 'finished', 'called-off']) t $$,
  $$ values ('allowed') $$, 'anon sees published, ended and cancelled public events');
select is(tests.attempt('anon', $$ select 1 from public.events where title = 'sketch' $$), 'hidden', 'anon never sees a draft');
select is(tests.attempt('anon', $$ select 1 from public.events where title = 'secret' $$), 'hidden', 'anon never sees a private event');
select is(tests.attempt('anon', $$ select 1 from public.events where title = 'removed' $$), 'hidden', 'anon never sees a deleted event');
select is(tests.attempt('stan', $$ select 1 from public.events where title in ('sketch', 'secret', 'removed') $$), 'hidden',
  'an unrelated member sees none of them');
select is(tests.attempt('ivy', $$ select 1 from public.events where title = 'sketch' $$), 'allowed',
  'an invitee sees the draft she is invited to');
select is(tests.attempt('olga', $$ select 1 from public.events where title = 'removed' $$), 'hidden',
  'even the organizer no longer sees a deleted event');
select is(tests.attempt('ada', $$ select 1 from public.events where title = 'removed' $$), 'allowed', 'an admin sees deleted events');
select is(tests.attempt('stan', $$ select 1 from public.events where status = 'draft' and title = 'sketch' $$), 'hidden',
  'asking for status=draft changes nothing');

select * from finish();
rollback;
