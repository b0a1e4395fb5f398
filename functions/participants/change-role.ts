// §3.6 C: only the organizer (or an admin) changes a participant's role. A promotion to the team
// role `committee` is a new invitation: the row goes back to pending until the person accepts
// (the original changed roles silently).
import type { ChangeRoleInput, Participant } from "../_shared/contracts/participation.ts";
import { forbidden } from "../_shared/errors.ts";
import { requireFreeSeat } from "../_shared/participation/capacity.ts";
import { loadManagedParticipant } from "../_shared/participation/load-managed-participant.ts";
import { isAudienceRole, readParticipant, toParticipant } from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify } from "../_shared/participation/side-effects.ts";

export async function changeRole(
  { t, caller, params, body, now }: OperationContext<{ participantId: string }, ChangeRoleInput>,
): Promise<Participant> {
  const { event, access, row } = await loadManagedParticipant(t, caller, params.participantId);
  if (!access.isOrganizer && !access.isAdmin) {
    throw forbidden(`Cannot change roles in "${event.title}": only the organizer or an admin changes roles`);
  }
  if (row.role === "organizer") throw invalidTransition("Cannot change the organizer's role: transfer the event instead");
  if (!row.user_id) throw invalidTransition("Cannot change the role of a guest walk-in");
  if (row.role === body.role) throw invalidTransition(`Cannot change the role: the participant already is ${body.role}`);
  if (row.status !== "pending" && row.status !== "accepted") {
    throw invalidTransition(`Cannot change the role of a ${row.status} participant`);
  }
  if (event.status !== "draft" && event.status !== "published") {
    throw invalidTransition(`Cannot change roles in "${event.title}": the event is ${event.status}`);
  }
  if (event.endsAt && event.endsAt <= now) {
    throw invalidTransition(`Cannot change roles in "${event.title}": the event is over`);
  }
  const isPromotionToTeam = body.role === "committee";
  if (!isPromotionToTeam && row.status === "accepted" && isAudienceRole(body.role) && !isAudienceRole(row.role)) {
    await requireFreeSeat(t.tx, event);
  }
  if (isPromotionToTeam) {
    await t.tx`
      update public.event_participants
      set role = 'committee', status = 'pending', join_method = 'invited', invited_by = ${caller.id}, responded_at = null
      where id = ${row.id}`;
  } else {
    await t.tx`update public.event_participants set role = ${body.role} where id = ${row.id}`;
  }
  await notify(t.tx, {
    recipientId: row.user_id,
    kind: "role_changed",
    content: isPromotionToTeam
      ? `You're invited to join the committee of "${event.title}": accept or decline the invitation.`
      : `Your role in "${event.title}" is now ${body.role}.`,
    eventId: event.id,
    actorId: caller.id,
    data: { participantId: row.id, role: body.role, previousRole: row.role },
  });
  await enqueueEmail(t.tx, {
    recipientId: row.user_id,
    template: "role_updated",
    data: { recipientName: row.full_name ?? undefined, eventId: event.id, eventTitle: event.title, role: body.role },
    dedupeKey: `role_updated:${row.id}:${now.toISOString()}`,
  });
  return toParticipant(await readParticipant(t.tx, row.id));
}
