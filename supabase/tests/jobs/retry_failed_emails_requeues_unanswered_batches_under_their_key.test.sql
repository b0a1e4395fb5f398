-- private.job_retry_failed_emails with a moved clock: a batch parked because Resend never answered
-- gets new attempts under the same key, at most 3 times and only within 23 h; refused e-mails stay
-- failed.
begin;
select plan(8);

-- given: an empty outbox (the seed queues e-mails of its own, e.g. proposal_comment; rolled back)
delete from private.email_outbox;
-- given: two e-mails claimed as one batch at 10:00 and parked after Resend answered 500; a third
-- refused by Resend (422)
select tests.create_user('ada');
select private.enqueue_email(tests.uid('ada'), 'account_reactivated', '{}', 'r' || g) from generate_series(1, 2) as g;
update private.email_outbox set next_attempt_at = '2026-11-25 09:00+00';
create temporary table batch on commit drop as
  select * from private.claim_email_batch(10, interval '1 minute', '2026-11-25 10:00+00');
select private.postpone_email_batch((select batch_key from batch limit 1), 'Resend answered 500 internal_server_error: boom',
  '2026-11-25 10:01+00', 1);
select private.enqueue_email(tests.uid('ada'), 'account_reactivated', '{}', 'refused');
update private.email_outbox set next_attempt_at = '2026-11-25 09:00+00' where idempotency_key = 'account_reactivated/refused';
select private.claim_email_batch(10, interval '1 minute', '2026-11-25 10:02+00');
select private.record_email_results(
  (select batch_key from private.email_outbox where idempotency_key = 'account_reactivated/refused'),
  jsonb_build_array(jsonb_build_object('id', (select id from private.email_outbox where idempotency_key = 'account_reactivated/refused'),
    'status', 'failed', 'error', 'Resend answered 422 validation_error: bad address')));

-- then
select is((select count(*)::int from private.email_outbox where status = 'failed'), 3, 'three e-mails are parked');
select is(private.job_retry_failed_emails('2026-11-25 11:00+00'), 2, 'the unanswered batch is requeued');
select is(private.job_retry_failed_emails('2026-11-25 11:15+00'), 0, 'a repeated run requeues nothing more');
select set_eq(
  $$ select batch_key from private.claim_email_batch(10, interval '1 minute', '2026-11-25 11:20+00') $$,
  $$ select batch_key from batch $$,
  'the next claim sends the same batch under its original key');
select is((select status from private.email_outbox where idempotency_key = 'account_reactivated/refused'), 'failed',
  'the refused e-mail stays failed');

-- given: the batch fails twice more after further requeues
select private.postpone_email_batch((select batch_key from batch limit 1), 'Resend answered 503 x: y', '2026-11-25 11:21+00', 1);
select private.job_retry_failed_emails('2026-11-25 12:00+00');
select private.claim_email_batch(10, interval '1 minute', '2026-11-25 12:01+00');
select private.postpone_email_batch((select batch_key from batch limit 1), 'Resend answered nothing application_error: timeout', '2026-11-25 12:02+00', 1);
select is(private.job_retry_failed_emails('2026-11-25 13:00+00'), 2, 'a third requeue is allowed');
select private.claim_email_batch(10, interval '1 minute', '2026-11-25 13:01+00');
select private.postpone_email_batch((select batch_key from batch limit 1), 'Resend answered 500 x: y', '2026-11-25 13:02+00', 1);

-- then
select is(private.job_retry_failed_emails('2026-11-25 14:00+00'), 0, 'after three requeues the batch stays failed');
update private.email_outbox set requeues = 0 where batch_key = (select batch_key from batch limit 1);
select is(private.job_retry_failed_emails('2026-11-26 09:30+00'), 0,
  'a batch older than 23 h is left to an operator (Resend may have forgotten its key)');

select * from finish();
rollback;
