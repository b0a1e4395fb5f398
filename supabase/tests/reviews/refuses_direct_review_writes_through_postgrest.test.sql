-- Reviews carry rules (window, eligibility, pairs): only the reviews function writes them. No
-- API role may insert, update or delete through PostgREST, whatever the row.
begin;
select plan(8);

-- given: an ended event where ada attended and sam spoke, and ada's review of sam
select tests.create_review_scene('direct');
select tests.write_review('direct', 'direct_ada', 'direct_sam', 4);

-- then: the eligible reviewer herself cannot write, edit or delete through PostgREST
select tests.sign_in_as('direct_ada');
select throws_ok($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating)
  values (tests.event_id('direct'), tests.uid('direct_ada'), tests.uid('direct_olga'), 5) $$,
  '42501', null, 'an eligible reviewer cannot insert a review through PostgREST');
select throws_ok($$ update public.reviews set rating = 1 $$, '42501', null, 'the author cannot update through PostgREST');
select throws_ok($$ update public.reviews set deleted_at = now() $$, '42501', null, 'the author cannot soft-delete through PostgREST');
select throws_ok($$ delete from public.reviews $$, '42501', null, 'the author cannot hard-delete');

-- the reviewee cannot delete a review about them either (rule 7.10)
select tests.sign_in_as('direct_sam');
select throws_ok($$ delete from public.reviews $$, '42501', null, 'the reviewee cannot delete reviews about them');

-- anon cannot write at all
select tests.sign_out();
select throws_ok($$ insert into public.reviews (event_id, reviewer_id, reviewee_id, rating)
  values (tests.event_id('direct'), tests.uid('direct_ada'), tests.uid('direct_olga'), 5) $$,
  '42501', null, 'anon cannot insert reviews');

-- and nothing changed
reset role;
select is((select rating from public.reviews where reviewer_id = tests.uid('direct_ada')), 4::smallint, 'the review is untouched');
select is((select count(*)::int from public.reviews where event_id = tests.event_id('direct')), 1, 'no review was added');

select * from finish();
rollback;
