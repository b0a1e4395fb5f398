// Who the caller is for an event, read from the CURRENT database rows (never from token claims):
// an account suspended after its token was minted, or a committee invitee still pending, gets
// nothing (rules 7.2, 7.4). Events are read as the caller, so RLS decides visibility and a
// private event the caller may not see is a 404, never a 403 (no existence leak).
import type { Caller } from "../auth.ts";
import type { CallerTransaction, Tx } from "../database.ts";
import { forbidden, notFound } from "../errors.ts";

export interface EventRow {
  id: string;
  organizerId: string;
  title: string;
  status: "draft" | "published" | "ended" | "cancelled";
  visibility: "public" | "private";
  type: "online" | "physical" | "hybrid";
  startsAt: Date | null;
  endsAt: Date | null;
  timezone: string;
  registrationType: "free" | "paid";
  maxParticipant: number | null;
  isAttendanceEnabled: boolean;
}

export interface EventAccess {
  isOrganizer: boolean;
  /** Organizer or ACCEPTED committee member. */
  isTeam: boolean;
  isAdmin: boolean;
}

interface EventDbRow {
  id: string;
  organizer_id: string;
  title: string;
  status: EventRow["status"];
  visibility: EventRow["visibility"];
  type: EventRow["type"];
  start_datetime: Date | null;
  end_datetime: Date | null;
  timezone: string;
  registration_type: EventRow["registrationType"];
  max_participant: number | null;
  is_attendance_enabled: boolean;
}

function toEventRow(row: EventDbRow): EventRow {
  return {
    id: row.id,
    organizerId: row.organizer_id,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    type: row.type,
    startsAt: row.start_datetime,
    endsAt: row.end_datetime,
    timezone: row.timezone,
    registrationType: row.registration_type,
    maxParticipant: row.max_participant,
    isAttendanceEnabled: row.is_attendance_enabled,
  };
}

async function selectEvent(tx: Tx, eventId: string, lock: boolean): Promise<EventRow | null> {
  const rows = await tx<EventDbRow[]>`
    select id, organizer_id, title, status, visibility, type, start_datetime, end_datetime, timezone,
           registration_type, max_participant, is_attendance_enabled
    from public.events
    where id = ${eventId} and deleted_at is null
    ${lock ? tx`for update` : tx``}`;
  return rows[0] ? toEventRow(rows[0]) : null;
}

/** Refuses callers whose account is not active right now (suspended, deleted, unconfirmed). */
export async function requireActiveAccount(t: CallerTransaction): Promise<void> {
  const [row] = await t.tx<{ active: boolean }[]>`select private.is_active() as active`;
  if (!row?.active) throw forbidden("Your account is not active: participation changes need an active account");
}

/**
 * The event as the caller sees it (RLS), then locked with the function's own role so seat counts
 * and status checks cannot race. Not visible → 404.
 */
export async function loadVisibleEvent(
  t: CallerTransaction,
  eventId: string,
  options: { lock?: boolean; notFoundMessage?: string } = {},
): Promise<EventRow> {
  const message = options.notFoundMessage ?? `Event "${eventId}" was not found`;
  const visible = await t.asCaller((tx) => tx<{ id: string }[]>`
    select id from public.events where id = ${eventId} and deleted_at is null`);
  if (visible.length === 0) throw notFound(message);
  const event = await selectEvent(t.tx, eventId, options.lock ?? false);
  if (!event) throw notFound(message);
  return event;
}

/** Reads an event with the function's own role (walk-in: the token is the credential). */
export async function loadEventForToken(tx: Tx, eventId: string, options: { lock?: boolean } = {}): Promise<EventRow | null> {
  return selectEvent(tx, eventId, options.lock ?? false);
}

export async function eventAccess(t: CallerTransaction, event: EventRow, caller: Caller): Promise<EventAccess> {
  const [row] = await t.tx<{ is_team: boolean; is_admin: boolean }[]>`
    select private.is_event_team(${event.id}) as is_team, private.is_admin() as is_admin`;
  return {
    isOrganizer: event.organizerId === caller.id,
    isTeam: row?.is_team ?? false,
    isAdmin: row?.is_admin ?? false,
  };
}

export function describeEvent(event: EventRow): string {
  return `"${event.title}"`;
}
