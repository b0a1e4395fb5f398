// §3.6 J: the organizer (or an admin) removes a non-organizer row; after the event, attended and
// absent rows are history and stay. The participant is notified and e-mailed. Removal marks the row
// `rejected` instead of deleting it (issue 14): the "no" stays on record, so the person cannot
// simply register again; the database refuses to delete decided rows anyway.
import type { RemovedParticipant, RemoveParticipantInput } from "../_shared/contracts/participation.ts";
import { forbidden } from "../_shared/errors.ts";
import { loadManagedParticipant } from "../_shared/participation/load-managed-participant.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify } from "../_shared/participation/side-effects.ts";
import { afterSeatFreed } from "../_shared/participation/waitlist.ts";

export async function removeParticipant(
  { t, caller, params, body, now }: OperationContext<{ participantId: string }, RemoveParticipantInput>,
): Promise<RemovedParticipant> {
  const { event, access, row } = await loadManagedParticipant(t, caller, params.participantId);
  if (!access.isOrganizer && !access.isAdmin) {
    throw forbidden(`Cannot remove participants from "${event.title}": only the organizer or an admin removes`);
  }
  if (row.role === "organizer") throw invalidTransition("Cannot remove the organizer from their own event");
  const isOver = event.status === "ended" || (event.endsAt !== null && event.endsAt <= now);
  if (isOver && (row.status === "attended" || row.status === "absent")) {
    throw invalidTransition(`Cannot remove a participant marked ${row.status} after "${event.title}" ended: attendance is final`);
  }
  if (row.status === "attended" || row.status === "absent") {
    throw invalidTransition(`Cannot remove a participant marked ${row.status}: attendance is on record`);
  }
  if (row.status === "rejected") throw invalidTransition(`Cannot remove this participant from "${event.title}": they were already turned down or removed`);
  await t.tx`update public.event_participants set status = 'rejected', responded_at = now() where id = ${row.id}`;
  await afterSeatFreed(t.tx, event, row, now);
  if (row.user_id) {
    await notify(t.tx, {
      recipientId: row.user_id,
      kind: "participant_removed",
      content: `You were removed from "${event.title}"${body.reason ? `: ${body.reason}` : "."}`,
      eventId: event.id,
      actorId: caller.id,
      data: { reason: body.reason ?? null },
    });
    await enqueueEmail(t.tx, {
      recipientId: row.user_id,
      template: "participant_removed",
      data: { recipientName: row.full_name ?? undefined, eventId: event.id, eventTitle: event.title, reason: body.reason },
      dedupeKey: `participant_removed:${row.id}`,
    });
  }
  return { id: row.id, eventId: event.id, removed: true };
}
