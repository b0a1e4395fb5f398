-- Rule 7.14: naming an organization in a job experience or an education grants no membership.
begin;
select plan(2);

-- given
select tests.create_org('club', owner => 'owen');
select tests.create_user('pia');

-- when pia records a job at the club through PostgREST
select is(tests.attempt('pia', $$ insert into public.job_experiences (user_id, org_id, title) values ((select auth.uid()), tests.org_id('club'), 'Volunteer') $$),
  'allowed', 'pia records the job');
insert into public.job_experiences (user_id, org_id, title) values (tests.uid('pia'), tests.org_id('club'), 'Volunteer');

-- then
select is_empty($$ select 1 from public.organization_members where user_id = tests.uid('pia') $$,
  'she is not a member of the club');

select * from finish();
rollback;
