-- Where pg_cron exists, every job is scheduled once under its atas_* name.
begin;
select plan(1);

-- then
select case
  when exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    is(
      (select pg_catalog.string_agg(jobname::text collate "C", ',' order by jobname::text collate "C")::text from cron.job where jobname like 'atas\_%'),
      'atas_announce_registrations,atas_close_registration,atas_close_review_window,atas_end_events,atas_expire_invitations,atas_purge_email_records,atas_purge_read_notifications,atas_retry_failed_emails,atas_send_reminders,atas_send_review_requests',
      'the ten jobs are scheduled')
  else skip('pg_cron is not installed', 1)
end;

select * from finish();
rollback;
