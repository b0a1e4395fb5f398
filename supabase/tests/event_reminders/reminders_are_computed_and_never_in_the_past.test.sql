-- DOMAIN.md §2: remind_at = start − 7 d / 3 d / 1 d, computed by the database; a reminder whose
-- moment has passed is refused; one unsent reminder per event, user and option.
begin;
select plan(4);

-- given: an event in two days
select tests.create_event('soon', organizer => 'olga', starts_in => '2 days');
select tests.add_participant('soon', 'pia');

-- then
select is(tests.attempt('pia', $$ insert into public.event_reminders (event_id, user_id, option) values (tests.event_id('soon'), (select auth.uid()), 'one_day') $$),
  'allowed', 'a one-day reminder is accepted');
insert into public.event_reminders (event_id, user_id, option) values (tests.event_id('soon'), tests.uid('pia'), 'one_day');
select is((select remind_at from public.event_reminders where user_id = tests.uid('pia')),
  (select start_datetime - interval '1 day' from public.events where id = tests.event_id('soon')), 'remind_at is start − 1 day');
select is(tests.attempt('pia', $$ insert into public.event_reminders (event_id, user_id, option) values (tests.event_id('soon'), (select auth.uid()), 'three_days') $$),
  '23514 event_reminders_remind_at_is_future: Cannot set a three_days reminder: that moment has already passed',
  'a reminder in the past is refused with a clear error');
select is(tests.attempt('pia', $$ insert into public.event_reminders (event_id, user_id, option, remind_at) values (tests.event_id('soon'), (select auth.uid()), 'one_week', now()) $$),
  'forbidden', 'the client cannot send remind_at');

select * from finish();
rollback;
