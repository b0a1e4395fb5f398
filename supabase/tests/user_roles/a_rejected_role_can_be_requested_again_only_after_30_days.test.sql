-- A rejected role may be requested again only 30 days after the rejection (DOMAIN.md §8 #11),
-- whichever path writes the row (trigger user_roles_request_cooldown). Found by mutation testing
-- (npm run test:security): disabling that trigger failed no test.
begin;
select plan(2);

-- given: ray's expert request was rejected 10 days ago, rose's 31 days ago
select tests.create_user('cool-ray');
select tests.create_user('cool-rose');
select tests.set_role('cool-ray', 'expert', 'rejected');
select tests.set_role('cool-rose', 'expert', 'rejected');
update public.user_roles set decided_at = now() - interval '10 days' where user_id = tests.uid('cool-ray') and role = 'expert';
update public.user_roles set decided_at = now() - interval '31 days' where user_id = tests.uid('cool-rose') and role = 'expert';

-- then
select throws_ok(
  $$update public.user_roles set status = 'pending', decided_at = null, decided_by = null
    where user_id = tests.uid('cool-ray') and role = 'expert'$$,
  '23514', null, 'a role rejected 10 days ago cannot be requested again');
select lives_ok(
  $$update public.user_roles set status = 'pending', decided_at = null, decided_by = null
    where user_id = tests.uid('cool-rose') and role = 'expert'$$,
  'a role rejected 31 days ago can be requested again');

select * from finish();
rollback;
