-- private.job_purge_read_notifications with a moved clock: read notifications older than 30 days
-- go; unread ones and recent read ones stay.
begin;
select plan(4);

-- given: ada has an old read, an old unread and a recent read notification
select tests.create_user('ada');
insert into public.notifications (recipient_id, type, kind, content, is_read, created_at) values
  (tests.uid('ada'), 'system', 'welcome', 'old read', true, now() - interval '40 days'),
  (tests.uid('ada'), 'system', 'welcome', 'old unread', false, now() - interval '40 days'),
  (tests.uid('ada'), 'system', 'welcome', 'recent read', true, now() - interval '10 days');

-- then
select is(private.job_purge_read_notifications(now()), 1, 'one notification is purged');
select results_eq($$ select content from public.notifications where recipient_id = tests.uid('ada') order by content $$,
  array['old unread', 'recent read'], 'unread and recent ones stay');
select is(private.job_purge_read_notifications(now()), 0, 'a repeated run purges nothing');
select is(private.job_purge_read_notifications(now() + interval '25 days'), 1, 'a run 25 days later purges the then-old read one');

select * from finish();
rollback;
