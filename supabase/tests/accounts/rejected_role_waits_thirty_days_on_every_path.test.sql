-- A rejected role goes back to pending only 30 days after the rejection (DOMAIN.md §8 #11),
-- whichever path writes it (a caller's claims, or none: trigger user_roles_request_cooldown); an
-- admin may reopen it at once. (Merged with user_roles/a_rejected_role_can_be_requested_again_only_after_30_days,
-- the same rule under another name.)
begin;
select plan(6);

-- given: rita's expert request was rejected 10 days ago, ron's 31 days ago
select tests.create_user('rita');
select tests.create_user('ron');
select tests.create_user('ada-cool', '{admin}');
select tests.set_role('rita', 'expert', 'rejected');
select tests.set_role('ron', 'expert', 'rejected');
update public.user_roles set decided_at = now() - interval '10 days' where user_id = tests.uid('rita');
update public.user_roles set decided_at = now() - interval '31 days' where user_id = tests.uid('ron');
select tests.create_user('cool-ray');
select tests.create_user('cool-rose');
select tests.set_role('cool-ray', 'expert', 'rejected');
select tests.set_role('cool-rose', 'expert', 'rejected');
update public.user_roles set decided_at = now() - interval '10 days' where user_id = tests.uid('cool-ray') and role = 'expert';
update public.user_roles set decided_at = now() - interval '31 days' where user_id = tests.uid('cool-rose') and role = 'expert';

-- then: a write without a caller's identity follows the same 30 days
select throws_ok(
  $$update public.user_roles set status = 'pending', decided_at = null, decided_by = null
    where user_id = tests.uid('cool-ray') and role = 'expert'$$,
  '23514', null, 'a role rejected 10 days ago cannot be requested again');
select lives_ok(
  $$update public.user_roles set status = 'pending', decided_at = null, decided_by = null
    where user_id = tests.uid('cool-rose') and role = 'expert'$$,
  'a role rejected 31 days ago can be requested again');

-- then: a write carrying rita's identity is refused, naming the date
select set_config('request.jwt.claims', tests.access_token_claims('rita')::text, true);
select throws_like($$ update public.user_roles set status = 'pending' where user_id = tests.uid('rita') and role = 'expert' $$,
  'Cannot request the expert role again before %: it was rejected less than 30 days ago', 'rita must wait');
select is((select status::text from public.user_roles where user_id = tests.uid('rita') and role = 'expert'), 'rejected', 'unchanged');

select set_config('request.jwt.claims', tests.access_token_claims('ron')::text, true);
select lives_ok($$ update public.user_roles set status = 'pending' where user_id = tests.uid('ron') and role = 'expert' $$,
  'after 30 days the request may be repeated');

select set_config('request.jwt.claims', tests.access_token_claims('ada-cool')::text, true);
select lives_ok($$ update public.user_roles set status = 'pending' where user_id = tests.uid('rita') and role = 'expert' $$,
  'an admin may reopen it at once');

select * from finish();
rollback;
