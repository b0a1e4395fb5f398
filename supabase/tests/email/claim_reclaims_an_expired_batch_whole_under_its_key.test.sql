-- private.claim_email_batch: a batch whose lease ran out (its dispatcher died) is claimed again
-- whole, under the same batch key, before any new rows; a live lease is never taken.
begin;
select plan(6);

-- given: an empty outbox (the seed queues e-mails of its own, e.g. proposal_comment; rolled back)
delete from private.email_outbox;
-- given: five queued e-mails, three claimed at 10:00 with a 1-minute lease
select tests.create_user('ada');
select private.enqueue_email(tests.uid('ada'), 'account_reactivated', '{}', 'n' || g) from generate_series(1, 5) as g;
update private.email_outbox set next_attempt_at = '2026-11-25 09:00+00';
create temporary table first_claim on commit drop as
  select * from private.claim_email_batch(3, interval '1 minute', '2026-11-25 10:00+00');

-- then
select is((select count(distinct batch_key)::int from first_claim), 1, 'a claim is one batch');
select is((select count(*)::int from private.claim_email_batch(3, interval '1 minute', '2026-11-25 10:00:30+00')), 2,
  'while the lease lives, the next claim gets the other two rows only');
create temporary table reclaim on commit drop as
  select * from private.claim_email_batch(3, interval '1 minute', '2026-11-25 10:01:01+00');
select set_eq($$ select id from reclaim $$, $$ select id from first_claim $$, 'after the lease, the same rows are claimed again');
select is((select count(distinct batch_key)::int from reclaim where batch_key = (select batch_key from first_claim limit 1)), 1,
  'under the same batch key');
select is((select max(attempts) from reclaim), 2, 'and it counts as a second attempt');
select throws_ok($$ select * from private.claim_email_batch(101, interval '1 minute') $$, '22023', null,
  'a batch over Resend''s limit of 100 is refused');

select * from finish();
rollback;
