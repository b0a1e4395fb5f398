-- A client need not send its own id: owner columns default to the caller, and sending someone
-- else's id still fails (the policies decide, the default only fills in).
begin;
select plan(6);

-- given
select tests.create_event('meetup', organizer => 'olga');
select tests.add_participant('meetup', 'pia');
select tests.create_user('max');

-- then
select is(tests.attempt('pia', $$ insert into public.events (title, format) values ('Mine', 'workshop') $$), 'allowed',
  'an event without organizer_id is the caller''s');
select is(tests.attempt('pia', $$ insert into public.follows (followee_id) values (tests.uid('max')) $$), 'allowed',
  'a follow without follower_id is the caller''s');
select is(tests.attempt('pia', $$ insert into public.educations (school) values ('APU') $$), 'allowed',
  'an education without user_id is the caller''s');
select is(tests.attempt('pia', $$ insert into public.event_reminders (event_id, option) values (tests.event_id('meetup'), 'one_day') $$), 'allowed',
  'a reminder without user_id is the caller''s');
select is(tests.attempt('pia', $$ insert into public.notification_preferences (kind, email_enabled) values ('welcome', false) $$), 'allowed',
  'a preference without user_id is the caller''s');
select is(tests.attempt('pia', $$ insert into public.follows (follower_id, followee_id) values (tests.uid('olga'), tests.uid('max')) $$), 'forbidden',
  'naming someone else is still refused');

select * from finish();
rollback;
