-- DOMAIN.md §3.2: at onboarding a user takes `student` at once (no decider recorded) or asks for
-- teacher/expert/sponsor (pending); a function acting for her cannot approve anything else.
begin;
select plan(4);

-- given: nia has just signed up, no roles; a function acts for her (its own role, her claims)
select tests.create_user('nia', '{}');
select set_config('request.jwt.claims', tests.access_token_claims('nia')::text, true);

-- then
select lives_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('nia'), 'student', 'approved') $$,
  'she takes student, approved at once');
select is((select decided_by from public.user_roles where user_id = tests.uid('nia') and role = 'student'), null,
  'no one is recorded as decider of her own student role');
select lives_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('nia'), 'expert', 'pending') $$,
  'she asks to be an expert');
select throws_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('nia'), 'teacher', 'approved') $$,
  '42501', 'Cannot decide the teacher role: only an admin may', 'she cannot approve teacher for herself');

select * from finish();
rollback;
