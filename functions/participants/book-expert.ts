// §3.6 E expert booking: the team books an approved expert for its (draft or published) event.
// A booking is flow C — a pending speaker invitation the expert answers — linked to a proposal
// (the brief) of the same event; the database refuses any booking that is not (trigger
// event_participants_booking_link), so this handler only orders the writes and tells people.
import type { BookExpertInput, Booking } from "../_shared/contracts/participation.ts";
import { forbidden, notFound } from "../_shared/errors.ts";
import { callerStanding, loadParticipationEvent } from "../_shared/event-access.ts";
import { readParticipant, toParticipant } from "../_shared/participation/participant-rows.ts";
import { alreadyParticipant, invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify, profileName } from "../_shared/participation/side-effects.ts";

export async function bookExpert(
  { t, caller, params, body, now }: OperationContext<{ eventId: string }, BookExpertInput>,
): Promise<Booking> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  const access = await callerStanding(t, event, caller);
  if (!access.isTeam) throw forbidden(`Cannot book a speaker for "${event.title}": only the organizer and accepted committee members book`);
  if (event.status !== "draft" && event.status !== "published") {
    throw invalidTransition(`Cannot book a speaker for "${event.title}": the event is ${event.status}`);
  }
  if (event.startsAt && event.startsAt <= now) {
    throw invalidTransition(`Cannot book a speaker for "${event.title}": the event has already started`);
  }
  if (body.expertId === caller.id) throw invalidTransition("Cannot book yourself: you are already on this event's team");
  const [expert] = await t.tx<{ id: string }[]>`
    select id from public.users where id = ${body.expertId} and status = 'active' and deleted_at is null`;
  if (!expert) throw notFound(`User "${body.expertId}" was not found`);

  let proposalId: string;
  if (body.proposal) {
    const [created] = await t.tx<{ id: string }[]>`
      insert into public.event_proposals (event_id, created_by_user_id, title, description)
      values (${event.id}, ${caller.id}, ${body.proposal.title}, ${body.proposal.description ?? null})
      returning id`;
    proposalId = created!.id;
  } else {
    proposalId = body.proposalId!; // the contract requires exactly one of the two
  }

  const [existing] = await t.tx<{ id: string; status: string; role: string }[]>`
    select id, status, role from public.event_participants where event_id = ${event.id} and user_id = ${body.expertId} for update`;
  let participantId: string;
  if (existing && existing.status === "rejected") {
    // A declined or expired booking may be renewed: the same row starts over as pending.
    await t.tx`
      update public.event_participants
      set status = 'pending', role = 'speaker', description = ${body.message ?? null}, join_method = 'booking',
          proposal_id = ${proposalId}, invited_by = ${caller.id}, responded_at = null,
          payment_status = null, payment_proof_url = null, promo_link = null, promo_image_url = null
      where id = ${existing.id}`;
    participantId = existing.id;
  } else if (existing) {
    throw alreadyParticipant(`Cannot book user "${body.expertId}": they already take part in "${event.title}" as ${existing.role} (${existing.status})`);
  } else {
    const [inserted] = await t.tx<{ id: string }[]>`
      insert into public.event_participants (event_id, user_id, role, description, join_method, status, invited_by, proposal_id)
      values (${event.id}, ${body.expertId}, 'speaker', ${body.message ?? null}, 'booking', 'pending', ${caller.id}, ${proposalId})
      returning id`;
    participantId = inserted!.id;
  }
  await notify(t.tx, {
    recipientId: body.expertId,
    kind: "event_invitation",
    content: `You're invited to speak at "${event.title}".`,
    eventId: event.id,
    actorId: caller.id,
    data: { participantId, role: "speaker", proposalId },
  });
  await enqueueEmail(t.tx, {
    recipientId: body.expertId,
    template: "event_invitation",
    data: {
      recipientName: await profileName(t.tx, body.expertId),
      eventId: event.id,
      eventTitle: event.title,
      role: "speaker",
      inviterName: (await profileName(t.tx, caller.id)) ?? "The organizer",
      message: body.message,
    },
    dedupeKey: `event_invitation:${participantId}:${now.toISOString()}`,
  });
  return { participant: toParticipant(await readParticipant(t.tx, participantId)), proposalId: proposalId };
}
