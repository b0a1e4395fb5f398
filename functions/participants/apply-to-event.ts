// §3.6 D: an approved expert applies as speaker, an approved sponsor as sponsor. Approval is read
// from user_roles now, not from the token's claims (a revoked role stops at once, rule 7.8).
import type { ApplyToEventInput, Participant } from "../_shared/contracts/participation.ts";
import { forbidden } from "../_shared/errors.ts";
import { loadParticipationEvent } from "../_shared/event-access.ts";
import { readParticipant, toParticipant } from "../_shared/participation/participant-rows.ts";
import { alreadyParticipant, invalidTransition } from "../_shared/participation/participation-errors.ts";
import type { OperationContext } from "../_shared/participation/run-route.ts";
import { enqueueEmail, notify, profileName } from "../_shared/participation/side-effects.ts";

const REQUIRED_ROLE = { speaker: "expert", sponsor: "sponsor" } as const;

export async function applyToEvent(
  { t, caller, params, body, now }: OperationContext<{ eventId: string }, ApplyToEventInput>,
): Promise<Participant> {
  const event = await loadParticipationEvent(t, params.eventId, { lock: true });
  const requiredRole = REQUIRED_ROLE[body.role];
  const [approved] = await t.tx<{ ok: boolean }[]>`
    select exists (
      select 1 from public.user_roles
      where user_id = ${caller.id} and role = ${requiredRole} and status = 'approved'
    ) as ok`;
  if (!approved?.ok) {
    throw forbidden(`Cannot apply as ${body.role}: only approved ${requiredRole}s may apply as ${body.role}`);
  }
  if (event.status !== "published") {
    throw invalidTransition(`Cannot apply to "${event.title}": the event is ${event.status}`);
  }
  if (event.startsAt && event.startsAt <= now) {
    throw invalidTransition(`Cannot apply to "${event.title}": the event has already started`);
  }
  const [existing] = await t.tx<{ status: string; role: string }[]>`
    select status, role from public.event_participants where event_id = ${event.id} and user_id = ${caller.id}`;
  if (existing) {
    throw alreadyParticipant(`Cannot apply to "${event.title}": you already take part as ${existing.role} (${existing.status})`);
  }
  const [inserted] = await t.tx<{ id: string }[]>`
    insert into public.event_participants (event_id, user_id, role, description, join_method, status)
    values (${event.id}, ${caller.id}, ${body.role}, ${body.message ?? null}, 'applied', 'pending')
    returning id`;
  if (!inserted) throw new Error("Insert returned no row");
  const applicantName = (await profileName(t.tx, caller.id)) ?? "Someone";
  await notify(t.tx, {
    recipientId: event.organizerId,
    kind: "join_request",
    content: `${applicantName} asks to join "${event.title}" as ${body.role}.`,
    eventId: event.id,
    actorId: caller.id,
    data: { participantId: inserted.id, role: body.role },
  });
  await enqueueEmail(t.tx, {
    recipientId: caller.id,
    template: "event_request_received",
    data: { recipientName: await profileName(t.tx, caller.id), eventId: event.id, eventTitle: event.title },
    dedupeKey: `event_request_received:${inserted.id}`,
  });
  return toParticipant(await readParticipant(t.tx, inserted.id));
}
