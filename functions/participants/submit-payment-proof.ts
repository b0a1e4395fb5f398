// Paid events (§3.6 A, §8 #15): the participant uploads the proof to Storage and sends its path
// here (never a URL); the payment (and the row) become pending for the organizer. A new proof
// after a rejection starts a new review. The column stores `<bucket>/<object name>`, as every media
// column does (checked by the database).
import type { Participant, SubmitPaymentProofInput } from "../_shared/contracts/participation.ts";
import { notFound } from "../_shared/errors.ts";
import { loadParticipationEvent } from "../_shared/event-access.ts";
import {
  displayName,
  isAudienceRole,
  lockOwnParticipant,
  readParticipant,
  toParticipant,
} from "../_shared/participation/participant-rows.ts";
import { invalidTransition, requireProofInOwnFolder } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { notify } from "../_shared/participation/side-effects.ts";

export async function submitPaymentProof(
  { t, caller, params, body, now }: OperationContext<{ eventId: string }, SubmitPaymentProofInput>,
): Promise<Participant> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  requireProofInOwnFolder(body.path, event.id, caller.id);
  const row = await lockOwnParticipant(t.tx, event.id, caller.id);
  if (!row) throw notFound(`You do not take part in "${event.title}": register first`);
  if (event.registrationType !== "paid") throw invalidTransition(`Cannot upload a payment proof: "${event.title}" is free`);
  if (!isAudienceRole(row.role)) throw invalidTransition(`Cannot upload a payment proof as ${row.role}: only the audience pays`);
  // The window is the database's (private.payment_proof_window_open), the one Storage applies
  // to the upload: paid + published until the END (walk-ins pay during the event), rows pending,
  // waitlisted, or rejected for their payment. The messages below only explain a refusal.
  const [proofWindow] = await t.tx<{ open: boolean }[]>`
    select private.payment_proof_window_open(${row.status}::public.event_participant_status, ${row.payment_status}::public.payment_status,
      ${event.status}::public.event_status, ${event.registrationType}::public.event_registration_type, ${event.endsAt}, ${now}) as open`;
  if (!proofWindow?.open) {
    if (event.status !== "published" || (event.endsAt && event.endsAt <= now)) {
      throw invalidTransition(`Cannot upload a payment proof for "${event.title}": the event is ${event.status === "published" ? "over" : event.status}`);
    }
    throw invalidTransition(`Cannot replace the payment proof: your place is already ${row.status}${row.payment_status ? ` (payment ${row.payment_status})` : ""}`);
  }
  await t.tx`
    update public.event_participants
    set payment_proof_url = ${`payment-proofs/${body.path}`}, payment_status = 'pending',
        status = case when status = 'rejected' then 'pending'::public.event_participant_status else status end
    where id = ${row.id}`;
  await notify(t.tx, {
    recipientId: event.organizerId,
    kind: "payment_proof_uploaded",
    content: `${displayName(row)} uploaded a payment proof for "${event.title}".`,
    eventId: event.id,
    actorId: caller.id,
    data: { participantId: row.id },
  });
  return toParticipant(await readParticipant(t.tx, row.id));
}
