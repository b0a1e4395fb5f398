-- private.event_search_documents holds exactly the listable events (public, live, published or
-- ended) with their current document, so search finds what it should after every change, and
-- `select *` on events carries no tsvector.
begin;
select plan(7);

select tests.create_event('numbatdraft', organizer => 'sd_olga', status => 'draft');
select is((select count(*)::int from private.event_search_documents where event_id = tests.event_id('numbatdraft')), 0, 'a draft has no document');
update public.events set status = 'published', description = 'Marsupial termite eaters' where title = 'numbatdraft';
select is((select status::text from private.event_search_documents where event_id = tests.event_id('numbatdraft')), 'published', 'publishing adds it');
select tests.sign_out();
select results_eq($$ select title from public.search_events(query => 'termite') $$, $$ values ('numbatdraft') $$, 'search finds the new description');
reset role;
update public.events set title = 'numbatrenamed' where title = 'numbatdraft';
select tests.sign_out();
select results_eq($$ select title from public.search_events(query => 'numbatrenamed') $$, $$ values ('numbatrenamed') $$, 'a new title is searchable at once');
reset role;
update public.events set visibility = 'private' where title = 'numbatrenamed';
select is((select count(*)::int from private.event_search_documents where event_id = tests.event_id('numbatrenamed')), 0, 'going private removes it');
update public.events set visibility = 'public' where title = 'numbatrenamed';
update public.events set status = 'ended' where title = 'numbatrenamed';
select is((select status::text from private.event_search_documents where event_id = tests.event_id('numbatrenamed')), 'ended', 'an ended event keeps a document for include_past');
select tests.sign_out();
select throws_ok($$ select * from private.event_search_documents $$, '42501', null, 'API roles cannot read the documents directly');

select * from finish();
rollback;
