-- search_events: Postgres full-text over title, tags (category names) and description, ranked
-- (title > tags > description); only published, public, live events of listed organizers.
begin;
select plan(9);

-- given: events mentioning "zanzibar" in different places and states
select tests.create_event('zanzibar', organizer => 'srch_olga', starts_in => '3 days');
select tests.create_event('tagged', organizer => 'srch_olga', starts_in => '4 days');
select tests.create_event('described', organizer => 'srch_olga', starts_in => '5 days');
select tests.create_event('zanzibardraft', organizer => 'srch_olga', status => 'draft');
select tests.create_event('zanzibarprivate', organizer => 'srch_olga', visibility => 'private');
select tests.create_event('zanzibarcancelled', organizer => 'srch_olga', status => 'cancelled');
select tests.create_event('zanzibarsuspended', organizer => 'srch_sus', starts_in => '6 days');
select tests.create_event('zanzibardeleted', organizer => 'srch_olga', starts_in => '6 days');
update public.events set description = 'Spice routes of Zanzibar, retold.' where id = tests.event_id('described');
update public.events set deleted_at = now() where id = tests.event_id('zanzibardeleted');
insert into public.categories (name) values ('Zanzibar Studies');
insert into public.event_categories (event_id, category_id)
  select tests.event_id('tagged'), id from public.categories where name = 'Zanzibar Studies';
update public.users set status = 'suspended', suspended_reason = 'test' where id = tests.uid('srch_sus');

-- then
select tests.sign_out();
select results_eq($$ select title from public.search_events(query => 'zanzibar') $$,
  $$ values ('zanzibar'), ('tagged'), ('described') $$,
  'anon finds the three listable events, title match first, then tag, then description');
select ok((select bool_and(rank > 0) from public.search_events(query => 'zanzibar')), 'every hit carries a rank');
select is((select tags from public.search_events(query => 'zanzibar') where title = 'tagged'), array['Zanzibar Studies'],
  'the tags are returned');
select is((select count(*)::int from public.search_events(query => 'Zanzibar''s spice')), 1, 'stemming and websearch syntax');
select is((select count(*)::int from public.search_events(query => 'zanzibar -spice')), 2, 'exclusions work');
select tests.sign_in_as('srch_olga');
select is((select count(*)::int from public.search_events(query => 'zanzibar')), 3,
  'the organizer''s own draft, private and cancelled events are not search results either');
select tests.sign_in_as('srch_sus');
select is((select count(*)::int from public.search_events(query => 'zanzibar') where organizer_id = tests.uid('srch_sus')), 0,
  'a suspended organizer''s events never appear');
select is((select count(*)::int from public.search_events(query => 'the a of')), (select count(*)::int from public.search_events()),
  'a query of stop words lists like no query');
select is((select count(*)::int from public.search_events(query => 'qwxzvbnmlk')), 0, 'no match, no rows');

select * from finish();
rollback;
