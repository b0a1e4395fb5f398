-- search_events' category, price (free/paid) and include_past filters: ended events list only
-- with include_past, cancelled, draft and private events never.
begin;
select plan(7);

select tests.create_event('wombatfree', organizer => 'sef_olga', starts_in => '20 days');
select tests.create_event('wombatpaid', organizer => 'sef_olga', starts_in => '21 days', registration_type => 'paid', price => 10);
select tests.create_event('wombatpast', organizer => 'sef_olga', status => 'ended', starts_in => '-10 days');
select tests.create_event('wombatcancelled', organizer => 'sef_olga', status => 'cancelled', starts_in => '22 days');
select tests.create_event('wombatdraft', organizer => 'sef_olga', status => 'draft', starts_in => '23 days');
select tests.create_event('wombatprivate', organizer => 'sef_olga', visibility => 'private', starts_in => '24 days');
insert into public.categories (name) values ('Wombatology');
insert into public.event_categories (event_id, category_id)
  select tests.event_id('wombatpaid'), id from public.categories where name = 'Wombatology';

select tests.sign_out();
select results_eq($$ select title from public.search_events(query => 'wombatfree or wombatpaid or wombatpast or wombatcancelled or wombatdraft or wombatprivate') order by title $$,
  $$ values ('wombatfree'), ('wombatpaid') $$, 'by default: upcoming published public events only');
select results_eq($$ select title from public.search_events(query => 'wombatfree or wombatpaid or wombatpast or wombatcancelled or wombatdraft or wombatprivate', include_past => true) order by title $$,
  $$ values ('wombatfree'), ('wombatpaid'), ('wombatpast') $$, 'include_past adds ended events, never cancelled, draft or private ones');
select results_eq($$ select title from public.search_events(starts_before => now(), include_past => true) where title like 'wombat%' $$,
  $$ values ('wombatpast') $$, 'listing without text with include_past and a date range');
select results_eq($$ select title from public.search_events(query => 'wombatfree or wombatpaid', price => 'paid') $$,
  $$ values ('wombatpaid') $$, 'price paid');
select results_eq($$ select title from public.search_events(query => 'wombatfree or wombatpaid', price => 'free') $$,
  $$ values ('wombatfree') $$, 'price free');
select results_eq($$ select title from public.search_events(category_id => (select id from public.categories where name = 'Wombatology')) $$,
  $$ values ('wombatpaid') $$, 'category filter');
select throws_ok($$ select * from public.search_events(include_past => null) $$, '22023', 'include_past must be true or false', 'include_past checked');

select * from finish();
rollback;
