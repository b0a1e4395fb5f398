-- Purpose: remember Send Email Hook deliveries (Standard Webhooks `webhook-id`) so a replayed
-- request is refused, while Auth's own retries of a delivery we failed still go through.
-- Touches: schema private (created if missing), table private.auth_email_webhook_receipts,
-- function private.purge_auth_email_webhook_receipts. Nothing destructive.

create schema if not exists private;

-- Standard Webhooks: reject reprocessed ids for at least the 5-minute timestamp window. We keep
-- them 24 h, as long as Resend keeps an idempotency key, so the two defences cover the same span.
create table private.auth_email_webhook_receipts (
  webhook_id text primary key,
  status text not null default 'processing',
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  deliveries integer not null default 1,
  completed_at timestamptz,
  constraint auth_email_webhook_receipts_status_is_known check (status in ('processing', 'sent', 'failed')),
  constraint auth_email_webhook_receipts_id_is_bounded check (char_length(webhook_id) between 1 and 256),
  constraint auth_email_webhook_receipts_completed_when_sent check ((status = 'sent') = (completed_at is not null))
);
comment on table private.auth_email_webhook_receipts is
  'One row per Send Email Hook delivery id. A "sent" id is a replay and is refused; a "failed" or "processing" id may come again (Auth retries 429/503 with the same id) and reuses the same Resend idempotency key.';
comment on column private.auth_email_webhook_receipts.deliveries is 'How many requests carried this id (1 = no retry).';
create index auth_email_webhook_receipts_first_seen_at_idx on private.auth_email_webhook_receipts (first_seen_at);

alter table private.auth_email_webhook_receipts enable row level security;
-- No API role touches this table: only the auth-email function, with its own database role.
revoke all on private.auth_email_webhook_receipts from anon, authenticated, service_role, public;

-- Called by the purge job: ids older than the window cannot pass the signature check anyway.
create function private.purge_auth_email_webhook_receipts(now timestamptz)
returns integer
language sql
set search_path = ''
as $$
  with purged as (
    delete from private.auth_email_webhook_receipts
    where first_seen_at < now - interval '24 hours'
    returning 1
  )
  select count(*)::integer from purged;
$$;
comment on function private.purge_auth_email_webhook_receipts(timestamptz) is 'Deletes receipts older than 24 h; returns how many.';
revoke all on function private.purge_auth_email_webhook_receipts(timestamptz) from public, anon, authenticated, service_role;
