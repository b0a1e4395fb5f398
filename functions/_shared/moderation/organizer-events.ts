// What happens to an organizer's future events when their account stops (DOMAIN.md §8 #3):
// suspension sends published future events back to draft, deletion cancels them. Participants
// are told either way. Runs in the transaction of the suspension/deletion, with the function's
// own privileges; the events' status trigger still checks each transition.
import type { Tx } from "../database.ts";
import { enqueueEmail } from "./email-outbox.ts";
import { notify } from "./notifications.ts";

interface AffectedEvent {
  id: string;
  title: string;
  start_datetime: Date | null;
  timezone: string;
}

interface Recipient {
  event_id: string;
  user_id: string;
  full_name: string | null;
}

/** Live participants with accounts, except the organizer (the cause of the change). */
async function participantsOf(tx: Tx, eventIds: string[], organizerId: string): Promise<Recipient[]> {
  if (eventIds.length === 0) return [];
  return await tx<Recipient[]>`
    select p.event_id, p.user_id, pr.full_name
    from public.event_participants p
    left join public.profiles pr on pr.user_id = p.user_id
    where p.event_id = any(${eventIds}::uuid[]) and p.user_id is not null and p.user_id <> ${organizerId}
      and p.status in ('pending', 'accepted', 'waitlisted', 'attended')`;
}

/** Suspension: published events that have not started go back to draft. Returns their ids. */
export async function returnFutureEventsToDraft(tx: Tx, organizerId: string, actorId: string): Promise<string[]> {
  const events = await tx<AffectedEvent[]>`
    update public.events set status = 'draft'
    where organizer_id = ${organizerId} and status = 'published' and deleted_at is null
      and start_datetime > now()
    returning id, title, start_datetime, timezone`;
  const ids = events.map((event) => event.id);
  const titles = new Map(events.map((event) => [event.id, event.title]));
  for (const recipient of await participantsOf(tx, ids, organizerId)) {
    await notify(tx, {
      recipientId: recipient.user_id,
      kind: "event_changed",
      content: `"${titles.get(recipient.event_id)}" was unpublished while its organizer's account is under review`,
      linkUrl: `/events/${recipient.event_id}`,
      data: { eventId: recipient.event_id, status: "draft", cause: "organizer_suspended" },
      actorId,
    });
  }
  return ids;
}

/** Deletion: every draft or published event that has not ended is cancelled. Returns their ids. */
export async function cancelFutureEvents(tx: Tx, organizerId: string, reason: string): Promise<string[]> {
  const events = await tx<AffectedEvent[]>`
    update public.events set status = 'cancelled', cancel_reason = ${reason}
    where organizer_id = ${organizerId} and status in ('draft', 'published') and deleted_at is null
      and (end_datetime is null or end_datetime > now())
    returning id, title, start_datetime, timezone`;
  const ids = events.map((event) => event.id);
  if (ids.length === 0) return ids;
  const byId = new Map(events.map((event) => [event.id, event]));
  const recipients = await participantsOf(tx, ids, organizerId);
  // Open requests and waiting places end with the event (DOMAIN.md §3.4 cancel).
  await tx`
    update public.event_participants set status = 'rejected'
    where event_id = any(${ids}::uuid[]) and status in ('pending', 'waitlisted')`;
  await tx`delete from public.event_reminders where event_id = any(${ids}::uuid[]) and not is_sent`;
  for (const recipient of recipients) {
    const event = byId.get(recipient.event_id)!;
    await notify(tx, {
      recipientId: recipient.user_id,
      kind: "event_cancelled",
      content: `"${event.title}" was cancelled: ${reason}`,
      linkUrl: `/events/${event.id}`,
      data: { eventId: event.id, reason },
      actorId: null,
    });
    await enqueueEmail(tx, {
      recipientId: recipient.user_id,
      template: "event_cancelled",
      data: {
        ...(recipient.full_name ? { recipientName: recipient.full_name } : {}),
        eventId: event.id,
        eventTitle: event.title,
        ...(event.start_datetime ? { startsAt: event.start_datetime.toISOString() } : {}),
        timeZone: event.timezone,
        reason,
      },
      dedupeKey: `event_cancelled:${event.id}:${recipient.user_id}`,
    });
  }
  return ids;
}
