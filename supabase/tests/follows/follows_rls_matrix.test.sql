-- Follows through PostgREST under RLS: own rows only, of visible people and listed organizations;
-- no self-follow; one per target; no update at all; anon and suspended users write nothing.
begin;
select plan(16);

-- given
select tests.create_user('fol_ada');
select tests.create_user('fol_bob');
select tests.create_user('fol_cat');
select tests.create_user('fol_priv');
select tests.create_user('fol_sus', status => 'suspended');
select tests.create_org('folguild', owner => 'fol_owen');
select tests.create_org('folpending', owner => 'fol_owen', status => 'pending');
update public.profiles set visibility = 'private' where user_id = tests.uid('fol_priv');

-- then: insert
select tests.sign_in_as('fol_ada');
select lives_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('fol_ada'), tests.uid('fol_bob')) $$,
  'a user follows a visible person');
select lives_ok($$ insert into public.follows (follower_id, org_id) values (tests.uid('fol_ada'), tests.org_id('folguild')) $$,
  'a user follows an approved organization');
select throws_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('fol_bob'), tests.uid('fol_cat')) $$,
  '42501', null, 'nobody follows on someone else''s behalf');
select throws_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('fol_ada'), tests.uid('fol_ada')) $$,
  '23514', 'new row for relation "follows" violates check constraint "follows_not_self_follow"', 'no self-follow (named check)');
select throws_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('fol_ada'), tests.uid('fol_bob')) $$,
  '23505', null, 'one follow per person');
select throws_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('fol_ada'), tests.uid('fol_priv')) $$,
  '42501', null, 'a private profile cannot be followed');
select throws_ok($$ insert into public.follows (follower_id, org_id) values (tests.uid('fol_ada'), tests.org_id('folpending')) $$,
  '42501', null, 'a pending organization cannot be followed');
select throws_ok($$ insert into public.follows (id, follower_id, followee_id) values (gen_random_uuid(), tests.uid('fol_ada'), tests.uid('fol_cat')) $$,
  '42501', null, 'the id column is not writable');
-- column escalation: no update grant at all
select throws_ok($$ update public.follows set followee_id = tests.uid('fol_cat') $$, '42501', null, 'a follow cannot be re-pointed');
select throws_ok($$ update public.follows set created_at = now() - interval '1 year' $$, '42501', null, 'nor back-dated');

-- others cannot delete ada's follows
select tests.sign_in_as('fol_bob');
delete from public.follows where follower_id = tests.uid('fol_ada');
reset role;
select is((select count(*)::int from public.follows where follower_id = tests.uid('fol_ada')), 2, 'bob''s delete of ada''s follows changed nothing');

-- anon and suspended users write nothing
select tests.sign_out();
select throws_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('fol_ada'), tests.uid('fol_cat')) $$,
  '42501', null, 'anon cannot follow');
select tests.sign_in_as('fol_sus');
select throws_ok($$ insert into public.follows (follower_id, followee_id) values (tests.uid('fol_sus'), tests.uid('fol_cat')) $$,
  '42501', null, 'a suspended user cannot follow');

-- read: own rows, follows between visible parties; nothing involving a private profile for strangers
reset role;
select tests.act_for('fol_priv');
insert into public.follows (follower_id, followee_id) values (tests.uid('fol_priv'), tests.uid('fol_bob'));
reset role;
select tests.sign_in_as('fol_cat');
select is((select count(*)::int from public.follows where followee_id = tests.uid('fol_bob')), 1,
  'a stranger sees who follows bob among visible people only');
select tests.sign_in_as('fol_bob');
select is((select count(*)::int from public.follows where followee_id = tests.uid('fol_bob')), 2, 'bob sees all his followers');

-- the owner unfollows
select tests.sign_in_as('fol_ada');
delete from public.follows where follower_id = tests.uid('fol_ada') and followee_id = tests.uid('fol_bob');
reset role;
select is((select count(*)::int from public.follows where follower_id = tests.uid('fol_ada')), 1, 'ada unfollowed bob');

select * from finish();
rollback;
