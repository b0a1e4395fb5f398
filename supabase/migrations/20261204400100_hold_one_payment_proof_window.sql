-- Purpose: ONE window for payment proofs, the same in the `participants` function, in Storage and
-- in the table (issue 15). Before, the function accepted proofs until the event's END while the
-- Storage policy refused uploads from its START, and refused rows in `rejected`, so a rejected
-- payer could never upload the new file the rules ask for (DOMAIN §3.6 A: "new proof → pending
-- again") and a paid walk-in (who arrives after the start, §3.6 G) could never attach one.
--
-- The window (chosen here, documented in docs/frontend-writes.md): a proof may be uploaded or
-- replaced while the event is paid, published and NOT YET ENDED, by the payer of an audience row
-- that is pending or waitlisted, or rejected because of its payment (rejected + payment rejected
-- = "upload a new proof"). An accepted row's proof was verified: it is evidence, never replaced. Until the end, not the start, because walk-ins pay at
-- the door during the event; the organizer verifies before or at the event.
--
-- Touches: new function private.payment_proof_window_open (the rule, used by both sides);
-- REDEFINES private.my_payment_proof_event_ids() (storage policies call it; signature unchanged);
-- new trigger event_participants_payment_proof_window on public.event_participants.

-- Invoker: pure predicate over values the callers already hold.
create function private.payment_proof_window_open(
  participant_status public.event_participant_status,
  payment_status public.payment_status,
  event_status public.event_status,
  registration_type public.event_registration_type,
  ends_at timestamptz,
  at_time timestamptz
) returns boolean
language sql immutable set search_path = '' as $$
  -- coalesce: a null anywhere (no payment status yet, unknown event) means closed, never "unknown".
  select coalesce(registration_type = 'paid'
    and event_status = 'published'
    and (ends_at is null or ends_at > at_time)
    and (participant_status in ('pending', 'waitlisted')
         or (participant_status = 'rejected' and payment_status is not distinct from 'rejected')), false)
$$;
comment on function private.payment_proof_window_open(public.event_participant_status, public.payment_status, public.event_status,
  public.event_registration_type, timestamptz, timestamptz) is
  'The one payment-proof window: paid + published event before its end; row pending/waitlisted, or rejected for its payment.';
revoke all on function private.payment_proof_window_open(public.event_participant_status, public.payment_status, public.event_status,
  public.event_registration_type, timestamptz, timestamptz) from public;
grant execute on function private.payment_proof_window_open(public.event_participant_status, public.payment_status, public.event_status,
  public.event_registration_type, timestamptz, timestamptz) to authenticated, service_role;

-- Definer (as before): a participant's own row decides whether a proof may still be uploaded.
create or replace function private.my_payment_proof_event_ids() returns setof uuid
language sql stable security definer set search_path = '' as $$
  select p.event_id
  from public.event_participants p
  join public.events e on e.id = p.event_id
  where p.user_id = (select auth.uid())
    and p.role in ('audience', 'student', 'teacher')
    and e.deleted_at is null
    and private.payment_proof_window_open(p.status, p.payment_status, e.status, e.registration_type, e.end_datetime, pg_catalog.now())
$$;
comment on function private.my_payment_proof_event_ids() is
  'Events where the caller may upload or replace their own payment proof: private.payment_proof_window_open over their audience row.';

-- The table holds the same window: a new proof path (set or changed) outside it is refused, whoever
-- writes it (edge function, service role, a future RPC). Clearing the path is not an upload.
create function private.guard_payment_proof_window() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  e record;
begin
  if new.payment_proof_url is null or new.payment_proof_url is not distinct from (case when tg_op = 'UPDATE' then old.payment_proof_url end) then
    return new;
  end if;
  select ev.status, ev.registration_type, ev.end_datetime into e from public.events ev where ev.id = new.event_id;
  -- The row's state BEFORE this write decides (an upload moves a rejected row back to pending).
  if new.role not in ('audience', 'student', 'teacher') or not private.payment_proof_window_open(
    case when tg_op = 'UPDATE' then old.status else new.status end,
    case when tg_op = 'UPDATE' then old.payment_status else new.payment_status end,
    e.status, e.registration_type, e.end_datetime, pg_catalog.now()) then
    raise exception using errcode = 'check_violation', constraint = 'event_participants_payment_proof_window',
      table = 'event_participants',
      message = 'Cannot attach a payment proof: proofs are accepted for paid, published events until they end, from audience rows that are pending, waitlisted or rejected for their payment';
  end if;
  return new;
end $$;
comment on function private.guard_payment_proof_window() is
  'Trigger: a new payment_proof_url only inside private.payment_proof_window_open (the window Storage also applies).';
revoke all on function private.guard_payment_proof_window() from public, anon, authenticated, service_role;

create trigger event_participants_payment_proof_window before insert or update of payment_proof_url on public.event_participants
  for each row execute function private.guard_payment_proof_window();
