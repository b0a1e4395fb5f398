-- Purpose: run the jobs with pg_cron where it exists (hosted projects, `npm start`'s cluster);
-- skipped without it (the Postgres 17 replay has none). cron.schedule upserts by name, so a
-- replay keeps one job each. The outbox dispatcher is not scheduled here: on hosted projects it
-- is the `outbox-dispatch` edge function (see README), locally the outbox worker.
-- Touches: cron.job rows named atas_*. Nothing destructive.

do $$
begin
  if not exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    raise notice 'pg_cron is not installed: scheduled jobs are not scheduled';
    return;
  end if;
  perform cron.schedule('atas_send_reminders', '*/5 * * * *', 'select private.job_send_reminders(now())');
  perform cron.schedule('atas_close_registration', '*/5 * * * *', 'select private.job_close_registration(now())');
  perform cron.schedule('atas_end_events', '*/5 * * * *', 'select private.job_end_events(now())');
  -- After end_events in the same minute would be nicer, but cron gives no order: a request at
  -- most 5 minutes later is fine.
  perform cron.schedule('atas_send_review_requests', '*/5 * * * *', 'select private.job_send_review_requests(now())');
  perform cron.schedule('atas_purge_read_notifications', '17 3 * * *', 'select private.job_purge_read_notifications(now())');
  perform cron.schedule('atas_purge_email_records', '27 3 * * *', 'select private.job_purge_email_records(now())');
end;
$$;
