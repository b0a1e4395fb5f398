-- The close_review_window job (DOMAIN.md §6) runs hourly where pg_cron exists; a run opens the
-- sealed reviews whose window closed, and a second run opens nothing (idempotent).
begin;
select plan(4);

-- given: a sealed organizer → speaker review
select tests.create_review_scene('job');
select tests.write_review('job', 'job_olga', 'job_sam', 3);

-- then
select case
  when exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    is((select schedule from cron.job where jobname = 'atas_close_review_window'), '7 * * * *', 'the job runs hourly')
  else skip('pg_cron is not installed', 1)
end;
select is(private.unseal_closed_review_windows(now()), 0, 'before the window closes nothing opens');
select ok(private.unseal_closed_review_windows(now() + interval '14 days') >= 1, 'after it closes the sealed review opens');
select is(private.unseal_closed_review_windows(now() + interval '14 days'), 0, 'a second run opens nothing');

select * from finish();
rollback;
