// §3.6 F: the organizer or an ACCEPTED committee member marks an accepted participant attended or
// absent, inside the attendance window.
import type { AttendanceRecord, MarkAttendanceInput } from "../_shared/contracts/attendance.ts";
import { forbidden } from "../_shared/errors.ts";
import { loadManagedParticipant } from "../_shared/participation/load-managed-participant.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { requireAttendanceWindow } from "./attendance-window.ts";
import { recordAttendance } from "./record-attendance.ts";

export async function markAttendance(
  { t, caller, params, body, now }: OperationContext<{ participantId: string }, MarkAttendanceInput>,
): Promise<AttendanceRecord> {
  const { event, access, row } = await loadManagedParticipant(t, caller, params.participantId);
  if (!access.isTeam) throw forbidden(`Cannot record attendance for "${event.title}": only the organizer and accepted committee members do`);
  requireAttendanceWindow(event, now);
  return recordAttendance(t.tx, { event, row, status: body.status, actorId: caller.id, now });
}
