-- Renaming a category re-tags every event filed under it, so search finds the event by the new
-- name and no longer by the old one (trigger categories_refresh_search_tags). Found by mutation
-- testing (npm run test:security): disabling that trigger failed no test.
begin;
select plan(3);

-- given: the test world files meetup under the category w-tech
select tests.create_world();

-- when an admin renames the category
update public.categories set name = 'w-robotics' where name = 'w-tech';

-- then
select ok((select 'w-robotics' = any (search_tags) from public.events where id = tests.event_id('meetup')),
  'the event carries the new category name');
select ok((select not ('w-tech' = any (search_tags)) from public.events where id = tests.event_id('meetup')),
  'the old name is gone from the event');
-- (the document lives in private.event_search_documents since 20261204300300, kept by trigger)
select ok((select search_vector @@ to_tsquery('english', 'robotics') and not search_vector @@ to_tsquery('english', 'tech')
           from private.event_search_documents where event_id = tests.event_id('meetup')),
  'the search document matches the new name, not the old one');

select * from finish();
rollback;
