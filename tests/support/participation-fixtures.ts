// Fixtures for the participants and attendance HTTP tests: users, events and participant rows made
// through the real schema (triggers and state machines run) with names unique per test file and
// run, so files can share one database in parallel. Time is real: an event "in progress" is
// created with a start in the past, which is how the HTTP tests place "now" in a window.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { callFunction, type FunctionReply, signClaims, testSql } from "./harness.ts";

export interface TestUser {
  handle: string;
  id: string;
  email: string;
  token: string;
}

export type AppRole = "student" | "teacher" | "expert" | "sponsor" | "admin";

/** A prefix unique to this file and run: every handle and event title starts with it. */
export function fixturePrefix(tag: string): string {
  return `${tag}${randomBytes(3).toString("hex")}`;
}

export async function createUser(handle: string, options: { roles?: AppRole[]; status?: "active" | "suspended" } = {}): Promise<TestUser> {
  const sql = testSql();
  const roles = options.roles ?? ["student"];
  const [row] = await sql<{ id: string }[]>`
    select tests.create_user(${handle}, ${roles}::public.app_role[], ${options.status ?? "active"}::public.user_status) as id`;
  const email = `${handle.toLowerCase()}@atas.test`;
  return { handle, id: row!.id, email, token: options.status === "suspended" ? "" : await tokenForHandle(handle) };
}

/**
 * A real access token: Auth's base claims passed through our access-token hook in the database
 * (tests.access_token_claims), signed HS256 with the local secret. (harness.tokenFor switches to
 * supabase_auth_admin, which the `postgres` test connection may not do on this platform base.)
 */
export async function tokenForHandle(handle: string): Promise<string> {
  const [row] = await testSql()<{ claims: Record<string, unknown> }[]>`select tests.access_token_claims(${handle}) as claims`;
  return signClaims(row!.claims);
}

/** Suspends an account after its token was minted (rule 7.2: the old token must stop working). */
export async function suspend(user: TestUser): Promise<void> {
  await testSql()`update public.users set status = 'suspended', suspended_reason = 'Test: suspended after sign-in' where id = ${user.id}`;
}

export interface EventOptions {
  organizer: TestUser;
  status?: "draft" | "published" | "ended" | "cancelled";
  visibility?: "public" | "private";
  type?: "online" | "physical" | "hybrid";
  /** Minutes from now to the start (negative: already started). */
  startsInMinutes?: number;
  durationMinutes?: number;
  maxParticipant?: number | null;
  registrationType?: "free" | "paid";
  isAttendanceEnabled?: boolean;
}

export interface TestEvent {
  id: string;
  title: string;
}

let eventCounter = 0;

/** Creates a draft with the wanted schedule, then walks §3.4 to the wanted status. */
export async function createEvent(prefix: string, options: EventOptions): Promise<TestEvent> {
  const sql = testSql();
  eventCounter += 1;
  const title = `${prefix}event${eventCounter}`;
  const startsIn = options.startsInMinutes ?? 7 * 24 * 60;
  const duration = options.durationMinutes ?? 120;
  const isPaid = options.registrationType === "paid";
  const [row] = await sql<{ id: string }[]>`
    insert into public.events (organizer_id, title, format, type, start_datetime, end_datetime, visibility,
      max_participant, auto_accept_registration, registration_type, price, is_attendance_enabled)
    values (${options.organizer.id}, ${title}, 'workshop', ${options.type ?? "physical"},
      now() + make_interval(mins => ${startsIn}), now() + make_interval(mins => ${startsIn + duration}),
      ${options.visibility ?? "public"}, ${options.maxParticipant ?? null}, ${!isPaid}, ${isPaid ? "paid" : "free"},
      ${isPaid ? 25 : 0}, ${options.isAttendanceEnabled ?? true})
    returning id`;
  const id = row!.id;
  const status = options.status ?? "published";
  if (status !== "draft") await sql`update public.events set status = 'published' where id = ${id}`;
  if (status === "ended") await sql`update public.events set status = 'ended' where id = ${id}`;
  if (status === "cancelled") await sql`update public.events set status = 'cancelled', cancel_reason = 'Test: cancelled' where id = ${id}`;
  return { id, title };
}

export type ParticipantStatus = "pending" | "accepted" | "waitlisted" | "rejected" | "attended" | "absent";
export type ParticipantRole = "committee" | "speaker" | "sponsor" | "audience" | "student" | "teacher";
export type JoinMethod = "invited" | "registered" | "applied" | "walk_in" | "booking";

