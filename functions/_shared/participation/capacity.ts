// Audience seats (rule 7.9): accepted + attended rows of audience roles; team rows never count.
// Callers hold the event row lock (loadParticipationEvent with lock) so the count cannot race.
import type { Tx } from "../database.ts";
import type { ParticipationEvent } from "../event-access.ts";
import { eventFull } from "./participation-errors.ts";

export async function seatsTaken(tx: Tx, eventId: string): Promise<number> {
  const [row] = await tx<{ taken: number }[]>`
    select count(*)::int as taken from public.event_participants
    where event_id = ${eventId} and status in ('accepted', 'attended') and role in ('audience', 'student', 'teacher')`;
  return row?.taken ?? 0;
}

export async function requireFreeSeat(tx: Tx, event: ParticipationEvent): Promise<void> {
  if (event.maxParticipant === null) return;
  const taken = await seatsTaken(tx, event.id);
  if (taken >= event.maxParticipant) {
    throw eventFull(`Cannot accept another audience member for "${event.title}": all ${event.maxParticipant} seats are taken`);
  }
}
