// For routes addressed by participant id: the row's event must be visible to the caller (else 404),
// then the row and its event are locked for the rest of the transaction.
import type { Caller } from "../auth.ts";
import type { CallerTransaction } from "../database.ts";
import { notFound } from "../errors.ts";
import { type CallerStanding, callerStanding, type ParticipationEvent, loadParticipationEvent } from "../event-access.ts";
import { lockParticipantById, type ParticipantRow, participantEventId } from "./participant-rows.ts";

export interface ManagedParticipant {
  event: ParticipationEvent;
  access: CallerStanding;
  row: ParticipantRow;
}

export async function loadManagedParticipant(t: CallerTransaction, caller: Caller, participantId: string): Promise<ManagedParticipant> {
  const eventId = await participantEventId(t.tx, participantId);
  const message = `Participant "${participantId}" was not found`;
  if (!eventId) throw notFound(message);
  const event = await loadParticipationEvent(t, eventId, { lock: true, notFoundMessage: message });
  const row = await lockParticipantById(t.tx, participantId);
  if (!row) throw notFound(message);
  return { event, access: await callerStanding(t, event, caller), row };
}
