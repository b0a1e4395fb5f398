// The event team reads the current rotating check-in code to show it at the door or on screen.
import type { CheckInCode } from "../_shared/contracts/attendance.ts";
import { forbidden } from "../_shared/errors.ts";
import { callerStanding, loadParticipationEvent } from "../_shared/event-access.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { checkinCodeAt } from "./checkin-code.ts";

export function currentCode(secret: string) {
  return async function currentCodeFor(
    { t, caller, params, now }: OperationContext<{ eventId: string }, undefined>,
  ): Promise<CheckInCode> {
    const event = await loadParticipationEvent(t, params.eventId);
    const access = await callerStanding(t, event, caller);
    if (!access.isTeam) throw forbidden(`Cannot show the check-in code of "${event.title}": only the event team sees it`);
    if (event.status !== "published") throw invalidTransition(`Cannot show a check-in code: "${event.title}" is ${event.status}`);
    if (!event.isAttendanceEnabled) throw invalidTransition(`Cannot show a check-in code: attendance is disabled for "${event.title}"`);
    const window = await checkinCodeAt(secret, event.id, now);
    return { eventId: event.id, code: window.code, validFrom: window.validFrom.toISOString(), validUntil: window.validUntil.toISOString() };
  };
}
