// Paid events: the organizer or an admin (not committee, §8 #5) verifies a pending payment, which
// accepts the participant if a seat is free, or rejects it. The participant is notified and e-mailed.
import type { DecidePaymentInput, Participant } from "../_shared/contracts/participation.ts";
import { forbidden } from "../_shared/errors.ts";
import { requireFreeSeat } from "../_shared/participation/capacity.ts";
import { loadManagedParticipant } from "../_shared/participation/load-managed-participant.ts";
import { readParticipant, toParticipant } from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify } from "../_shared/participation/side-effects.ts";

export async function decidePayment(
  { t, caller, params, body, now }: OperationContext<{ participantId: string }, DecidePaymentInput>,
): Promise<Participant> {
  const { event, access, row } = await loadManagedParticipant(t, caller, params.participantId);
  if (!access.isOrganizer && !access.isAdmin) {
    throw forbidden(`Cannot decide payments for "${event.title}": only the organizer or an admin verifies payments`);
  }
  if (row.payment_status !== "pending" || row.status !== "pending" || !row.payment_proof_url) {
    throw invalidTransition(`Cannot decide this payment: there is no pending payment proof (payment ${row.payment_status ?? "none"}, place ${row.status})`);
  }
  if (event.status !== "published" || (event.endsAt && event.endsAt <= now)) {
    throw invalidTransition(`Cannot decide payments for "${event.title}": the event is ${event.status === "published" ? "over" : event.status}`);
  }
  const isVerifying = body.decision === "verify";
  // Walk-ins are an on-site call and ignore capacity (§8 #4).
  if (isVerifying && row.join_method !== "walk_in") await requireFreeSeat(t.tx, event);
  await t.tx`
    update public.event_participants
    set status = ${isVerifying ? "accepted" : "rejected"}, payment_status = ${isVerifying ? "verified" : "rejected"},
        responded_at = ${now}
    where id = ${row.id}`;
  if (row.user_id) {
    await notify(t.tx, {
      recipientId: row.user_id,
      kind: "payment_decided",
      content: isVerifying
        ? `Your payment for "${event.title}" was verified: your place is confirmed.`
        : `Your payment for "${event.title}" was rejected${body.reason ? `: ${body.reason}` : "."}`,
      eventId: event.id,
      actorId: caller.id,
      data: { participantId: row.id, paymentStatus: isVerifying ? "verified" : "rejected", reason: body.reason ?? null },
    });
    await enqueueEmail(t.tx, {
      recipientId: row.user_id,
      template: "participation_decision",
      data: {
        recipientName: row.full_name ?? undefined,
        eventId: event.id,
        eventTitle: event.title,
        about: "payment",
        decision: isVerifying ? "verified" : "rejected",
        reason: body.reason,
      },
      dedupeKey: `participation_decision:payment:${row.id}:${now.toISOString()}`,
    });
  }
  return toParticipant(await readParticipant(t.tx, row.id));
}
