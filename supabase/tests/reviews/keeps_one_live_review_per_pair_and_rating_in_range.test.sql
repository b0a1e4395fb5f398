-- One live review per (event, reviewer, reviewee); rating an integer 1–5; comment ≤ 2000.
begin;
select plan(7);

-- given
select tests.create_review_scene('uniq');
select tests.write_review('uniq', 'uniq_ada', 'uniq_sam', 4);

-- then
select throws_ok($$ select tests.write_review('uniq', 'uniq_ada', 'uniq_sam', 2) $$, '23505', null,
  'a second live review of the same person in the same event is refused');
select throws_ok($$ select tests.write_review('uniq', 'uniq_ada', 'uniq_olga', 0) $$, '23514', null, 'rating 0 is refused');
select throws_ok($$ select tests.write_review('uniq', 'uniq_ada', 'uniq_olga', 6) $$, '23514', null, 'rating 6 is refused');
select throws_ok($$ select tests.write_review('uniq', 'uniq_ada', 'uniq_olga', 5, repeat('x', 2001)) $$, '23514', null,
  'a comment over 2000 characters is refused');
select lives_ok($$ select tests.write_review('uniq', 'uniq_ada', 'uniq_olga', 5, repeat('x', 2000)) $$,
  'a comment of exactly 2000 characters is fine');

-- after a soft delete the reviewer may write again
select tests.act_for('uniq_ada');
update public.reviews set deleted_at = now() where reviewer_id = tests.uid('uniq_ada') and reviewee_id = tests.uid('uniq_sam');
reset role;
select lives_ok($$ select tests.write_review('uniq', 'uniq_ada', 'uniq_sam', 3) $$, 'a new review replaces a deleted one');
select is((select count(*)::int from public.reviews where reviewer_id = tests.uid('uniq_ada') and reviewee_id = tests.uid('uniq_sam')),
  2, 'the deleted review stays as history');

select * from finish();
rollback;
