// The attendance window (DOMAIN.md §8 #9): from 1 hour before the start to the end, on a published
// event with attendance enabled. Registration status plays no part (rule 7.11).
import type { ParticipationEvent } from "../_shared/event-access.ts";
import { invalidTransition, outsideAttendanceWindow } from "../_shared/participation/participation-errors.ts";

export const OPENS_BEFORE_START_MS = 60 * 60 * 1000;

export function requireAttendanceWindow(event: ParticipationEvent, now: Date): void {
  if (event.status !== "published") {
    throw invalidTransition(`Cannot record attendance for "${event.title}": the event is ${event.status}`);
  }
  if (!event.isAttendanceEnabled) {
    throw invalidTransition(`Cannot record attendance for "${event.title}": attendance is disabled for this event`);
  }
  if (!event.startsAt || !event.endsAt) {
    throw invalidTransition(`Cannot record attendance for "${event.title}": the event has no schedule`);
  }
  const opensAt = new Date(event.startsAt.getTime() - OPENS_BEFORE_START_MS);
  if (now < opensAt) {
    throw outsideAttendanceWindow(`Cannot record attendance for "${event.title}" yet: check-in opens at ${opensAt.toISOString()}`);
  }
  if (now > event.endsAt) {
    throw outsideAttendanceWindow(`Cannot record attendance for "${event.title}": check-in closed at ${event.endsAt.toISOString()}`);
  }
}
