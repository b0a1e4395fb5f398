-- Purpose: give e-mails that failed only because Resend did not answer (5xx, timeouts) more
-- chances later (DOMAIN.md §6 retry_failed_emails: up to 3×), without ever risking a second copy:
-- a batch is requeued whole under its original key, and only while Resend still remembers that key
-- (24 h), so a batch Resend had in fact sent is answered from its idempotency store.
-- Touches: private.email_outbox (new columns batch_started_at, requeues); replaces
-- private.claim_email_batch (same signature, now stamps batch_started_at); new function
-- private.job_retry_failed_emails and its pg_cron schedule (guarded). Nothing destructive.

alter table private.email_outbox
  add column batch_started_at timestamptz,
  add column requeues integer not null default 0,
  add constraint email_outbox_requeues_not_negative check (requeues >= 0);
comment on column private.email_outbox.batch_started_at is 'When the row''s batch was first claimed: its key is good at Resend for 24 h from about then.';
comment on column private.email_outbox.requeues is 'How often job_retry_failed_emails gave the row new attempts (at most 3).';
-- Rows that failed before this migration have no batch start: they are left to an operator.

create or replace function private.claim_email_batch(batch_size integer, lease interval, now timestamptz default now())
returns table (
  id bigint,
  recipient_email text,
  template text,
  data jsonb,
  idempotency_key text,
  batch_key uuid,
  attempts integer
)
language plpgsql
set search_path = ''
as $$
declare
  claimed_batch uuid;
  candidate record;
begin
  if batch_size is null or batch_size < 1 or batch_size > 100 then
    raise exception 'Cannot claim e-mails: batch_size must be between 1 and 100 (Resend''s batch limit), got %', batch_size
      using errcode = 'invalid_parameter_value';
  end if;

  -- A batch is reclaimed whole or not at all (a part under the same key would be a different
  -- payload, which Resend refuses): the advisory lock on its key makes one claimer win.
  for candidate in
    select o.batch_key as key
    from private.email_outbox as o
    where o.status = 'sending' and o.locked_until <= claim_email_batch.now
    group by o.batch_key
    order by min(o.locked_until)
    limit 10
  loop
    if pg_catalog.pg_try_advisory_xact_lock(pg_catalog.hashtextextended(candidate.key::text, 7301)) then
      return query
      update private.email_outbox as o
      set locked_until = claim_email_batch.now + claim_email_batch.lease,
          attempts = o.attempts + 1
      where o.batch_key = candidate.key and o.status = 'sending' and o.locked_until <= claim_email_batch.now
      returning o.id, o.recipient_email, o.template, o.data, o.idempotency_key, o.batch_key, o.attempts;
      if found then
        return;
      end if;
    end if;
  end loop;

  claimed_batch := extensions.gen_random_uuid();
  return query
  update private.email_outbox as o
  set status = 'sending',
      batch_key = claimed_batch,
      batch_started_at = claim_email_batch.now,
      locked_until = claim_email_batch.now + claim_email_batch.lease,
      attempts = o.attempts + 1
  where o.id in (
    select p.id from private.email_outbox as p
    where p.status = 'pending' and p.next_attempt_at <= claim_email_batch.now
    order by p.next_attempt_at, p.id
    limit claim_email_batch.batch_size
    for update skip locked
  )
  returning o.id, o.recipient_email, o.template, o.data, o.idempotency_key, o.batch_key, o.attempts;
end;
$$;

-- Every 15 minutes. Rows parked after their last attempt with "Resend answered 5xx / nothing" get
-- fresh attempts, whole batch by whole batch, under the same key, while the batch is less than
-- 23 h old (an hour of margin inside Resend's 24 h). Refused e-mails (4xx) and render failures
-- stay failed. Returns how many rows were requeued.
create function private.job_retry_failed_emails(now timestamptz)
returns integer
language sql
set search_path = ''
as $$
  with requeued as (
    update private.email_outbox as o
    set status = 'sending',
        attempts = 0,
        requeues = o.requeues + 1,
        locked_until = job_retry_failed_emails.now,
        next_attempt_at = job_retry_failed_emails.now
    where o.status = 'failed' and o.batch_key is not null and o.requeues < 3
      and o.batch_started_at > job_retry_failed_emails.now - interval '23 hours'
      and (o.last_error like 'Resend answered 5%' or o.last_error like 'Resend answered nothing%')
    returning 1
  )
  select count(*)::integer from requeued;
$$;
comment on function private.job_retry_failed_emails(timestamptz) is
  'Requeues e-mails parked after 5xx/no answer (whole batches, same key, < 23 h old, at most 3 times). Returns how many rows.';
revoke all on function private.job_retry_failed_emails(timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.claim_email_batch(integer, interval, timestamptz) from public, anon, authenticated, service_role;

do $$
begin
  if exists (select 1 from pg_catalog.pg_extension where extname = 'pg_cron') then
    perform cron.schedule('atas_retry_failed_emails', '*/15 * * * *', 'select private.job_retry_failed_emails(now())');
  end if;
end;
$$;
