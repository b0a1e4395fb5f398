-- Onboarding moves only forward (DOMAIN.md §3.1): completing it stamps completed_at and marks the
-- profile onboarded; a completed onboarding never starts over. Triggers
-- user_onboardings_guard_status and user_onboardings_mark_profile; found by mutation testing
-- (npm run test:security): disabling either failed no test.
begin;
select plan(4);

-- given: a new account (onboarding not started)
select tests.create_user('onb-ana');

-- when
update public.user_onboardings set status = 'in_progress' where user_id = tests.uid('onb-ana');
update public.user_onboardings set status = 'completed' where user_id = tests.uid('onb-ana');

-- then
select isnt((select completed_at from public.user_onboardings where user_id = tests.uid('onb-ana')), null,
  'completing stamps completed_at');
select ok((select is_onboarded from public.profiles where user_id = tests.uid('onb-ana')),
  'completing marks the profile onboarded');
select throws_ok(
  $$update public.user_onboardings set status = 'not_started' where user_id = tests.uid('onb-ana')$$,
  '23514', null, 'a completed onboarding cannot start over');
select throws_ok(
  $$update public.user_onboardings set status = 'in_progress' where user_id = tests.uid('onb-ana')$$,
  '23514', null, 'a completed onboarding cannot go back in progress');

select * from finish();
rollback;
