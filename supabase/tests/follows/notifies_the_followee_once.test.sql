-- Following someone notifies them once (new_follower), not on every unfollow/re-follow.
begin;
select plan(5);

-- given
select tests.create_user('once_ada');
select tests.create_user('once_bob');
select tests.create_org('onceguild', owner => 'once_owen');

-- when: ada follows, unfollows and re-follows bob twice
select tests.sign_in_as('once_ada');
insert into public.follows (follower_id, followee_id) values (tests.uid('once_ada'), tests.uid('once_bob'));
delete from public.follows where follower_id = tests.uid('once_ada');
insert into public.follows (follower_id, followee_id) values (tests.uid('once_ada'), tests.uid('once_bob'));
delete from public.follows where follower_id = tests.uid('once_ada');
insert into public.follows (follower_id, followee_id) values (tests.uid('once_ada'), tests.uid('once_bob'));
insert into public.follows (follower_id, org_id) values (tests.uid('once_ada'), tests.org_id('onceguild'));
reset role;

-- then
select results_eq(
  $$ select kind::text, content, actor_id, link_url from public.notifications where recipient_id = tests.uid('once_bob') $$,
  $$ values ('new_follower', 'Once_Ada follows you.', tests.uid('once_ada'), '/profiles/' || tests.uid('once_ada')) $$,
  'bob was told once, with ada as the actor');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('once_owen') and kind = 'new_follower'), 0,
  'an organization follow notifies nobody');
select tests.sign_in_as('once_bob');
select is((select count(*)::int from public.notifications where kind = 'new_follower'), 1, 'bob reads exactly one');
select tests.sign_in_as('once_ada');
select is((select count(*)::int from public.notifications), 0, 'ada gets nothing');
-- the ledger is private
select throws_ok($$ select * from private.follow_notices $$, '42501', null, 'clients cannot read who was notified');

select * from finish();
rollback;
