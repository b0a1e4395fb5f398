// PATCH /events/:id: the team edits details. Core fields are time-locked (DOMAIN.md §3.4): only
// in draft or before a published event starts. A schedule or venue change of a published event
// is announced to accepted participants (notification + e-mail) in the same transaction.
import type { Caller } from "../_shared/auth.ts";
import { ANNOUNCED_EVENT_FIELDS, CORE_EVENT_FIELDS, type EventResponse, UpdateEventInput } from "../_shared/contracts/events.ts";
import { inCallerTransaction, type Sql } from "../_shared/database.ts";
import { parseStoragePath } from "../_shared/contracts/storage.ts";
import { badRequest } from "../_shared/errors.ts";
import { invalidTransition, loadEventForCaller, requireTeamOrAdmin } from "../_shared/event-access.ts";
import { EVENT_COLUMNS, type EventRow, toEventColumns, toEventView } from "../_shared/event-row.ts";

function sameValue(current: unknown, next: unknown): boolean {
  if (current === null || next === null) return current === next;
  if (current instanceof Date) return typeof next === "string" && Date.parse(next) === current.getTime();
  if (typeof next === "number") return Number(current) === next;
  return current === next;
}

export async function updateEvent(sql: Sql, caller: Caller, eventId: string, body: unknown, now: Date): Promise<EventResponse> {
  const input = UpdateEventInput.parse(body);
  return await inCallerTransaction(sql, caller, async (t) => {
    const found = await loadEventForCaller(t, eventId, caller.id);
    requireTeamOrAdmin(found, "edit");
    const { event } = found;
    if (event.status === "cancelled") throw invalidTransition(`Cannot edit event "${event.title}": it is cancelled`);
    // Cover and logo live in this event's own folder (the database checks it too). Media are not
    // time-locked: a published, even started, event may change its cover.
    for (const field of ["coverUrl", "logoUrl"] as const) {
      const path = input[field];
      if (path && parseStoragePath(path)?.folders[0] !== event.id) {
        throw badRequest(`The ${field === "coverUrl" ? "cover" : "logo"} must be stored under "event-covers/${event.id}/"`, [
          { path: field, message: `Must start with event-covers/${event.id}/`, code: "invalid_format" },
        ]);
      }
    }

    const changed = (Object.keys(input) as Array<keyof typeof input>).filter((field) => {
      const column = EVENT_COLUMNS[field];
      return !sameValue(event[column as keyof EventRow], input[field]);
    });
    const lockedChanges = changed.filter((field) => (CORE_EVENT_FIELDS as readonly string[]).includes(field));
    const hasStarted = event.start_datetime !== null && event.start_datetime.getTime() <= now.getTime();
    if (lockedChanges.length > 0 && (event.status === "ended" || (event.status === "published" && hasStarted))) {
      throw invalidTransition(
        `Cannot change ${lockedChanges.join(", ")} of event "${event.title}": it ${event.status === "ended" ? "has ended" : "has already started"}`,
        { lockedFields: lockedChanges },
      );
    }
    if (changed.length === 0) return { event: toEventView(event) };

    const patch = Object.fromEntries(changed.map((field) => [field, input[field]]));
    const registrationType = input.registrationType ?? event.registration_type;
    if (registrationType === "paid" && input.autoAcceptRegistration === undefined && event.auto_accept_registration) {
      patch.autoAcceptRegistration = false;
    }
    if (registrationType === "paid" && input.autoAcceptRegistration === true) {
      throw badRequest("Paid events cannot auto-accept registrations: the organizer verifies each payment", [
        { path: "autoAcceptRegistration", message: "Must be false for a paid event", code: "custom" },
      ]);
    }
    if (registrationType === "free" && Number(input.price ?? event.price) > 0) {
      throw badRequest("Only paid events have a price: set registrationType to paid", [
        { path: "price", message: "Must be 0 for a free event", code: "custom" },
      ]);
    }
    const values = toEventColumns(patch);
    const [row] = await t.tx<EventRow[]>`update public.events set ${t.tx(values)} where id = ${event.id} returning *`;

    // More seats (or no limit any more): the waitlist moves up, first in first out.
    const capacityGrew = changed.includes("maxParticipant")
      && (input.maxParticipant === null || (event.max_participant !== null && (input.maxParticipant ?? 0) > event.max_participant));
    if (event.status === "published" && capacityGrew) {
      await t.tx`select private.promote_waitlist(${event.id}, ${now})`;
    }

    const announced = changed.some((field) => (ANNOUNCED_EVENT_FIELDS as readonly string[]).includes(field));
    if (event.status === "published" && announced) {
      await t.tx`select private.announce_event_change(${event.id}, ${caller.id}, ${event.start_datetime}, ${now})`;
    }
    const [current] = capacityGrew ? await t.tx<EventRow[]>`select * from public.events where id = ${event.id}` : [row];
    return { event: toEventView(current!) };
  });
}
