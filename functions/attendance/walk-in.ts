// §3.6 G: the public walk-in form. The token (not the caller) is the credential: it must be active,
// unexpired and not used up, on a published event inside the attendance window. Free events record
// attendance, paid events a pending payment. The e-mail never creates, links or changes an account
// (rule 7.12): only a signed-in caller submitting their own address is linked to their account;
// every other submission is a guest row. Existing rows are never touched. Walk-ins ignore capacity
// (§8 #4).
import type { WalkInInput, WalkInResult } from "../_shared/contracts/attendance.ts";
import { AppError, forbidden, notFound, unauthenticated } from "../_shared/errors.ts";
import { loadEventForToken } from "../_shared/event-access.ts";
import { alreadyParticipant, invalidTransition, requireProofInOwnFolder } from "../_shared/participation/participation-errors.ts";
import type { PublicOperationContext } from "../_shared/participation/run-route.ts";
import { notify } from "../_shared/participation/side-effects.ts";
import { requireAttendanceWindow } from "./attendance-window.ts";

interface TokenRow {
  id: string;
  event_id: string;
  max_uses: number | null;
  current_uses: number;
  is_active: boolean;
  expires_at: Date | null;
}

function tokenUnusable(code: string, message: string): AppError {
  return new AppError(409, code, message);
}

export async function submitWalkIn(
  { t, caller, body, now }: PublicOperationContext<Record<string, never>, WalkInInput>,
): Promise<WalkInResult> {
  const invalidLink = "This walk-in link is not valid: ask the event team for the current one";
  const [found] = await t.tx<{ event_id: string }[]>`select event_id from public.event_walk_in_tokens where token = ${body.token}`;
  if (!found) throw notFound(invalidLink);
  // Event first, then the token: the same lock order as the team's token routes.
  const event = await loadEventForToken(t.tx, found.event_id, { lock: true });
  const [token] = await t.tx<TokenRow[]>`
    select id, event_id, max_uses, current_uses, is_active, expires_at
    from public.event_walk_in_tokens where token = ${body.token} for update`;
  if (!event || !token) throw notFound(invalidLink);
  if (!token.is_active) throw tokenUnusable("walk_in_token_inactive", `This walk-in link for "${event.title}" was deactivated by the team`);
  if (token.expires_at && token.expires_at <= now) {
    throw tokenUnusable("walk_in_token_expired", `This walk-in link for "${event.title}" expired at ${token.expires_at.toISOString()}`);
  }
  if (token.max_uses !== null && token.current_uses >= token.max_uses) {
    throw tokenUnusable("walk_in_token_exhausted", `This walk-in link for "${event.title}" was used ${token.max_uses} times, its limit`);
  }
  requireAttendanceWindow(event, now);
  const isPaid = event.registrationType === "paid";
  const email = body.email.toLowerCase();
  const [self] = caller
    ? await t.tx<{ id: string }[]>`select id from public.users where id = ${caller.id} and lower(email::text) = ${email}`
    : [];
  if (body.paymentProofPath) {
    // All state-dependent refusals (a schema-valid body): 409/401/403, never 400.
    if (!isPaid) throw invalidTransition(`"${event.title}" is free: send no payment proof`);
    // Only an account has a Storage folder (`<event>/<user>/`); a guest pays at the door and the
    // team verifies the payment.
    if (!caller) throw unauthenticated("Sign in to attach a payment proof: guests pay at the door");
    if (!self) throw forbidden("Only the account holder can attach a payment proof: a guest pays at the door");
    requireProofInOwnFolder(body.paymentProofPath, event.id, self.id);
  }
  const [existing] = await t.tx<{ id: string }[]>`
    select p.id from public.event_participants p
    left join public.users u on u.id = p.user_id
    where p.event_id = ${event.id}
      and (lower(p.guest_email::text) = ${email} or lower(u.email::text) = ${email} ${self ? t.tx`or p.user_id = ${self.id}` : t.tx``})`;
  if (existing) {
    throw alreadyParticipant(`This e-mail is already on the list of "${event.title}": ask the team to check you in`);
  }

  const status = isPaid ? "pending" : "attended";
  const [inserted] = await t.tx<{ id: string; status: WalkInResult["status"]; payment_status: WalkInResult["paymentStatus"] }[]>`
    insert into public.event_participants
      (event_id, user_id, guest_name, guest_email, role, join_method, status, attended_at, payment_status, payment_proof_url, walk_in_token_id)
    values (${event.id}, ${self?.id ?? null}, ${self ? null : body.name}, ${self ? null : email}, 'audience', 'walk_in',
            ${status}, ${isPaid ? null : now}, ${isPaid ? "pending" : null}, ${body.paymentProofPath ? `payment-proofs/${body.paymentProofPath}` : null}, ${token.id})
    returning id, status, payment_status`;
  if (!inserted) throw new Error("Insert returned no row");
  await t.tx`update public.event_walk_in_tokens set current_uses = current_uses + 1 where id = ${token.id}`;

  await notify(t.tx, {
    recipientId: event.organizerId,
    kind: "walk_in_registered",
    content: `New walk-in at "${event.title}": ${body.name}${isPaid ? " (payment pending)" : ""}.`,
    eventId: event.id,
    actorId: self?.id ?? null,
    data: { participantId: inserted.id, isGuest: !self },
  });
  if (self) {
    await notify(t.tx, {
      recipientId: self.id,
      kind: "walk_in_registered",
      content: isPaid
        ? `You walked in to "${event.title}": your payment is waiting for the organizer.`
        : `You walked in to "${event.title}": your attendance is recorded.`,
      eventId: event.id,
      actorId: self.id,
      data: { participantId: inserted.id },
    });
  }
  return { participantId: inserted.id, eventId: event.id, status: inserted.status, paymentStatus: inserted.payment_status };
}