/** Adds a row in any status by walking §3.6 (rejected via pending; attended/absent via accepted). */
export async function addParticipant(
  event: TestEvent,
  user: TestUser,
  options: { role?: ParticipantRole; status?: ParticipantStatus; joinMethod?: JoinMethod; paymentStatus?: "pending" | "verified" | "rejected"; proofPath?: string } = {},
): Promise<string> {
  const sql = testSql();
  const status = options.status ?? "accepted";
  const first = status === "attended" || status === "absent" ? "accepted" : status === "rejected" ? "pending" : status;
  const [row] = await sql<{ id: string }[]>`
    insert into public.event_participants (event_id, user_id, role, join_method, status, payment_status, payment_proof_url)
    values (${event.id}, ${user.id}, ${options.role ?? "audience"}, ${options.joinMethod ?? "registered"}, ${first},
            ${options.paymentStatus ?? null}, ${options.proofPath ? `payment-proofs/${options.proofPath}` : null})
    returning id`;
  if (first !== status) await sql`update public.event_participants set status = ${status} where id = ${row!.id}`;
  return row!.id;
}

export interface ParticipantSnapshot {
  id: string;
  user_id: string | null;
  role: string;
  status: string;
  join_method: string;
  payment_status: string | null;
  payment_proof_url: string | null;
  attended_at: Date | null;
  guest_email: string | null;
  updated_at: Date;
}

export async function participantRow(eventId: string, userId: string): Promise<ParticipantSnapshot | undefined> {
  const [row] = await testSql()<ParticipantSnapshot[]>`
    select id, user_id, role, status, join_method, payment_status, payment_proof_url, attended_at, guest_email::text, updated_at
    from public.event_participants where event_id = ${eventId} and user_id = ${userId}`;
  return row;
}

/** Every participant row of an event, for "nothing changed" checks. */
export async function eventSnapshot(eventId: string): Promise<string> {
  const rows = await testSql()`
    select id, user_id, role, status, join_method, payment_status, payment_proof_url, attended_at, updated_at
    from public.event_participants where event_id = ${eventId} order by id`;
  const tokens = await testSql()`select id, is_active, current_uses from public.event_walk_in_tokens where event_id = ${eventId} order by id`;
  return JSON.stringify({ rows, tokens });
}

export async function notificationsFor(userId: string, kind: string): Promise<{ content: string; data: Record<string, unknown> }[]> {
  return testSql()<{ content: string; data: Record<string, unknown> }[]>`
    select content, data from public.notifications where recipient_id = ${userId} and kind = ${kind} order by created_at`;
}

export async function outboxFor(userId: string, template: string): Promise<{ data: Record<string, unknown> }[]> {
  return testSql()<{ data: Record<string, unknown> }[]>`
    select data from private.email_outbox where recipient_user_id = ${userId} and template = ${template} order by id`;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export type Reply = FunctionReply<ErrorBody & Record<string, unknown>>;

export function call(path: string, options: { method?: string; token?: string | null; body?: unknown; rawBody?: string } = {}): Promise<Reply> {
  return callFunction(path, options);
}

/**
 * Calls a route that must be refused: checks the status, the error shape and code, and that no
 * participant row or walk-in token of the given events changed.
 */
export async function expectRefused(
  eventIds: string[],
  request: () => Promise<Reply>,
  expected: { status: number; code: string },
): Promise<Reply> {
  const before = await Promise.all(eventIds.map(eventSnapshot));
  const reply = await request();
  expect({ status: reply.status, code: reply.body?.error?.code }).toEqual(expected);
  expect(typeof reply.body.error.message).toBe("string");
  expect(reply.body.error.message.length).toBeGreaterThan(0);
  expect(await Promise.all(eventIds.map(eventSnapshot))).toEqual(before);
  return reply;
}

/** The usual cast around one event: organizer, accepted and pending committee, an accepted participant, a stranger. */
export interface Cast {
  organizer: TestUser;
  committee: TestUser;
  pendingCommittee: TestUser;
  participant: TestUser;
  stranger: TestUser;
  event: TestEvent;
  participantRowId: string;
}

export async function createCast(prefix: string, eventOptions: Omit<EventOptions, "organizer"> = {}, tag = "c"): Promise<Cast> {
  const [organizer, committee, pendingCommittee, participant, stranger] = await Promise.all([
    createUser(`${prefix}${tag}olga`),
    createUser(`${prefix}${tag}cora`),
    createUser(`${prefix}${tag}pete`),
    createUser(`${prefix}${tag}paula`),
    createUser(`${prefix}${tag}stan`),
  ]);
  const event = await createEvent(prefix, { organizer, ...eventOptions });
  await addParticipant(event, committee, { role: "committee", joinMethod: "invited" });
  await addParticipant(event, pendingCommittee, { role: "committee", status: "pending", joinMethod: "invited" });
  const participantRowId = await addParticipant(event, participant);
  return { organizer, committee, pendingCommittee, participant, stranger, event, participantRowId };
}

/** Waits out the last seconds of a 15-minute check-in slot so a fetched code stays current. */
export async function awayFromSlotEdge(): Promise<void> {
  const slotMs = 15 * 60 * 1000;
  const left = slotMs - (Date.now() % slotMs);
  if (left < 4000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}
