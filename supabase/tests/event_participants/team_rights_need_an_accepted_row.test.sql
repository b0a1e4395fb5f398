-- Rule 7.4: a committee invitee has no team rights until accepted, and loses them when the row
-- is no longer accepted.
begin;
select plan(6);

-- given: kai is invited to the committee of a draft, pending
select tests.create_event('draft-day', organizer => 'olga', status => 'draft');
select tests.add_participant('draft-day', 'kai', 'committee', 'pending', 'invited');
insert into public.event_checklist_items (event_id, title) values (tests.event_id('draft-day'), 'secret-task');

-- then
select is(tests.attempt('kai', $$ update public.events set description = 'hijacked' where id = tests.event_id('draft-day') $$),
  'hidden', 'a pending committee invitee cannot edit the draft');
select is(tests.attempt('kai', $$ select 1 from public.event_checklist_items where title = 'secret-task' $$),
  'hidden', 'nor read the internal checklist');
select is(tests.attempt('kai', $$ insert into public.event_walk_in_tokens (event_id) values (tests.event_id('draft-day')) $$),
  'forbidden', 'nor create walk-in tokens');

-- when kai accepts
update public.event_participants set status = 'accepted' where user_id = tests.uid('kai');
select is(tests.attempt('kai', $$ update public.events set description = 'agenda' where id = tests.event_id('draft-day') $$),
  'allowed', 'an accepted committee member edits the draft');
select is(tests.attempt('kai', $$ select 1 from public.event_checklist_items where title = 'secret-task' $$),
  'allowed', 'and reads the internal checklist');

-- when the role is changed back to pending (promotion needs a new acceptance)
update public.event_participants set status = 'pending' where user_id = tests.uid('kai');
select is(tests.attempt('kai', $$ update public.events set description = 'again' where id = tests.event_id('draft-day') $$),
  'hidden', 'team rights end with the acceptance');

select * from finish();
rollback;
