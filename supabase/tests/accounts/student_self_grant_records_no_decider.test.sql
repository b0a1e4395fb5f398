-- Picking `student` at onboarding is approved at once and is not a decision: no decider is
-- recorded (the user deciding for themself would break user_roles_not_decided_by_self); an
-- admin's decision records the admin; a user may ask (pending) for the other roles but approve
-- none of them. (Merged with user_roles/a_student_grants_herself_student_and_nothing_else, the same
-- rule under another name.)
begin;
select plan(6);

-- given
select tests.create_user('stu', '{}');
select tests.create_user('exa', '{}');
select tests.create_user('ada-dec', '{admin}');
select tests.set_role('exa', 'expert', 'pending');

-- then: the functions write with the caller's claims set
select set_config('request.jwt.claims', tests.access_token_claims('stu')::text, true);
select lives_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('stu'), 'student', 'approved') $$,
  'a user takes student for themself');
select is((select decided_by from public.user_roles where user_id = tests.uid('stu') and role = 'student'), null, 'with no decider');

select set_config('request.jwt.claims', tests.access_token_claims('ada-dec')::text, true);
update public.user_roles set status = 'approved' where user_id = tests.uid('exa') and role = 'expert';
select is((select decided_by from public.user_roles where user_id = tests.uid('exa') and role = 'expert'), tests.uid('ada-dec'),
  'an admin approval records the admin');

select set_config('request.jwt.claims', tests.access_token_claims('stu')::text, true);
select throws_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('stu'), 'expert', 'approved') $$,
  '42501', null, 'a user cannot self-approve anything but student');
select lives_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('stu'), 'teacher', 'pending') $$,
  'a user may ask for another role (pending)');
select throws_ok($$ insert into public.user_roles (user_id, role, status) values (tests.uid('stu'), 'sponsor', 'approved') $$,
  '42501', 'Cannot decide the sponsor role: only an admin may', 'naming the rule when refused');

select * from finish();
rollback;
