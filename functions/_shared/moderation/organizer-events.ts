// What happens to an organizer's future events when their account stops (DOMAIN.md §8 #3):
// suspension sends published events that have not started back to draft, deletion cancels every
// draft or published event that has not ended. Both go through the lifecycle branch's SQL
// transitions (private.unpublish_event, private.cancel_event), so participants are notified and
// e-mailed, reminders and walk-in tokens are handled and each event's audit entry is written
// exactly as when an organizer does it. Runs in the caller's transaction with the function's role.
import type { Tx } from "../database.ts";

/** Suspension: published events that have not started go back to draft. Returns their ids. */
export async function returnFutureEventsToDraft(tx: Tx, organizerId: string, actorId: string): Promise<string[]> {
  const events = await tx<{ id: string }[]>`
    select id from public.events
    where organizer_id = ${organizerId} and status = 'published' and deleted_at is null and start_datetime > now()
    order by start_datetime, id`;
  for (const event of events) {
    await tx`select private.unpublish_event(${event.id}::uuid, ${actorId}::uuid, ${"The organizer's account is under review"})`;
  }
  return events.map((event) => event.id);
}

/** Deletion: every draft or published event that has not ended is cancelled. Returns their ids. */
export async function cancelFutureEvents(tx: Tx, organizerId: string, reason: string): Promise<string[]> {
  const events = await tx<{ id: string }[]>`
    select id from public.events
    where organizer_id = ${organizerId} and status in ('draft', 'published') and deleted_at is null
      and (end_datetime is null or end_datetime > now())
    order by start_datetime nulls last, id`;
  for (const event of events) {
    await tx`select * from private.cancel_event(${event.id}::uuid, ${organizerId}::uuid, ${reason})`;
  }
  return events.map((event) => event.id);
}
