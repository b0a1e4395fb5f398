-- DOMAIN.md §3.8: assignees tick their own items but edit nothing else; assignees must be on the
-- team or accepted participants (the original allowed anyone).
begin;
select plan(4);

-- given: pat, an accepted participant, is assigned a task
select tests.create_event('meetup', organizer => 'olga');
select tests.add_participant('meetup', 'pat');
insert into public.event_checklist_items (event_id, title) values (tests.event_id('meetup'), 'bring chairs');
insert into public.event_checklist_assignments (item_id, user_id) select id, tests.uid('pat') from public.event_checklist_items where title = 'bring chairs';

-- then
select is(tests.attempt('pat', $$ update public.event_checklist_items set is_completed = true where title = 'bring chairs' $$),
  'allowed', 'the assignee completes the item');
select is(tests.attempt('pat', $$ update public.event_checklist_items set title = 'skip chairs' where title = 'bring chairs' $$),
  'forbidden', 'the assignee cannot retitle it');
select is(tests.attempt('olga', $$ update public.event_checklist_items set title = 'bring 40 chairs' where title = 'bring chairs' $$),
  'allowed', 'the organizer can');
select is(tests.attempt('olga', $$ insert into public.event_checklist_assignments (item_id, user_id) select id, tests.uid('olga') from public.event_checklist_items where title = 'bring 40 chairs' or title = 'bring chairs' $$),
  'allowed', 'the organizer may assign herself');

select * from finish();
rollback;
