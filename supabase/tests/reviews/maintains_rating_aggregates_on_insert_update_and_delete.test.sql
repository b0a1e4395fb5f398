-- Averages and counts (profile, event, organization) follow every insert, edit and soft delete
-- (rule 7.10: stale averages), count only unsealed reviews, and no client can write them.
begin;
select plan(13);

-- given: an ended event
select tests.create_review_scene('agg');

-- then: insert
select tests.write_review('agg', 'agg_ada', 'agg_sam', 5);
select tests.write_review('agg', 'agg_ann', 'agg_sam', 2);
select results_eq($$ select reviews_count, average_rating from public.profiles where user_id = tests.uid('agg_sam') $$,
  $$ values (2, 3.50::numeric(3,2)) $$, 'two reviews: the speaker averages 3.50');
select results_eq($$ select reviews_count, average_rating from public.events where id = tests.event_id('agg') $$,
  $$ values (2, 3.50::numeric(3,2)) $$, 'the event averages them too');

-- a sealed review does not count (its rating would leak through the average)
select tests.write_review('agg', 'agg_olga', 'agg_sam', 1);
select results_eq($$ select reviews_count, average_rating from public.profiles where user_id = tests.uid('agg_sam') $$,
  $$ values (2, 3.50::numeric(3,2)) $$, 'the organizer''s sealed review is not counted yet');
-- until it opens
select tests.write_review('agg', 'agg_sam', 'agg_olga', 4);
select results_eq($$ select reviews_count, average_rating from public.profiles where user_id = tests.uid('agg_sam') $$,
  $$ values (3, 2.67::numeric(3,2)) $$, 'once both wrote, it counts');
select results_eq($$ select reviews_count, average_rating from public.profiles where user_id = tests.uid('agg_olga') $$,
  $$ values (1, 4.00::numeric(3,2)) $$, 'and the organizer has the speaker''s rating');

-- update
select tests.act_for('agg_ann');
update public.reviews set rating = 5 where reviewer_id = tests.uid('agg_ann');
reset role;
select results_eq($$ select reviews_count, average_rating from public.profiles where user_id = tests.uid('agg_sam') $$,
  $$ values (3, 3.67::numeric(3,2)) $$, 'an edit moves the average');
select results_eq($$ select reviews_count, average_rating from public.events where id = tests.event_id('agg') $$,
  $$ values (4, 3.75::numeric(3,2)) $$, 'and the event''s');

-- soft delete
select tests.act_for('agg_ada');
update public.reviews set deleted_at = now() where reviewer_id = tests.uid('agg_ada');
reset role;
select results_eq($$ select reviews_count, average_rating from public.profiles where user_id = tests.uid('agg_sam') $$,
  $$ values (2, 3.00::numeric(3,2)) $$, 'a soft delete drops the review from the average');
-- the last review gone: no average at all
select tests.act_for('agg_sam');
update public.reviews set deleted_at = now() where reviewer_id = tests.uid('agg_sam');
reset role;
select results_eq($$ select reviews_count, average_rating from public.profiles where user_id = tests.uid('agg_olga') $$,
  $$ values (0, null::numeric(3,2)) $$, 'no live review: count 0, average null');

-- nobody writes aggregates through PostgREST
select tests.sign_in_as('agg_sam');
select throws_ok($$ update public.profiles set average_rating = 5 where user_id = tests.uid('agg_sam') $$, '42501', null,
  'the reviewee cannot set their average');
select throws_ok($$ update public.profiles set reviews_count = 99 where user_id = tests.uid('agg_sam') $$, '42501', null,
  'nor their review count');
select tests.sign_in_as('agg_olga');
select throws_ok($$ update public.events set average_rating = 5, reviews_count = 9 where id = tests.event_id('agg') $$, '42501', null,
  'the organizer cannot set the event''s rating');
reset role;
select results_eq($$ select reviews_count, average_rating from public.events where id = tests.event_id('agg') $$,
  $$ values (2, 3.00::numeric(3,2)) $$, 'the event keeps the computed values (ann 5, olga 1)');

select * from finish();
rollback;
