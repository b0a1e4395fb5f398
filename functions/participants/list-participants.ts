// Who sees what of an event's participants (DOMAIN.md §4, rule 7.7): the team and admins get every
// row with e-mail and payment; accepted participants get the public names of the other accepted
// people (never guests, never e-mails); everyone else gets counts.
import type { ParticipantCounts, ParticipantList, PublicParticipant } from "../_shared/contracts/participation.ts";
import type { Tx } from "../_shared/database.ts";
import { callerStanding, type ParticipationEvent, loadParticipationEvent } from "../_shared/event-access.ts";
import { listParticipants, toParticipant } from "../_shared/participation/participant-rows.ts";
import type { PublicOperationContext } from "../_shared/participation/run-route.ts";

async function countParticipants(tx: Tx, event: ParticipationEvent): Promise<ParticipantCounts> {
  const [row] = await tx<{ accepted: number; attended: number; seats: number }[]>`
    select count(*) filter (where status = 'accepted')::int as accepted,
           count(*) filter (where status = 'attended')::int as attended,
           count(*) filter (where status in ('accepted', 'attended') and role in ('audience', 'student', 'teacher'))::int as seats
    from public.event_participants where event_id = ${event.id}`;
  return { accepted: row?.accepted ?? 0, attended: row?.attended ?? 0, seatsTaken: row?.seats ?? 0, capacity: event.maxParticipant };
}

async function publicNames(tx: Tx, eventId: string): Promise<PublicParticipant[]> {
  const rows = await tx<{ user_id: string; full_name: string; role: PublicParticipant["role"] }[]>`
    select p.user_id, pr.full_name, p.role
    from public.event_participants p
    join public.profiles pr on pr.user_id = p.user_id
    where p.event_id = ${eventId} and p.user_id is not null and p.status in ('accepted', 'attended')
      and private.is_visible_profile(p.user_id)
    order by (p.role = 'organizer') desc, pr.full_name, p.user_id`;
  return rows.map((row) => ({ userId: row.user_id, name: row.full_name, role: row.role }));
}

export async function listEventParticipants(
  { t, caller, params }: PublicOperationContext<{ eventId: string }, undefined>,
): Promise<ParticipantList> {
  const event = await loadParticipationEvent(t, params.eventId);
  const counts = await countParticipants(t.tx, event);
  if (!caller) return { view: "public", counts };
  const access = await callerStanding(t, event, caller);
  if (access.isTeam || access.isAdmin) {
    return { view: "team", counts, participants: (await listParticipants(t.tx, event.id)).map(toParticipant) };
  }
  const [own] = await t.tx<{ ok: boolean }[]>`select private.is_accepted_participant(${event.id}) as ok`;
  if (own?.ok) return { view: "participant", counts, participants: await publicNames(t.tx, event.id) };
  return { view: "public", counts };
}
