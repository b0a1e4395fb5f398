// Reading participant rows (function role, after the event's visibility was checked as the
// caller) and shaping them into the `Participant` contract.
import type { Participant } from "../contracts/participation.ts";
import type { Tx } from "../database.ts";

export interface ParticipantRow {
  id: string;
  event_id: string;
  user_id: string | null;
  guest_name: string | null;
  guest_email: string | null;
  full_name: string | null;
  email: string | null;
  role: Participant["role"];
  status: Participant["status"];
  join_method: Participant["joinMethod"];
  description: string | null;
  waitlist_position: number | null;
  payment_status: Participant["paymentStatus"];
  payment_proof_url: string | null;
  invited_by: string | null;
  responded_at: Date | null;
  attended_at: Date | null;
  created_at: Date;
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function toParticipant(row: ParticipantRow): Participant {
  return {
    id: row.id,
    eventId: row.event_id,
    userId: row.user_id,
    name: row.user_id ? row.full_name : row.guest_name,
    email: row.user_id ? row.email : row.guest_email,
    role: row.role,
    status: row.status,
    joinMethod: row.join_method,
    message: row.description,
    waitlistPosition: row.waitlist_position,
    paymentStatus: row.payment_status,
    paymentProofPath: row.payment_proof_url,
    respondedAt: iso(row.responded_at),
    attendedAt: iso(row.attended_at),
    createdAt: row.created_at.toISOString(),
  };
}

function selectParticipants(tx: Tx) {
  return tx`
    select p.id, p.event_id, p.user_id, p.guest_name, p.guest_email::text as guest_email,
           pr.full_name, u.email::text as email, p.role, p.status, p.join_method, p.description,
           p.waitlist_position, p.payment_status, p.payment_proof_url, p.invited_by,
           p.responded_at, p.attended_at, p.created_at
    from public.event_participants p
    left join public.users u on u.id = p.user_id
    left join public.profiles pr on pr.user_id = p.user_id`;
}

/** One row by id, locked for the rest of the transaction. */
export async function lockParticipantById(tx: Tx, participantId: string): Promise<ParticipantRow | null> {
  const rows = await tx<ParticipantRow[]>`${selectParticipants(tx)} where p.id = ${participantId} for update of p`;
  return rows[0] ?? null;
}

/** The caller's own row in an event, locked. */
export async function lockOwnParticipant(tx: Tx, eventId: string, userId: string): Promise<ParticipantRow | null> {
  const rows = await tx<ParticipantRow[]>`
    ${selectParticipants(tx)} where p.event_id = ${eventId} and p.user_id = ${userId} for update of p`;
  return rows[0] ?? null;
}

export async function readParticipant(tx: Tx, participantId: string): Promise<ParticipantRow> {
  const rows = await tx<ParticipantRow[]>`${selectParticipants(tx)} where p.id = ${participantId}`;
  const row = rows[0];
  if (!row) throw new Error(`Participant "${participantId}" vanished inside its own transaction`);
  return row;
}

/**
 * One keyset page of an event's rows for the team, in list order (organizer first, then by status,
 * waitlist position, arrival). The order is the tuple below, all ascending; the page after the row
 * `afterId` starts after that row's own tuple, read from the table (so the cursor is just an id
 * and no timestamp precision is lost on the way through the client).
 */
export async function listParticipants(tx: Tx, eventId: string, page: { limit: number; afterId: string | null }): Promise<ParticipantRow[]> {
  return tx<ParticipantRow[]>`
    ${selectParticipants(tx)}
    where p.event_id = ${eventId}
      and (${page.afterId}::uuid is null
           or (p.role <> 'organizer', p.status, coalesce(p.waitlist_position, 2147483647), p.created_at, p.id)
              > (select c.role <> 'organizer', c.status, coalesce(c.waitlist_position, 2147483647), c.created_at, c.id
                 from public.event_participants c where c.id = ${page.afterId}::uuid and c.event_id = ${eventId}))
    order by p.role <> 'organizer', p.status, coalesce(p.waitlist_position, 2147483647), p.created_at, p.id
    limit ${page.limit}`;
}

/** The event id of a participant row, without locking (to check the event's visibility first). */
export async function participantEventId(tx: Tx, participantId: string): Promise<string | null> {
  const rows = await tx<{ event_id: string }[]>`select event_id from public.event_participants where id = ${participantId}`;
  return rows[0]?.event_id ?? null;
}

export function displayName(row: Pick<ParticipantRow, "user_id" | "full_name" | "guest_name">): string {
  return (row.user_id ? row.full_name : row.guest_name) ?? "A participant";
}

export const AUDIENCE_ROLES: ReadonlyArray<Participant["role"]> = ["audience", "student", "teacher"];

export function isAudienceRole(role: Participant["role"]): boolean {
  return AUDIENCE_ROLES.includes(role);
}
