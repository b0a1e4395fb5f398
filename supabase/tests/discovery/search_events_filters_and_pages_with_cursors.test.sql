-- Filters (format, type, organization, date range) and keyset pagination: every row exactly
-- once, in order, across pages; ranked and unranked.
begin;
select plan(10);

-- given: an organization with five upcoming events, and seven "quokka" events of varying relevance
select tests.create_org('pageguild', owner => 'pg_owen');
select tests.create_event('pg1', organizer => 'pg_owen', organization => 'pageguild', starts_in => '101 days', format => 'webinar');
select tests.create_event('pg2', organizer => 'pg_owen', organization => 'pageguild', starts_in => '102 days');
select tests.create_event('pg3', organizer => 'pg_owen', organization => 'pageguild', starts_in => '103 days', format => 'webinar');
select tests.create_event('pg4', organizer => 'pg_owen', organization => 'pageguild', starts_in => '104 days');
select tests.create_event('pg5', organizer => 'pg_owen', organization => 'pageguild', starts_in => '105 days');
select tests.create_event('q' || i, organizer => 'pg_olga', starts_in => (i || ' days')::interval) from generate_series(1, 7) i;
update public.events set description = repeat('quokka ', (regexp_replace(title, '\D', '', 'g'))::int % 3 + 1)
  where title in ('q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7');
update public.events set title = 'quokka ' || title where title in ('q2', 'q5');

-- then: filters
select results_eq($$ select title from public.search_events(organization_id => tests.org_id('pageguild')) $$,
  $$ values ('pg1'), ('pg2'), ('pg3'), ('pg4'), ('pg5') $$, 'organization filter, soonest first');
select results_eq($$ select title from public.search_events(organization_id => tests.org_id('pageguild'), format => 'webinar') $$,
  $$ values ('pg1'), ('pg3') $$, 'format filter');
select results_eq($$ select title from public.search_events(organization_id => tests.org_id('pageguild'), type => 'online') $$,
  $$ values ('pg1'), ('pg3') $$, 'type filter (webinars default to online)');
select results_eq($$ select title from public.search_events(organization_id => tests.org_id('pageguild'),
    starts_after => now() + interval '102 days', starts_before => now() + interval '104 days') $$,
  $$ values ('pg2'), ('pg3') $$, 'date range: starts_after inclusive, starts_before exclusive');

-- unranked pages of 2
create temporary table seen (page int, title text) on commit drop;
insert into seen select 1, title from public.search_events(organization_id => tests.org_id('pageguild'), page_size => 2);
insert into seen select 2, title from public.search_events(organization_id => tests.org_id('pageguild'), page_size => 2,
  after_cursor => (select cursor from public.search_events(organization_id => tests.org_id('pageguild'), page_size => 2) offset 1));
insert into seen select 3, s.title from public.search_events(organization_id => tests.org_id('pageguild'), page_size => 2,
  after_cursor => (select cursor from public.search_events(organization_id => tests.org_id('pageguild'), page_size => 4) offset 3)) s;
select results_eq($$ select page, title from seen order by page, title $$,
  $$ values (1, 'pg1'), (1, 'pg2'), (2, 'pg3'), (2, 'pg4'), (3, 'pg5') $$, 'three pages of an unranked listing, each row once');

-- ranked pages of 3 walk the whole ranked list in order
create temporary table ranked (n serial, title text, cursor text) on commit drop;
insert into ranked (title, cursor) select title, cursor from public.search_events(query => 'quokka', page_size => 3);
insert into ranked (title, cursor) select title, cursor from public.search_events(query => 'quokka', page_size => 3,
  after_cursor => (select cursor from ranked order by n desc limit 1));
insert into ranked (title, cursor) select title, cursor from public.search_events(query => 'quokka', page_size => 3,
  after_cursor => (select cursor from ranked order by n desc limit 1));
select is((select count(*)::int from ranked), 7, 'three ranked pages hold all seven hits');
select is((select count(distinct title)::int from ranked), 7, 'with no duplicates');
select results_eq($$ select title from ranked order by n $$,
  $$ select title from public.search_events(query => 'quokka', page_size => 100) $$, 'in the same order as one big page');
select results_eq($$ select title from ranked order by n limit 2 $$, $$ values ('quokka q2'), ('quokka q5') $$,
  'title matches rank first');
select is((select count(*)::int from public.search_events(query => 'quokka', page_size => 3,
  after_cursor => (select cursor from ranked order by n desc limit 1))), 0, 'after the last row there is nothing');

select * from finish();
rollback;
