-- Bad parameters are a 400 through PostgREST (invalid_parameter_value, 22023) with a message,
-- never a 500 and never a silent wrong page.
begin;
select plan(8);

select tests.sign_out();
select throws_ok($$ select * from public.search_events(page_size => 0) $$, '22023', 'page_size must be between 1 and 100', 'page_size 0');
select throws_ok($$ select * from public.search_events(page_size => 101) $$, '22023', 'page_size must be between 1 and 100', 'page_size 101');
select throws_ok($$ select * from public.search_events(after_cursor => 'not-a-cursor!') $$, '22023', null, 'garbage cursor');
select throws_ok($$ select * from public.search_events(after_cursor => 'eyJ4IjogMX0') $$, '22023', null, 'a JSON cursor of the wrong shape');
select throws_ok($$ select * from public.search_events(query => 'rust',
    after_cursor => (select cursor from public.search_events() limit 1)) $$, '22023',
  'after_cursor belongs to a different search: pass the cursor of the last row of this search', 'an unranked cursor in a ranked search');
select throws_ok($$ select * from public.search_events(starts_after => now(), starts_before => now() - interval '1 day') $$, '22023',
  'starts_after must be before starts_before', 'an empty date range');
select throws_ok($$ select * from public.search_events(query => repeat('a', 201)) $$, '22023', 'query must be at most 200 characters', 'an oversize query');
select lives_ok($$ select * from public.search_events(query => '"unbalanced & | ! ( quotes') $$, 'any text is a valid websearch query');

select * from finish();
rollback;
