-- DOMAIN.md §2 follows: one follow per pair, never of oneself, a user xor an organization;
-- follower/following counts are maintained by trigger and not writable.
begin;
select plan(9);

-- given
select tests.create_user(h) from unnest(array['pia', 'max']) as h;
select tests.create_org('club', owner => 'owen');

-- then
select is(tests.attempt('pia', $$ insert into public.follows (follower_id, followee_id) values ((select auth.uid()), (select auth.uid())) $$),
  '23514 follows_not_self_follow: new row for relation "follows" violates check constraint "follows_not_self_follow"',
  'no self-follow, with a named error');
select is(tests.attempt('pia', $$ insert into public.follows (follower_id, followee_id) values ((select auth.uid()), tests.uid('max')) $$),
  'allowed', 'pia follows max');
insert into public.follows (follower_id, followee_id) values (tests.uid('pia'), tests.uid('max'));
select is(tests.violated_constraint($$ insert into public.follows (follower_id, followee_id) values (tests.uid('pia'), tests.uid('max')) $$),
  'follows_user_pair_is_unique', 'the same follow twice is refused');
select is(tests.violated_constraint($$ insert into public.follows (follower_id, followee_id, org_id) values (tests.uid('max'), tests.uid('pia'), tests.org_id('club')) $$),
  'follows_has_one_target', 'a follow targets a user or an organization');
insert into public.follows (follower_id, org_id) values (tests.uid('pia'), tests.org_id('club'));
select results_eq($$ select following_count from public.profiles where user_id = tests.uid('pia') $$, $$ values (2) $$,
  'pia follows two');
select results_eq($$ select followers_count from public.profiles where user_id = tests.uid('max') $$, $$ values (1) $$,
  'max has one follower');
select results_eq($$ select followers_count from public.organizations where id = tests.org_id('club') $$, $$ values (1) $$,
  'the club has one follower');
delete from public.follows where follower_id = tests.uid('pia') and followee_id = tests.uid('max');
select results_eq($$ select followers_count from public.profiles where user_id = tests.uid('max') $$, $$ values (0) $$,
  'unfollowing decrements');
select is(tests.attempt('max', $$ update public.profiles set followers_count = 1000 where user_id = (select auth.uid()) $$),
  'forbidden', 'no one writes their follower count');

select * from finish();
rollback;
