// §3.6 D: the organizer (or an admin) accepts or rejects a pending speaker/sponsor application.
import type { DecideApplicationInput, Participant } from "../_shared/contracts/participation.ts";
import { forbidden } from "../_shared/errors.ts";
import { loadManagedParticipant } from "../_shared/participation/load-managed-participant.ts";
import { readParticipant, toParticipant } from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify } from "../_shared/participation/side-effects.ts";

export async function decideApplication(
  { t, caller, params, body, now }: OperationContext<{ participantId: string }, DecideApplicationInput>,
): Promise<Participant> {
  const { event, access, row } = await loadManagedParticipant(t, caller, params.participantId);
  if (!access.isOrganizer && !access.isAdmin) {
    throw forbidden(`Cannot decide applications for "${event.title}": only the organizer or an admin decides`);
  }
  if (row.join_method !== "applied") throw invalidTransition("Cannot decide this row: it is not an application");
  if (row.status !== "pending") throw invalidTransition(`Cannot decide this application: it is already ${row.status}`);
  if (event.status !== "draft" && event.status !== "published") {
    throw invalidTransition(`Cannot decide applications for "${event.title}": the event is ${event.status}`);
  }
  if (event.startsAt && event.startsAt <= now) {
    throw invalidTransition(`Cannot decide applications for "${event.title}": the event has already started`);
  }
  const isAccepting = body.decision === "accept";
  const status = isAccepting ? "accepted" : "rejected";
  await t.tx`update public.event_participants set status = ${status}, responded_at = ${now} where id = ${row.id}`;
  if (row.user_id) {
    await notify(t.tx, {
      recipientId: row.user_id,
      kind: "participation_decided",
      content: `Your application to "${event.title}" as ${row.role} was ${isAccepting ? "accepted" : "declined"}.`,
      eventId: event.id,
      actorId: caller.id,
      data: { participantId: row.id, status, reason: body.reason ?? null },
    });
    await enqueueEmail(t.tx, {
      recipientId: row.user_id,
      template: "participation_decision",
      data: {
        recipientName: row.full_name ?? undefined,
        eventId: event.id,
        eventTitle: event.title,
        about: "request",
        decision: status,
        reason: body.reason,
      },
      dedupeKey: `participation_decision:application:${row.id}`,
    });
  }
  return toParticipant(await readParticipant(t.tx, row.id));
}
