// §3.6 G, the team's walk-in form: the organizer or an accepted committee member records a person
// at the door, inside the attendance window. The team itself is the credential (no walk-in token).
// The row is always a guest row named by the e-mail (rule 7.12: the team form never creates,
// links or changes an account; a guest who has an account claims the row later, §8 #14), and an
// e-mail already on the list is refused, never touched. Free → attended; paid → pending with the
// payment pending (paid at the door, verified by the organizer). Walk-ins ignore capacity (§8 #4).
import type { TeamWalkInInput, WalkInResult } from "../_shared/contracts/attendance.ts";
import { forbidden } from "../_shared/errors.ts";
import { callerStanding, loadParticipationEvent } from "../_shared/event-access.ts";
import { alreadyParticipant } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { notify } from "../_shared/participation/side-effects.ts";
import { requireAttendanceWindow } from "./attendance-window.ts";

export async function teamWalkIn(
  { t, caller, params, body, now }: OperationContext<{ eventId: string }, TeamWalkInInput>,
): Promise<WalkInResult> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  const access = await callerStanding(t, event, caller);
  if (!access.isTeam) throw forbidden(`Cannot record walk-ins for "${event.title}": only the organizer and accepted committee members do`);
  requireAttendanceWindow(event, now);
  const email = body.email.toLowerCase();
  const [existing] = await t.tx<{ id: string }[]>`
    select p.id from public.event_participants p
    left join public.users u on u.id = p.user_id
    where p.event_id = ${event.id} and (lower(p.guest_email::text) = ${email} or lower(u.email::text) = ${email})`;
  if (existing) throw alreadyParticipant(`${body.email} is already on the list of "${event.title}": check them in instead`);
  const isPaid = event.registrationType === "paid";
  const [inserted] = await t.tx<{ id: string; status: WalkInResult["status"]; payment_status: WalkInResult["paymentStatus"] }[]>`
    insert into public.event_participants
      (event_id, user_id, guest_name, guest_email, role, join_method, status, attended_at, payment_status, invited_by)
    values (${event.id}, null, ${body.name}, ${email}, 'audience', 'walk_in',
            ${isPaid ? "pending" : "attended"}, ${isPaid ? null : now}, ${isPaid ? "pending" : null}, ${caller.id})
    returning id, status, payment_status`;
  if (!inserted) throw new Error("Insert returned no row");
  if (caller.id !== event.organizerId) {
    await notify(t.tx, {
      recipientId: event.organizerId,
      kind: "walk_in_registered",
      content: `New walk-in at "${event.title}": ${body.name}${isPaid ? " (payment pending)" : ""}.`,
      eventId: event.id,
      actorId: caller.id,
      data: { participantId: inserted.id, isGuest: true },
    });
  }
  return { participantId: inserted.id, eventId: event.id, status: inserted.status, paymentStatus: inserted.payment_status };
}
