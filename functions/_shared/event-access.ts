// Everything about "may this caller reach this event, and as whom", for every function. Events are
// read AS THE CALLER (RLS decides whether one exists for them: a hidden private event is simply not
// found, never "forbidden", so nothing leaks), and who the caller is comes from the CURRENT database
// rows, never from token claims: an account suspended after its token was minted, or a committee
// invitee still pending, gets nothing (rules 7.2, 7.4). One name per question:
//   the full row, lifecycle style ............ loadEventForCaller (row + standing) / loadVisibleEvent
//   the participation view (optionally locked)  loadParticipationEvent / loadEventForToken
//   who the caller is for the event ........... CallerStanding (loadEventForCaller, callerStanding)
//   refusals .................................. requireActive(standing) / requireActiveAccount(t),
//                                               requireOrganizerOrAdmin, requireTeamOrAdmin, invalidTransition
import type { Caller } from "./auth.ts";
import type { CallerTransaction, Tx } from "./database.ts";
import { forbidden, notFound } from "./errors.ts";
import type { EventRow } from "./event-row.ts";

/** Who the caller is for one event, from the current rows; team and organizer need an active account. */
export interface CallerStanding {
  isActive: boolean;
  isAdmin: boolean;
  /** Organizer or accepted committee (rule 7.4). */
  isTeam: boolean;
  isOrganizer: boolean;
}

export interface EventForCaller {
  event: EventRow;
  standing: CallerStanding;
}

interface EventWithStandingRow extends EventRow {
  caller_is_active: boolean;
  caller_is_admin: boolean;
  caller_is_team: boolean;
}

export function eventNotFound(eventId: string) {
  return notFound(`Event "${eventId}" does not exist or is not visible to you`);
}

/**
 * Switches to the caller's role, reads, and switches back in ONE round trip: postgres.js pipelines
 * queries issued together on the transaction's connection, and Postgres runs them in order. The
 * claims were set when the transaction began (inCallerTransaction). If the read fails, the
 * transaction is aborted and rolled back, role included.
 */
async function pipelinedAsCaller<T>(t: CallerTransaction, read: (tx: CallerTransaction["tx"]) => Promise<T>): Promise<T> {
  const [, result] = await Promise.all([
    t.tx`select pg_catalog.set_config('role', 'authenticated', true)`,
    read(t.tx),
    t.tx`select pg_catalog.set_config('role', 'none', true)`,
  ]);
  return result;
}

/** The event as a signed-in caller sees it, or 404. */
export async function loadEventForCaller(t: CallerTransaction, eventId: string, callerId: string): Promise<EventForCaller> {
  const [row] = await pipelinedAsCaller(t, (q) => q<EventWithStandingRow[]>`
    select e.*, private.is_active() as caller_is_active, private.is_admin() as caller_is_admin,
           private.is_event_team(e.id) as caller_is_team
    from public.events e where e.id = ${eventId}`);
  // Admins can read soft-deleted events; the lifecycle treats them as gone for everyone.
  if (!row || row.deleted_at !== null) throw eventNotFound(eventId);
  const { caller_is_active: isActive, caller_is_admin: isAdmin, caller_is_team: isTeam, ...event } = row;
  return { event, standing: { isActive, isAdmin, isTeam: isActive && isTeam, isOrganizer: isActive && event.organizer_id === callerId } };
}

/** The event as anyone (anon included) sees it, or 404. */
export async function loadVisibleEvent(t: CallerTransaction, eventId: string): Promise<EventRow> {
  const [row] = await t.asCaller((q) => q<EventRow[]>`select e.* from public.events e where e.id = ${eventId}`);
  if (!row || row.deleted_at !== null) throw eventNotFound(eventId);
  return row;
}

export function requireActive(standing: CallerStanding, action: string): void {
  if (!standing.isActive) throw forbidden(`Cannot ${action}: your account is not active`);
}

/** Organizer or platform admin (DOMAIN.md §4: publish, unpublish, cancel, end, registration, delete). */
export function requireOrganizerOrAdmin(found: EventForCaller, action: string): void {
  requireActive(found.standing, action);
  if (!found.standing.isOrganizer && !found.standing.isAdmin) {
    throw forbidden(`Cannot ${action} event "${found.event.title}": only its organizer or an admin can`);
  }
}

/** Organizer, accepted committee or platform admin. */
export function requireTeamOrAdmin(found: EventForCaller, action: string): void {
  requireActive(found.standing, action);
  if (!found.standing.isTeam && !found.standing.isAdmin) {
    throw forbidden(`Cannot ${action} event "${found.event.title}": only its organizer, committee or an admin can`);
  }
}

export { invalidTransition } from "./errors.ts";

// ── The participation view (participants, attendance) ─────────────────────────────────────────

/** The columns participation and attendance work with, camel-cased. */
export interface ParticipationEvent {
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

interface EventDbRow {
  id: string;
  organizer_id: string;
  title: string;
  status: ParticipationEvent["status"];
  visibility: ParticipationEvent["visibility"];
  type: ParticipationEvent["type"];
  start_datetime: Date | null;
  end_datetime: Date | null;
  timezone: string;
  registration_type: ParticipationEvent["registrationType"];
  max_participant: number | null;
  is_attendance_enabled: boolean;
}

function toEventRow(row: EventDbRow): ParticipationEvent {
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

async function selectEvent(tx: Tx, eventId: string, lock: boolean): Promise<ParticipationEvent | null> {
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
export async function loadParticipationEvent(
  t: CallerTransaction,
  eventId: string,
  options: { lock?: boolean; notFoundMessage?: string } = {},
): Promise<ParticipationEvent> {
  const message = options.notFoundMessage ?? `Event "${eventId}" was not found`;
  const visible = await t.asCaller((tx) => tx<{ id: string }[]>`
    select id from public.events where id = ${eventId} and deleted_at is null`);
  if (visible.length === 0) throw notFound(message);
  const event = await selectEvent(t.tx, eventId, options.lock ?? false);
  if (!event) throw notFound(message);
  return event;
}

/** Reads an event with the function's own role (walk-in: the token is the credential). */
export async function loadEventForToken(tx: Tx, eventId: string, options: { lock?: boolean } = {}): Promise<ParticipationEvent | null> {
  return selectEvent(tx, eventId, options.lock ?? false);
}

/** The caller's standing on an event already loaded (one query, current rows). */
export async function callerStanding(t: CallerTransaction, event: ParticipationEvent, caller: Caller): Promise<CallerStanding> {
  const [row] = await t.tx<{ is_active: boolean; is_team: boolean; is_admin: boolean }[]>`
    select private.is_active() as is_active, private.is_event_team(${event.id}) as is_team, private.is_admin() as is_admin`;
  const isActive = row?.is_active ?? false;
  return {
    isActive,
    isOrganizer: isActive && event.organizerId === caller.id,
    isTeam: isActive && (row?.is_team ?? false),
    isAdmin: row?.is_admin ?? false,
  };
}

export function describeEvent(event: ParticipationEvent): string {
  return `"${event.title}"`;
}
