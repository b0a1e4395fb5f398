// §3.6 F: a participant checks in by presenting the event's current code, or (online and hybrid
// events) by online self check-in, inside the attendance window. Never by writing a status.
import type { AttendanceRecord, CheckInInput, OnlineCheckInInput } from "../_shared/contracts/attendance.ts";
import { notFound } from "../_shared/errors.ts";
import { loadParticipationEvent } from "../_shared/event-access.ts";
import { lockOwnParticipant } from "../_shared/participation/participant-rows.ts";
import { invalidCheckinCode, invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { requireAttendanceWindow } from "./attendance-window.ts";
import { isCurrentCheckinCode } from "./checkin-code.ts";
import { recordAttendance } from "./record-attendance.ts";

export function checkInWithCode(secret: string) {
  return async function checkIn(
    { t, caller, params, body, now }: OperationContext<{ eventId: string }, CheckInInput>,
  ): Promise<AttendanceRecord> {
    const event = await loadParticipationEvent(t, params.eventId, { lock: true });
    requireAttendanceWindow(event, now);
    if (!(await isCurrentCheckinCode(secret, event.id, body.code, now))) {
      throw invalidCheckinCode(`Cannot check in to "${event.title}": the code is wrong or has expired, use the one shown now`);
    }
    const row = await lockOwnParticipant(t.tx, event.id, caller.id);
    if (!row) throw notFound(`You do not take part in "${event.title}": register first`);
    if (row.status === "absent") throw invalidTransition(`Cannot check in to "${event.title}": the team marked you absent, ask them to correct it`);
    return recordAttendance(t.tx, { event, row, status: "attended", actorId: caller.id, now });
  };
}

export async function checkInOnline(
  { t, caller, params, now }: OperationContext<{ eventId: string }, OnlineCheckInInput>,
): Promise<AttendanceRecord> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  if (event.type === "physical") {
    throw invalidTransition(`Cannot check in online to "${event.title}": it is a physical event, use the code shown at the venue`);
  }
  requireAttendanceWindow(event, now);
  const row = await lockOwnParticipant(t.tx, event.id, caller.id);
  if (!row) throw notFound(`You do not take part in "${event.title}": register first`);
  if (row.status === "absent") throw invalidTransition(`Cannot check in to "${event.title}": the team marked you absent, ask them to correct it`);
  return recordAttendance(t.tx, { event, row, status: "attended", actorId: caller.id, now });
}
