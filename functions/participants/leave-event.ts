// §3.6 I: a participant leaves (own row deleted) before the event starts; never the organizer and
// never after being marked attended. The organizer is notified. A rejected (or removed) row is not
// theirs to delete (issue 14): the decision stays, so leaving cannot clear the way to re-register.
import type { LeaveEventInput, RemovedParticipant } from "../_shared/contracts/participation.ts";
import { notFound } from "../_shared/errors.ts";
import { loadParticipationEvent } from "../_shared/event-access.ts";
import { displayName, lockOwnParticipant } from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { notify } from "../_shared/participation/side-effects.ts";
import { afterSeatFreed } from "../_shared/participation/waitlist.ts";

export async function leaveEvent(
  { t, caller, params, now }: OperationContext<{ eventId: string }, LeaveEventInput>,
): Promise<RemovedParticipant> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  const row = await lockOwnParticipant(t.tx, event.id, caller.id);
  if (!row) throw notFound(`You do not take part in "${event.title}"`);
  if (row.role === "organizer") throw invalidTransition(`Cannot leave "${event.title}": the organizer cannot leave their own event`);
  if (row.status === "attended" || row.status === "absent") {
    throw invalidTransition(`Cannot leave "${event.title}": your attendance is already recorded (${row.status})`);
  }
  if (row.status === "rejected") {
    throw invalidTransition(`Cannot leave "${event.title}": your place was turned down or you were removed; that decision stays on record`);
  }
  if (event.status === "ended" || (event.startsAt && event.startsAt <= now)) {
    throw invalidTransition(`Cannot leave "${event.title}": the event has already started`);
  }
  await t.tx`delete from public.event_participants where id = ${row.id}`;
  await afterSeatFreed(t.tx, event, row, now);
  if (event.organizerId !== caller.id) {
    await notify(t.tx, {
      recipientId: event.organizerId,
      kind: "participant_left",
      content: `${displayName(row)} left "${event.title}".`,
      eventId: event.id,
      actorId: caller.id,
      data: { role: row.role, previousStatus: row.status },
    });
  }
  return { id: row.id, eventId: event.id, removed: true };
}
