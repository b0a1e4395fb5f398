// §3.6 C: the organizer or an ACCEPTED committee member invites a user; only the organizer invites
// `committee`. The invitee gets a notification and an `event_invitation` e-mail.
import type { InviteParticipantInput, Participant } from "../_shared/contracts/participation.ts";
import { forbidden, notFound } from "../_shared/errors.ts";
import { callerStanding, loadParticipationEvent } from "../_shared/event-access.ts";
import { readParticipant, toParticipant } from "../_shared/participation/participant-rows.ts";
import { alreadyParticipant, invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify, profileName } from "../_shared/participation/side-effects.ts";

export async function inviteParticipant(
  { t, caller, params, body, now }: OperationContext<{ eventId: string }, InviteParticipantInput>,
): Promise<Participant> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  const access = await callerStanding(t, event, caller);
  if (!access.isTeam) throw forbidden(`Cannot invite to "${event.title}": only the organizer and accepted committee members invite`);
  if (body.role === "committee" && !access.isOrganizer) {
    throw forbidden(`Cannot invite a committee member to "${event.title}": only the organizer invites committee`);
  }
  if (event.status !== "draft" && event.status !== "published") {
    throw invalidTransition(`Cannot invite to "${event.title}": the event is ${event.status}`);
  }
  if (event.startsAt && event.startsAt <= now) {
    throw invalidTransition(`Cannot invite to "${event.title}": the event has already started`);
  }
  if (body.userId === caller.id) throw invalidTransition("Cannot invite yourself: you are already on this event's team");
  const [invitee] = await t.tx<{ id: string }[]>`
    select id from public.users where id = ${body.userId} and status = 'active' and deleted_at is null`;
  if (!invitee) throw notFound(`User "${body.userId}" was not found`);
  const [existing] = await t.tx<{ id: string; status: string; role: string }[]>`
    select id, status, role from public.event_participants where event_id = ${event.id} and user_id = ${body.userId} for update`;
  let participantId: string;
  if (existing && existing.status === "rejected") {
    // A declined or rejected person may be invited again: the same row starts over as pending.
    await t.tx`
      update public.event_participants
      set status = 'pending', role = ${body.role}, description = ${body.message ?? null}, join_method = 'invited',
          invited_by = ${caller.id}, responded_at = null, payment_status = null, payment_proof_url = null
      where id = ${existing.id}`;
    participantId = existing.id;
  } else if (existing) {
    throw alreadyParticipant(`Cannot invite user "${body.userId}": they already take part in "${event.title}" as ${existing.role} (${existing.status})`);
  } else {
    const [inserted] = await t.tx<{ id: string }[]>`
      insert into public.event_participants (event_id, user_id, role, description, join_method, status, invited_by)
      values (${event.id}, ${body.userId}, ${body.role}, ${body.message ?? null}, 'invited', 'pending', ${caller.id})
      returning id`;
    if (!inserted) throw new Error("Insert returned no row");
    participantId = inserted.id;
  }
  const inviterName = (await profileName(t.tx, caller.id)) ?? "The organizer";
  await notify(t.tx, {
    recipientId: body.userId,
    kind: "event_invitation",
    content: `You're invited to "${event.title}" as ${body.role}.`,
    eventId: event.id,
    actorId: caller.id,
    data: { participantId, role: body.role },
  });
  await enqueueEmail(t.tx, {
    recipientId: body.userId,
    template: "event_invitation",
    data: {
      recipientName: await profileName(t.tx, body.userId),
      eventId: event.id,
      eventTitle: event.title,
      role: body.role,
      inviterName,
      message: body.message,
    },
    dedupeKey: `event_invitation:${participantId}:${now.toISOString()}`,
  });
  return toParticipant(await readParticipant(t.tx, participantId));
}
