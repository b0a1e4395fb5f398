// The one write behind every attendance path (team mark, code, online): only rows whose place is
// confirmed may become attended; pending, rejected and waitlisted rows never do (rule 7.11).
import type { AttendanceRecord } from "../_shared/contracts/attendance.ts";
import type { Tx } from "../_shared/database.ts";
import type { ParticipationEvent } from "../_shared/event-access.ts";
import type { ParticipantRow } from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import { notify } from "../_shared/participation/side-effects.ts";

// accepted → attended | absent; absent → attended (arrived late). attended is final.
const ALLOWED_FROM: Record<"attended" | "absent", ReadonlySet<string>> = {
  attended: new Set(["accepted", "absent"]),
  absent: new Set(["accepted"]),
};

export async function recordAttendance(
  tx: Tx,
  options: { event: ParticipationEvent; row: ParticipantRow; status: "attended" | "absent"; actorId: string | null; now: Date },
): Promise<AttendanceRecord> {
  const { event, row, status, now } = options;
  if (row.role === "organizer") throw invalidTransition("Cannot record attendance for the organizer");
  if (row.status === status) {
    return { participantId: row.id, eventId: event.id, status: row.status, attendedAt: row.attended_at?.toISOString() ?? null };
  }
  if (row.status === "attended") {
    throw invalidTransition(`Cannot mark an attended participant ${status}: their check-in is already recorded`);
  }
  if (!ALLOWED_FROM[status].has(row.status)) {
    throw invalidTransition(`Cannot mark a ${row.status} participant ${status}: only accepted participants have a place`);
  }
  const [updated] = await tx<{ status: AttendanceRecord["status"]; attended_at: Date | null }[]>`
    update public.event_participants
    set status = ${status}, attended_at = ${status === "attended" ? now : null}
    where id = ${row.id}
    returning status, attended_at`;
  if (!updated) throw new Error("Update returned no row");
  if (row.user_id) {
    await notify(tx, {
      recipientId: row.user_id,
      kind: "attendance_recorded",
      content: status === "attended"
        ? `Attendance recorded: you're checked in to "${event.title}".`
        : `You were marked absent from "${event.title}".`,
      eventId: event.id,
      actorId: options.actorId,
      data: { participantId: row.id, status },
    });
  }
  return { participantId: row.id, eventId: event.id, status: updated.status, attendedAt: updated.attended_at?.toISOString() ?? null };
}
