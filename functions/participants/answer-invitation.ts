// §3.6 C: the invitee accepts or declines their OWN pending invitation, before the event starts and
// never for a cancelled or ended event. The answer is a choice, not a status (rule 7.3).
import type { AnswerInvitationInput, Participant } from "../_shared/contracts/participation.ts";
import { notFound } from "../_shared/errors.ts";
import { requireFreeSeat } from "../_shared/participation/capacity.ts";
import { loadParticipationEvent } from "../_shared/event-access.ts";
import {
  displayName,
  isAudienceRole,
  lockOwnParticipant,
  readParticipant,
  toParticipant,
} from "../_shared/participation/participant-rows.ts";
import { invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify } from "../_shared/participation/side-effects.ts";

export async function answerInvitation(
  { t, caller, params, body, now }: OperationContext<{ eventId: string }, AnswerInvitationInput>,
): Promise<Participant> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  const row = await lockOwnParticipant(t.tx, event.id, caller.id);
  // Expert bookings (§3.6 E) are invitations too.
  if (!row || (row.join_method !== "invited" && row.join_method !== "booking")) throw notFound(`You have no invitation to "${event.title}"`);
  if (row.status !== "pending") {
    throw invalidTransition(`Cannot answer the invitation to "${event.title}": it was already answered (${row.status})`);
  }
  if (event.status !== "draft" && event.status !== "published") {
    throw invalidTransition(`Cannot answer the invitation to "${event.title}": the event is ${event.status}`);
  }
  if (event.startsAt && event.startsAt <= now) {
    throw invalidTransition(`Cannot answer the invitation to "${event.title}": the event has already started`);
  }
  const isAccepting = body.answer === "accept";
  if (isAccepting && isAudienceRole(row.role)) await requireFreeSeat(t.tx, event);
  await t.tx`
    update public.event_participants
    set status = ${isAccepting ? "accepted" : "rejected"}, responded_at = ${now}
    where id = ${row.id}`;

  const verb = isAccepting ? "accepted" : "declined";
  const recipients = new Set([event.organizerId, ...(row.invited_by ? [row.invited_by] : [])]);
  recipients.delete(caller.id);
  for (const recipientId of recipients) {
    await notify(t.tx, {
      recipientId,
      kind: "invitation_answered",
      content: `${displayName(row)} ${verb} your invitation to "${event.title}"${body.message ? `: ${body.message}` : "."}`,
      eventId: event.id,
      actorId: caller.id,
      data: { participantId: row.id, answer: verb, message: body.message ?? null },
    });
  }
  await enqueueEmail(t.tx, {
    recipientId: caller.id,
    template: "participation_decision",
    data: {
      recipientName: row.full_name ?? undefined,
      eventId: event.id,
      eventTitle: event.title,
      about: "invitation",
      decision: isAccepting ? "accepted" : "rejected",
    },
    dedupeKey: `participation_decision:invitation:${row.id}`,
  });
  return toParticipant(await readParticipant(t.tx, row.id));
}
