-- Memberships move only towards active (invited or requested → active); an active membership is
-- never turned back into an invitation or a request (trigger organization_members_guard_status,
-- DOMAIN.md §3.3), whoever writes. Found by mutation testing (npm run test:security): disabling
-- that trigger failed no test.
begin;
select plan(2);

-- given: omar is an active admin of the club (test world)
select tests.create_world();

-- then
select throws_ok(
  $$update public.organization_members set status = 'invited' where user_id = tests.uid('omar') and status = 'active'$$,
  '23514', null, 'an active membership cannot go back to invited');
select throws_ok(
  $$update public.organization_members set status = 'requested' where user_id = tests.uid('omar') and status = 'active'$$,
  '23514', null, 'an active membership cannot go back to requested');

select * from finish();
rollback;
