-- Text search ranks and filters from private.event_search_documents alone (issue 16: no event
-- row read per match), so the document's copies of the filter columns — start, format, type,
-- organizer, price kind — must follow every change of the event, or a filter would answer from
-- stale values.
begin;
select plan(7);

select tests.create_event('quokkafest', organizer => 'sf_olga', format => 'workshop', starts_in => '10 days');
update public.events set description = 'Smiling marsupials of Rottnest' where title = 'quokkafest';
select tests.sign_out();
select results_eq($$ select title from public.search_events(query => 'rottnest', format => 'workshop') $$,
  $$ values ('quokkafest') $$, 'found under its format');
reset role;

update public.events set format = 'seminar' where title = 'quokkafest';
select tests.sign_out();
select is((select count(*)::int from public.search_events(query => 'rottnest', format => 'workshop')), 0, 'a changed format leaves the old filter');
select results_eq($$ select title from public.search_events(query => 'rottnest', format => 'seminar') $$,
  $$ values ('quokkafest') $$, 'and answers to the new one');
reset role;

update public.events set start_datetime = now() + interval '40 days', end_datetime = now() + interval '40 days 2 hours'
where title = 'quokkafest';
select tests.sign_out();
select is((select count(*)::int from public.search_events(query => 'rottnest', starts_before => now() + interval '20 days')), 0,
  'a moved start leaves the old date window');
select results_eq($$ select title from public.search_events(query => 'rottnest', starts_after => now() + interval '30 days') $$,
  $$ values ('quokkafest') $$, 'and is found in the new one');
reset role;

update public.events set registration_type = 'paid', price = 10, auto_accept_registration = false where title = 'quokkafest';
select tests.sign_out();
select results_eq($$ select title from public.search_events(query => 'rottnest', price => 'paid') $$,
  $$ values ('quokkafest') $$, 'a changed price kind is searchable at once');
reset role;
select is((select (start_datetime, organizer_id, format, type, registration_type)::text from private.event_search_documents
           where event_id = tests.event_id('quokkafest')),
  (select (start_datetime, organizer_id, format, type, registration_type)::text from public.events where title = 'quokkafest'),
  'the document''s copies equal the event''s columns');

select * from finish();
rollback;
