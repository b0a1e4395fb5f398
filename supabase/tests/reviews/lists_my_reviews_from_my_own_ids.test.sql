-- my_reviews(): the caller's own live reviews (sealed ones included), through review_cards.
begin;
select plan(5);

-- given: ada wrote two reviews (one deleted), olga wrote a sealed one, sam none
select tests.create_review_scene('mine');
select tests.write_review('mine', 'mine_ada', 'mine_sam', 5);
select tests.write_review('mine', 'mine_ada', 'mine_olga', 2);
select tests.act_for('mine_ada');
update public.reviews set deleted_at = now() where reviewer_id = tests.uid('mine_ada') and reviewee_id = tests.uid('mine_olga');
reset role;
select tests.write_review('mine', 'mine_olga', 'mine_spon', 3);

-- then
select tests.sign_in_as('mine_ada');
select results_eq($$ select rating::int, is_mine from public.my_reviews() $$, $$ values (5, true) $$, 'ada lists her live review');
select tests.sign_in_as('mine_olga');
select results_eq($$ select rating::int, sealed_until is not null from public.my_reviews() $$, $$ values (3, true) $$,
  'the organizer lists her sealed review');
select tests.sign_in_as('mine_sam');
select is((select count(*)::int from public.my_reviews()), 0, 'sam wrote none');
select is((select prosecdef from pg_proc where oid = 'public.my_reviews()'::regprocedure), false, 'it is security invoker');
select tests.sign_out();
select throws_ok($$ select * from public.my_reviews() $$, '42501', null, 'anon cannot call it');

select * from finish();
rollback;
