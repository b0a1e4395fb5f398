// Who sees what of an event's participants (DOMAIN.md §4, rule 7.7): the team and admins get every
// row with e-mail and payment; accepted participants get the public names of the other accepted
// people (never guests, never e-mails); everyone else gets counts.
import type { ParticipantCounts, ParticipantList, ParticipantListQuery, PublicParticipant } from "../_shared/contracts/participation.ts";
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

// A cursor is the id of the previous page's last row (team: participant id; names: user id); the
// page after it starts after that row's own sort key, read back from the table. An id that is
// not in the list (a row gone since, or any other uuid) gives an empty page.
async function publicNames(tx: Tx, eventId: string, page: { limit: number; afterUserId: string | null }):
  Promise<{ participants: PublicParticipant[]; nextCursor: string | null }> {
  const rows = await tx<{ user_id: string; full_name: string; role: PublicParticipant["role"] }[]>`
    select p.user_id, pr.full_name, p.role
    from public.event_participants p
    join public.profiles pr on pr.user_id = p.user_id
    where p.event_id = ${eventId} and p.user_id is not null and p.status in ('accepted', 'attended')
      and private.is_visible_profile(p.user_id)
      and (${page.afterUserId}::uuid is null
           or (p.role <> 'organizer', pr.full_name, p.user_id)
              > (select c.role <> 'organizer', cp.full_name, c.user_id from public.event_participants c
                 join public.profiles cp on cp.user_id = c.user_id
                 where c.event_id = ${eventId} and c.user_id = ${page.afterUserId}::uuid))
    order by p.role <> 'organizer', pr.full_name, p.user_id
    limit ${page.limit + 1}`;
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    participants: items.map((row) => ({ userId: row.user_id, name: row.full_name, role: row.role })),
    nextCursor: rows.length > page.limit && last ? last.user_id : null,
  };
}

export async function listEventParticipants(
  { t, caller, params, query }: PublicOperationContext<{ eventId: string }, undefined>,
): Promise<ParticipantList> {
  const { limit, cursor } = query as ParticipantListQuery;
  const event = await loadParticipationEvent(t, params.eventId);
  const counts = await countParticipants(t.tx, event);
  if (!caller) return { view: "public", counts };
  const access = await callerStanding(t, event, caller);
  if (access.isTeam || access.isAdmin) {
    const rows = await listParticipants(t.tx, event.id, { limit: limit + 1, afterId: cursor ?? null });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      view: "team", counts, participants: items.map(toParticipant),
      nextCursor: rows.length > limit && last ? last.id : null,
    };
  }
  const [own] = await t.tx<{ ok: boolean }[]>`select private.is_accepted_participant(${event.id}) as ok`;
  if (own?.ok) return { view: "participant", counts, ...(await publicNames(t.tx, event.id, { limit, afterUserId: cursor ?? null })) };
  return { view: "public", counts };
}
