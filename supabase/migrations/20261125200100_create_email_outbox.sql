-- Purpose: the transactional outbox for product e-mails. A state change writes its e-mail row in
-- the same transaction (private.enqueue_email), so the e-mail exists exactly when the change
-- commits; a dispatcher claims rows, sends them through Resend's batch API and records the result.
-- Touches: table private.email_outbox; functions private.enqueue_email,
-- private.enqueue_email_to_address, private.claim_email_batch, private.record_email_results,
-- private.postpone_email_batch. Nothing destructive.

create table private.email_outbox (
  id bigint generated always as identity primary key,
  recipient_email text not null,
  recipient_user_id uuid references auth.users (id) on delete set null,
  template text not null,
  data jsonb not null default '{}'::jsonb,
  idempotency_key text not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  locked_until timestamptz,
  batch_key uuid,
  sent_at timestamptz,
  provider_message_id text,
  created_at timestamptz not null default now(),
  constraint email_outbox_idempotency_key_is_unique unique (idempotency_key),
  constraint email_outbox_status_is_known check (status in ('pending', 'sending', 'sent', 'failed')),
  constraint email_outbox_idempotency_key_is_bounded check (char_length(idempotency_key) between 1 and 256),
  constraint email_outbox_recipient_email_looks_valid check (recipient_email ~ '^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$'),
  constraint email_outbox_data_is_object check (jsonb_typeof(data) = 'object'),
  constraint email_outbox_attempts_not_negative check (attempts >= 0),
  constraint email_outbox_sending_has_batch check (status <> 'sending' or (batch_key is not null and locked_until is not null)),
  constraint email_outbox_sent_has_time check ((status = 'sent') = (sent_at is not null)),
  -- Keys of functions/_shared/email/product-templates.ts: an unknown key fails in the caller's
  -- transaction instead of as a parked row later.
  constraint email_outbox_template_is_known check (template in (
    'event_registered', 'event_request_received', 'event_invitation', 'participation_decision', 'role_updated',
    'participant_removed', 'event_reminder', 'event_changed', 'event_cancelled', 'proposal_comment', 'review_request',
    'role_decision', 'account_suspended', 'account_reactivated', 'moderation_notice', 'waitlist_promoted', 'admin_broadcast'
  ))
);
comment on table private.email_outbox is
  'Product e-mails waiting for, in, or done with delivery. Written by private.enqueue_email inside the transaction of the change it announces; delivered by the outbox dispatcher (functions/_shared/email/outbox-dispatcher.ts).';
comment on column private.email_outbox.idempotency_key is 'Template + caller''s dedupe key: a second enqueue with the same key is a no-op. Sent to Resend as X-Entity-Ref-ID.';
comment on column private.email_outbox.status is 'pending → sending (claimed into a batch) → sent | failed (parked after the last attempt, with last_error).';
comment on column private.email_outbox.batch_key is 'The Resend batch this row was first sent in; also that request''s Idempotency-Key. A retry resends the same rows under the same key, so Resend answers a batch it already sent from its idempotency store instead of sending it again.';
comment on column private.email_outbox.locked_until is 'Lease of the dispatcher working on the batch (or the time of its next retry). A dispatcher killed mid-send leaves the lease to run out; the batch is then claimed again.';
comment on column private.email_outbox.data is 'Template data (validated by the template''s zod schema when rendered). Never holds codes or token links: Auth e-mails do not go through the outbox.';

-- The dispatcher's two claim paths, each an index scan.
create index email_outbox_pending_due_idx on private.email_outbox (next_attempt_at, id) where status = 'pending';
create index email_outbox_sending_lease_idx on private.email_outbox (locked_until, batch_key) where status = 'sending';
create index email_outbox_batch_key_idx on private.email_outbox (batch_key) where batch_key is not null;
create index email_outbox_recipient_user_id_idx on private.email_outbox (recipient_user_id);

alter table private.email_outbox enable row level security;
-- No API role reads or writes the outbox; SQL functions and the dispatcher (database owner) do.
revoke all on private.email_outbox from anon, authenticated, service_role, public;

-- For guests without an account (walk-ins) and for enqueue_email below.
create function private.enqueue_email_to_address(
  recipient_email text,
  template text,
  data jsonb,
  dedupe_key text default null,
  recipient_user_id uuid default null
)
returns bigint
language plpgsql
set search_path = ''
as $$
declare
  new_id bigint;
begin
  insert into private.email_outbox (recipient_email, recipient_user_id, template, data, idempotency_key)
  values (
    enqueue_email_to_address.recipient_email,
    enqueue_email_to_address.recipient_user_id,
    enqueue_email_to_address.template,
    coalesce(enqueue_email_to_address.data, '{}'::jsonb),
    enqueue_email_to_address.template || '/' || coalesce(enqueue_email_to_address.dedupe_key, extensions.gen_random_uuid()::text)
  )
  on conflict (idempotency_key) do nothing
  returning id into new_id;
  if new_id is not null then
    -- Delivered on commit only: wakes a listening worker without polling.
    perform pg_catalog.pg_notify('email_outbox', '');
  end if;
  return new_id;
