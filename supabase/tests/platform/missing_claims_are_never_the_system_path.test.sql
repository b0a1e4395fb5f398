-- No fail-open (issue 14): guard triggers used to treat "no user id" as the system. A write that
-- carries API claims without a user id, or runs as an API role with no claims, is a caller now and
-- is refused where only an admin or the author may act; the named system path (owner, no API
-- claims) still works.
begin;
select plan(11);

select tests.create_world();
select tests.set_role('stan', 'expert', 'pending');

-- the predicate itself
select ok(private.is_system_path(), 'the owner with no claims is the system path (seed, jobs)');
select set_config('request.jwt.claims', '{"role": "service_role"}', true);
select ok(private.is_system_path(), 'the service role with no user is the system path');
select set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select ok(not private.is_system_path(), 'authenticated claims without a user id are not the system path');
select set_config('request.jwt.claims', '{"role": "anon"}', true);
select ok(not private.is_system_path(), 'anon claims are not the system path');
select set_config('request.jwt.claims', '', true);
set local role authenticated;
select ok(not private.is_system_path(), 'the authenticated role with no claims at all is not the system path');
reset role;

-- the guards, bypassing RLS as the owner so only the trigger decides
select set_config('request.jwt.claims', '{"role": "authenticated"}', true);
select throws_ok(
  $$update public.user_roles set status = 'approved' where user_id = tests.uid('stan') and role = 'expert'$$,
  '42501', null, 'a role decision carrying claims but no user id is refused (not an admin)');
select throws_ok(
  $$update public.reviews set rating = 1 where reviewer_id = tests.uid('pia')$$,
  '42501', null, 'a review edit carrying claims but no user id is refused (not the author)');
select throws_ok(
  $$update public.reviews set deleted_at = now() where reviewer_id = tests.uid('pia')$$,
  '42501', null, 'a review deletion carrying claims but no user id is refused');
select throws_ok(
  $$update public.event_checklist_items set title = 'renamed' where title = 'internal-task'$$,
  '42501', null, 'a checklist edit carrying claims but no user id is refused (not the team)');

select set_config('request.jwt.claims', '', true);
select lives_ok(
  $$update public.user_roles set status = 'approved' where user_id = tests.uid('stan') and role = 'expert'$$,
  'the system path still decides a role (seed, owner scripts)');
select lives_ok(
  $$update public.event_checklist_items set title = 'renamed' where title = 'internal-task'$$,
  'the system path still edits a checklist item');

select * from finish();
rollback;
