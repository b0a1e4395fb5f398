-- Rules 7.7 and 7.12: a guest row is a walk-in with a name and an e-mail, never an account;
-- one row per user and per guest e-mail (case-insensitive) per event; fellow participants see
-- each other but never guests' contacts; the team does.
begin;
select plan(7);

-- given
select tests.create_event('fair', organizer => 'olga');
select tests.add_participant('fair', 'pia');
select tests.add_participant('fair', 'pat');
insert into public.event_participants (event_id, guest_name, guest_email, join_method, status)
values (tests.event_id('fair'), 'Gus', 'Gus@Example.com', 'walk_in', 'attended');

-- then
select is(tests.violated_constraint($$ insert into public.event_participants (event_id, guest_name, guest_email, join_method, status)
  values (tests.event_id('fair'), 'Gus again', 'gus@example.COM', 'walk_in', 'attended') $$),
  'event_participants_guest_email_is_unique', 'a guest e-mail is unique per event, whatever its case');
select is(tests.violated_constraint($$ insert into public.event_participants (event_id, guest_name, guest_email, join_method, status)
  values (tests.event_id('fair'), 'Nia', 'nia@example.com', 'registered', 'pending') $$),
  'event_participants_guest_is_walk_in', 'a guest row is always a walk-in');
select is(tests.violated_constraint($$ insert into public.event_participants (event_id, user_id, guest_name, guest_email, join_method, status)
  values (tests.event_id('fair'), tests.uid('olga'), 'Olga', 'olga@example.com', 'walk_in', 'attended') $$),
  'event_participants_is_user_or_guest', 'a row is a user or a guest, never both');
select is(tests.violated_constraint($$ select tests.add_participant('fair', 'pia') $$),
  'event_participants_user_is_unique', 'one row per event and user');
select is_empty($$ select 1 from auth.users where email = 'gus@example.com' $$, 'a guest has no account');
select is(tests.attempt('pat', $$ select 1 from public.event_participants where event_id = tests.event_id('fair') and user_id is null $$),
  'hidden', 'a fellow participant never sees the guest''s contact');
select is(tests.attempt('pat', $$ select 1 from public.event_fellows where event_id = tests.event_id('fair') and user_id = tests.uid('pia') $$),
  'allowed', 'but sees the other accepted participants through event_fellows (issue 14: never their row)');

select * from finish();
rollback;
