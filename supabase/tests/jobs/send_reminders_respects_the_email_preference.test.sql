-- private.job_send_reminders: a participant who turned reminder e-mails off still gets the
-- notification, but no e-mail; one who did not gets both.
begin;
select plan(4);

-- given: the seed's events are set aside (soft-deleted), so the counts below are this test's own
update public.events set deleted_at = now() where deleted_at is null;
-- given: ada and grace are accepted in "zig"; grace turned reminder e-mails off
select tests.create_event('zig', organizer => 'olga', starts_in => '2 days');
select tests.add_participant('zig', 'ada');
select tests.add_participant('zig', 'grace');
insert into public.notification_preferences (user_id, kind, email_enabled) values (tests.uid('grace'), 'event_reminder', false);
select private.job_send_reminders((select start_datetime from public.events where id = tests.event_id('zig')) - interval '24 hours');

-- then
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('grace')), 0,
  'grace gets no reminder e-mail');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('grace') and kind = 'event_reminder'), 1,
  'grace still gets the notification');
select is((select count(*)::int from private.email_outbox where recipient_user_id = tests.uid('ada')), 1,
  'ada gets the e-mail');
select is((select count(*)::int from public.notifications where recipient_id = tests.uid('ada') and kind = 'event_reminder'), 1,
  'ada gets the notification');

select * from finish();
rollback;
