-- followers_count / following_count follow inserts and deletes; no client can write them.
begin;
select plan(8);

-- given
select tests.create_user('cnt_ada');
select tests.create_user('cnt_bob');
select tests.create_user('cnt_cat');
select tests.create_org('cntguild', owner => 'cnt_owen');

-- when
select tests.sign_in_as('cnt_ada');
insert into public.follows (follower_id, followee_id) values (tests.uid('cnt_ada'), tests.uid('cnt_bob'));
insert into public.follows (follower_id, org_id) values (tests.uid('cnt_ada'), tests.org_id('cntguild'));
select tests.sign_in_as('cnt_cat');
insert into public.follows (follower_id, followee_id) values (tests.uid('cnt_cat'), tests.uid('cnt_bob'));
reset role;

-- then
select results_eq($$ select followers_count, following_count from public.profiles where user_id = tests.uid('cnt_bob') $$,
  $$ values (2, 0) $$, 'bob has two followers');
select results_eq($$ select followers_count, following_count from public.profiles where user_id = tests.uid('cnt_ada') $$,
  $$ values (0, 2) $$, 'ada follows two (a person and an organization)');
select is((select followers_count from public.organizations where id = tests.org_id('cntguild')), 1, 'the organization has one follower');

select tests.sign_in_as('cnt_ada');
delete from public.follows where follower_id = tests.uid('cnt_ada') and followee_id = tests.uid('cnt_bob');
reset role;
select is((select followers_count from public.profiles where user_id = tests.uid('cnt_bob')), 1, 'an unfollow decrements');
select is((select following_count from public.profiles where user_id = tests.uid('cnt_ada')), 1, 'on both sides');

-- column escalation
select tests.sign_in_as('cnt_bob');
select throws_ok($$ update public.profiles set followers_count = 1000 where user_id = tests.uid('cnt_bob') $$, '42501', null,
  'nobody inflates their followers');
select throws_ok($$ update public.profiles set following_count = 0 where user_id = tests.uid('cnt_bob') $$, '42501', null,
  'nor their following count');
select tests.sign_in_as('cnt_owen');
select throws_ok($$ update public.organizations set followers_count = 1000 where id = tests.org_id('cntguild') $$, '42501', null,
  'an organization owner cannot set its follower count');

select * from finish();
rollback;