end;
$$;
comment on function private.enqueue_email_to_address(text, text, jsonb, text, uuid) is
  'Queues a product e-mail to an address. Returns the row id, or null when a row with the same template and dedupe_key exists (a repeat is a no-op). Without dedupe_key every call queues a new e-mail.';

-- definer: callers (triggers, jobs, functions in other engineers' transactions) need the address
-- from auth.users, which they cannot read.
create function private.enqueue_email(recipient_user_id uuid, template text, data jsonb, dedupe_key text default null)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  address text;
begin
  select u.email into address
  from auth.users as u
  where u.id = enqueue_email.recipient_user_id and u.deleted_at is null;
  if address is null or address = '' then
    -- No address (deleted user, phone-only account): nothing to send, and the caller's change stands.
    return null;
  end if;
  return private.enqueue_email_to_address(address, enqueue_email.template, enqueue_email.data, enqueue_email.dedupe_key, enqueue_email.recipient_user_id);
end;
$$;
comment on function private.enqueue_email(uuid, text, jsonb, text) is
  'Queues a product e-mail to a user, in the caller''s transaction. Returns the row id, or null when the user has no e-mail address or the same template + dedupe_key was queued before.';

-- A dispatcher's unit of work. First a batch whose lease ran out (dispatcher killed, or its retry
-- time reached): the same rows under the same batch key. Otherwise up to batch_size due pending
-- rows become a new batch. `for update skip locked` lets several dispatchers run side by side.
create function private.claim_email_batch(batch_size integer, lease interval, now timestamptz default now())
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
comment on function private.claim_email_batch(integer, interval, timestamptz) is
  'Leases one batch to a dispatcher (rows ordered by id in the result are the batch''s order). Reclaims expired leases first, keeping their batch key.';

-- Final outcomes per row: results = [{"id": 1, "status": "sent", "provider_message_id": "…"},
-- {"id": 2, "status": "failed", "error": "…"}]. Only rows of this batch still in 'sending' change,
-- so a late answer from a dispatcher that lost its lease cannot undo another's result.
create function private.record_email_results(batch_key uuid, results jsonb, now timestamptz default now())
returns integer
language sql
set search_path = ''
as $$
  with outcome as (
    select (r ->> 'id')::bigint as id, r ->> 'status' as status, r ->> 'provider_message_id' as provider_message_id,
           left(r ->> 'error', 2000) as error
    from jsonb_array_elements(record_email_results.results) as r
    where r ->> 'status' in ('sent', 'failed')
  ), updated as (
    update private.email_outbox as o
    set status = outcome.status,
        sent_at = case when outcome.status = 'sent' then record_email_results.now end,
        provider_message_id = outcome.provider_message_id,
        last_error = case when outcome.status = 'failed' then outcome.error else o.last_error end,
        locked_until = null
    from outcome
    where o.id = outcome.id and o.batch_key = record_email_results.batch_key and o.status = 'sending'
    returning 1
  )
  select count(*)::integer from updated;
$$;
comment on function private.record_email_results(uuid, jsonb, timestamptz) is 'Marks rows of a batch sent or failed; returns how many changed.';

-- A batch that could not be sent now (429, 5xx, no answer): keep it together under its key and
-- try again at retry_at, or park its rows as failed once they used max_attempts. A rate limit is
-- not the rows' fault and gives the attempt back.
create function private.postpone_email_batch(
  batch_key uuid,
  error text,
  retry_at timestamptz,
  max_attempts integer,
  counts_as_attempt boolean default true
)
returns table (id bigint, status text)
language sql
set search_path = ''
as $$
  update private.email_outbox as o
  set attempts = case when postpone_email_batch.counts_as_attempt then o.attempts else greatest(o.attempts - 1, 0) end,
      status = case when postpone_email_batch.counts_as_attempt and o.attempts >= postpone_email_batch.max_attempts then 'failed' else 'sending' end,
      locked_until = case when postpone_email_batch.counts_as_attempt and o.attempts >= postpone_email_batch.max_attempts then null else postpone_email_batch.retry_at end,
      next_attempt_at = postpone_email_batch.retry_at,
      last_error = left(postpone_email_batch.error, 2000)
  where o.batch_key = postpone_email_batch.batch_key and o.status = 'sending'
  returning o.id, o.status;
$$;
comment on function private.postpone_email_batch(uuid, text, timestamptz, integer, boolean) is
  'Schedules a batch''s retry under the same key, or parks rows that used their attempts as failed.';

revoke all on function private.enqueue_email_to_address(text, text, jsonb, text, uuid) from public, anon, authenticated, service_role;
revoke all on function private.enqueue_email(uuid, text, jsonb, text) from public, anon, authenticated, service_role;
revoke all on function private.claim_email_batch(integer, interval, timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.record_email_results(uuid, jsonb, timestamptz) from public, anon, authenticated, service_role;
revoke all on function private.postpone_email_batch(uuid, text, timestamptz, integer, boolean) from public, anon, authenticated, service_role;
