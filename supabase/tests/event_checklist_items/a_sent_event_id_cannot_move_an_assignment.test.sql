-- event_checklist_assignments.event_id is the item's event, whatever a client sends: a team
-- member of one event cannot file an assignment under another event's id, and a wrong id is
-- replaced rather than trusted.
begin;
select plan(3);

-- given: olga runs meetup, ivan runs fair; both have a task
select tests.create_event('meetup', organizer => 'olga');
select tests.create_event('fair', organizer => 'ivan');
select tests.add_participant('meetup', 'pat');
insert into public.event_checklist_items (event_id, title) values (tests.event_id('meetup'), 'meetup-task'), (tests.event_id('fair'), 'fair-task');

-- then
select is(tests.attempt('olga', $$ insert into public.event_checklist_assignments (item_id, user_id, event_id)
  select id, tests.uid('pat'), tests.event_id('fair') from public.event_checklist_items where title = 'meetup-task' $$),
  'allowed', 'olga assigns her own task even when she sends another event''s id');
insert into public.event_checklist_assignments (item_id, user_id, event_id)
select id, tests.uid('pat'), tests.event_id('fair') from public.event_checklist_items where title = 'meetup-task';
select is((select event_id from public.event_checklist_assignments where user_id = tests.uid('pat')), tests.event_id('meetup'),
  'the stored event is the item''s');
select is(tests.attempt('olga', format($$ insert into public.event_checklist_assignments (item_id, user_id, event_id)
  values (%L, tests.uid('ivan'), tests.event_id('meetup')) $$, (select id from public.event_checklist_items where title = 'fair-task'))),
  'forbidden', 'naming her own event does not let her assign ivan''s task (known item id)');

select * from finish();
rollback;
