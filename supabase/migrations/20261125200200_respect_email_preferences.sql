-- Purpose: product e-mails respect the recipient (DOMAIN.md §5, rule 7.15): a non-essential
-- e-mail is queued only for an active account whose preference for its notification kind is on;
-- essential e-mails (decisions about the recipient, account notices, cancellations) go to every
-- account that is not deleted. Final outcomes are logged in public.communication_logs.
-- Touches: new function private.email_preference_kind; replaces private.enqueue_email and
-- private.record_email_results (same signatures). Nothing destructive.

-- Non-essential templates and the notification kind whose `email_enabled` switches them off.
-- Null = essential. Mirrors `isEssential` in functions/_shared/email/product-templates.ts (a
-- vitest compares the two).
create function private.email_preference_kind(template text)
returns public.notification_kind
language sql
immutable
set search_path = ''
as $$
  select case email_preference_kind.template
    when 'event_invitation' then 'event_invitation'
    when 'role_updated' then 'role_changed'
    when 'event_reminder' then 'event_reminder'
    when 'proposal_comment' then 'proposal_comment'
    when 'review_request' then 'review_request'
    when 'admin_broadcast' then 'admin_broadcast'
  end::public.notification_kind;
$$;
comment on function private.email_preference_kind(text) is
  'The notification kind that lets a user turn a non-essential e-mail off; null for essential e-mails.';
revoke all on function private.email_preference_kind(text) from public, anon, authenticated, service_role;

-- definer: callers need the address from auth.users and the recipient's preferences, which they
-- cannot read.
create or replace function private.enqueue_email(recipient_user_id uuid, template text, data jsonb, dedupe_key text default null)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  address text;
  account_status public.user_status;
  is_deleted boolean;
  preference_kind public.notification_kind := private.email_preference_kind(enqueue_email.template);
begin
  select au.email, u.status, (au.deleted_at is not null or u.deleted_at is not null)
  into address, account_status, is_deleted
  from auth.users as au
  left join public.users as u on u.id = au.id
  where au.id = enqueue_email.recipient_user_id;
  if address is null or address = '' or is_deleted then
    -- No address (deleted user, phone-only account): nothing to send, and the caller's change stands.
    return null;
  end if;
  if preference_kind is not null then
    -- Non-essential mail reaches active accounts only (rule 7.15: not suspended ones) …
    if account_status is distinct from 'active' then
      return null;
    end if;
    -- … whose preference for this kind is not off (no row = on).
    if exists (
      select 1 from public.notification_preferences as p
      where p.user_id = enqueue_email.recipient_user_id and p.kind = preference_kind and not p.email_enabled
    ) then
      return null;
    end if;
  end if;
  return private.enqueue_email_to_address(address, enqueue_email.template, enqueue_email.data, enqueue_email.dedupe_key, enqueue_email.recipient_user_id);
end;
$$;
comment on function private.enqueue_email(uuid, text, jsonb, text) is
  'Queues a product e-mail to a user, in the caller''s transaction. Returns the row id, or null when nothing is queued: no address, deleted account, a non-essential e-mail to an inactive account or with the preference off, or the same template + dedupe_key queued before.';
revoke all on function private.enqueue_email(uuid, text, jsonb, text) from public, anon, authenticated, service_role;

-- Same as before, plus one communication_logs row per final outcome. Logs carry the subject and
-- the error, never the body: product e-mails hold links, and logs must never hold codes or token
-- links (rule 7.6).
create or replace function private.record_email_results(batch_key uuid, results jsonb, now timestamptz default now())
returns integer
language plpgsql
set search_path = ''
as $$
declare
  changed integer;
begin
  with outcome as (
    select (r ->> 'id')::bigint as id, r ->> 'status' as status, r ->> 'provider_message_id' as provider_message_id,
           left(r ->> 'error', 2000) as error, left(r ->> 'subject', 200) as subject
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
    returning o.recipient_user_id, o.recipient_email, o.template, o.status, o.attempts, o.last_error, o.sent_at, outcome.subject
  ), logged as (
    insert into public.communication_logs (type, status, recipient_id, recipient_email, template_name, subject, attempts, last_error, sent_at)
    select 'email', u.status::public.communication_status,
           (select pu.id from public.users as pu where pu.id = u.recipient_user_id),
           u.recipient_email, u.template, u.subject, u.attempts,
           case when u.status = 'failed' then u.last_error end, u.sent_at
    from updated as u
    returning 1
  )
  select count(*) into changed from logged;
  return changed;
end;
$$;
comment on function private.record_email_results(uuid, jsonb, timestamptz) is
  'Marks rows of a batch sent or failed and logs each outcome in public.communication_logs; returns how many changed.';
revoke all on function private.record_email_results(uuid, jsonb, timestamptz) from public, anon, authenticated, service_role;
