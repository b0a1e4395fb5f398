// Reads an event AS THE CALLER (RLS decides whether it exists for them: a hidden private event is
// simply not found, never "forbidden"), together with the caller's standing on it, in one query.
import type { CallerTransaction } from "./database.ts";
import { AppError, forbidden, notFound } from "./errors.ts";
import type { EventRow } from "./event-row.ts";

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

export function invalidTransition(message: string, details?: unknown): AppError {
  return new AppError(409, "invalid_transition", message, details);
}
