-- Rule 7.10: averages and counts on profiles, events and organizations are recomputed by
-- trigger on insert, update, soft delete and delete; no client can write them.
begin;
select plan(8);

-- given: pia and pat attended the club's event that ended two days ago
select tests.create_org('club', owner => 'owen');
select tests.create_event('past', organizer => 'olga', status => 'ended', starts_in => '-2 days', organization => 'club');
select tests.add_participant('past', h, status => 'attended') from unnest(array['pia', 'pat']) as h;

-- when two audience members review olga
insert into public.reviews (event_id, reviewer_id, reviewee_id, rating) values
  (tests.event_id('past'), tests.uid('pia'), tests.uid('olga'), 4),
  (tests.event_id('past'), tests.uid('pat'), tests.uid('olga'), 2);

-- then
select results_eq($$ select average_rating, reviews_count from public.profiles where user_id = tests.uid('olga') $$,
  $$ values (3.00::numeric(3,2), 2) $$, 'insert: the profile averages 3.00 over 2');
select results_eq($$ select average_rating, reviews_count from public.events where id = tests.event_id('past') $$,
  $$ values (3.00::numeric(3,2), 2) $$, 'insert: the event averages 3.00 over 2');
update public.reviews set rating = 5 where reviewer_id = tests.uid('pat');
select is((select average_rating from public.profiles where user_id = tests.uid('olga')), 4.50::numeric(3,2), 'update: 4.50');
update public.reviews set deleted_at = now() where reviewer_id = tests.uid('pia');
select results_eq($$ select average_rating, reviews_count from public.profiles where user_id = tests.uid('olga') $$,
  $$ values (5.00::numeric(3,2), 1) $$, 'soft delete: 5.00 over 1');
delete from public.reviews where reviewer_id = tests.uid('pat');
select results_eq($$ select average_rating, reviews_count from public.events where id = tests.event_id('past') $$,
  $$ values (null::numeric(3,2), 0) $$, 'delete: no rating, 0 reviews');
insert into public.reviews (org_id, reviewer_id, rating) values (tests.org_id('club'), tests.uid('pia'), 3);
select results_eq($$ select average_rating, reviews_count from public.organizations where id = tests.org_id('club') $$,
  $$ values (3.00::numeric(3,2), 1) $$, 'an organization review updates the organization');
select is(tests.attempt('olga', $$ update public.profiles set average_rating = 5 where user_id = (select auth.uid()) $$),
  'forbidden', 'olga cannot write her own rating');
select is(tests.attempt('olga', $$ update public.events set reviews_count = 99 where id = tests.event_id('past') $$),
  'forbidden', 'nor her event''s review count');

select * from finish();
rollback;
