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

/** The event as a signed-in caller sees it, or 404. */
export async function loadEventForCaller(t: CallerTransaction, eventId: string, callerId: string): Promise<EventForCaller> {
  const [row] = await t.asCaller((q) => q<EventWithStandingRow[]>`
    select e.*, private.is_active() as caller_is_active, private.is_admin() as caller_is_admin,
           private.is_event_team(e.id) as caller_is_team
    from public.events e where e.id = ${eventId}`);
  if (!row) throw eventNotFound(eventId);
  const { caller_is_active: isActive, caller_is_admin: isAdmin, caller_is_team: isTeam, ...event } = row;
  return { event, standing: { isActive, isAdmin, isTeam: isActive && isTeam, isOrganizer: isActive && event.organizer_id === callerId } };
}

/** The event as anyone (anon included) sees it, or 404. */
export async function loadVisibleEvent(t: CallerTransaction, eventId: string): Promise<EventRow> {
  const [row] = await t.asCaller((q) => q<EventRow[]>`select e.* from public.events e where e.id = ${eventId}`);
  if (!row) throw eventNotFound(eventId);
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
