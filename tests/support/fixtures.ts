// The one fixture module of the HTTP tests: users, events, organizations and participant rows made
// through the real schema as the project owner (testSql), so triggers and state machines run as
// they would for Auth and the functions; readers of what the functions wrote (notifications,
// outbox, audit log); and the assertions every suite shares. Every handle gets a random suffix, so
// test files running in parallel on one database, and reruns against ATAS_TEST_DB_URL, never
// collide. Time is real: an event "in progress" is created with a start in the past.
import { randomBytes, randomUUID } from "node:crypto";
import { expect, inject } from "vitest";
import { authIssuer } from "../../scripts/lib/tokens.mjs";
import { callFunction, type FunctionReply, signClaims, testSql } from "./harness.ts";

// ── Users ────────────────────────────────────────────────────────────────────────────────────────

export type AppRole = "student" | "teacher" | "expert" | "sponsor" | "admin";

export interface TestUser {
  /** The handle as created (with its random suffix): what tests.* SQL helpers take. */
  handle: string;
  id: string;
  email: string;
  /**
   * An access token minted when the user was created: Auth's base claims passed through our
   * access-token hook, signed with the local secret. A later suspension or role change leaves it
   * as it was (the database, not the token, must refuse: rule 7.2).
   */
  token: string;
}

export interface UserOptions {
  roles?: AppRole[];
  /** Shorthand for roles student + admin. */
  admin?: boolean;
  status?: "active" | "inactive" | "suspended";
}

/** A prefix unique to this file and run, for handles and titles a test wants to recognise. */
export function fixturePrefix(tag: string): string {
  return `${tag}${randomBytes(3).toString("hex")}`;
}

/**
 * The claims Auth would put in an access token for these users: its base claims passed through
 * our access-token hook in the database. (Built here rather than with tests.access_token_claims,
 * whose lookup scans every account per row and takes seconds once a database holds a few hundred.)
 */
async function hookClaims(userIds: string[]): Promise<Map<string, Record<string, unknown>>> {
  // Auth's issuer for this test stack: its own functions origin.
  const issuer = authIssuer(new URL(inject("functionsUrl")).origin);
  const rows = await testSql()<Array<{ id: string; claims: Record<string, unknown> }>>`
    select u.id, private.custom_access_token_hook(jsonb_build_object(
      'user_id', u.id,
      'authentication_method', 'password',
      'claims', jsonb_build_object(
        'iss', ${issuer}::text, 'sub', u.id, 'aud', 'authenticated',
        'exp', floor(extract(epoch from now()))::bigint + 3600, 'iat', floor(extract(epoch from now()))::bigint,
        'email', u.email, 'phone', '', 'app_metadata', u.raw_app_meta_data, 'user_metadata', u.raw_user_meta_data,
        'role', 'authenticated', 'aal', 'aal1',
        'amr', jsonb_build_array(jsonb_build_object('method', 'password', 'timestamp', floor(extract(epoch from now()))::bigint)),
        'session_id', gen_random_uuid(), 'is_anonymous', false))) -> 'claims' as claims
    from auth.users u where u.id = any(${userIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.claims]));
}

/** A token minted now, with the user's current roles and status (after setRole, for instance). */
export async function freshToken(user: Pick<TestUser, "id">): Promise<string> {
  return signClaims((await hookClaims([user.id])).get(user.id)!);
}

/**
 * Several accounts in one round trip (tests.create_user: a real sign-up row set), typed as a
 * tuple as long as `handles`; each handle gets a random suffix.
 */
export async function createUsers<const Handles extends readonly string[]>(
  handles: Handles,
  options: UserOptions = {},
): Promise<{ [K in keyof Handles]: TestUser }> {
  const sql = testSql();
  const suffix = randomUUID().slice(0, 8);
  const roles = options.roles ?? (options.admin ? ["student", "admin"] : ["student"]);
  const rows = await sql<Array<{ handle: string; id: string; email: string }>>`
    with made as (
      select t.ordinality, t.handle || '-' || ${suffix} as handle
      from unnest(${handles as unknown as string[]}::text[]) with ordinality as t(handle, ordinality)
    ), created as (
      select ordinality, handle,
             tests.create_user(handle, ${`{${roles.join(",")}}`}::public.app_role[], ${options.status ?? "active"}::public.user_status) as id
      from made
    )
    select handle, id, tests.email_of(handle) as email from created order by ordinality`;
  const claims = await hookClaims(rows.map((row) => row.id));
  return await Promise.all(rows.map(async (row) => ({ ...row, token: await signClaims(claims.get(row.id)!) }))) as {
    [K in keyof Handles]: TestUser;
  };
}

export async function createUser(handle: string, options: UserOptions = {}): Promise<TestUser> {
  const [user] = await createUsers([handle], options);
  return user;
}

/** Suspends an account directly, as an admin's action would, keeping tokens minted before. */
export async function suspend(user: TestUser, reason = "Suspended by the test"): Promise<void> {
  await testSql()`update public.users set status = 'suspended', suspended_reason = ${reason} where id = ${user.id}`;
}

/** A platform role in a given state (tests.set_role: as an admin's decision would leave it). */
export async function setRole(user: TestUser, role: AppRole, status: "pending" | "approved" | "rejected" | "revoked"): Promise<void> {
  await testSql()`select tests.set_role(${user.handle}, ${role}::public.app_role, ${status}::public.role_status)`;
}

export async function roleStatus(userId: string, role: AppRole): Promise<string | null> {
  const [row] = await testSql()<{ status: string }[]>`select status from public.user_roles where user_id = ${userId} and role = ${role}`;
  return row?.status ?? null;
}

// ── Organizations ───────────────────────────────────────────────────────────────────────────────

/** tests.create_org: owned by `owner`, approved and public unless told otherwise; returns its id. */
export async function createOrg(
  name: string,
  owner: TestUser,
  options: { status?: "pending" | "approved" | "rejected"; visibility?: "public" | "private" } = {},
): Promise<string> {
  const [row] = await testSql()<{ id: string }[]>`
    select tests.create_org(${name}, owner => ${owner.handle}, status => ${options.status ?? "approved"}::public.organization_status,
                            visibility => ${options.visibility ?? "public"}::public.visibility) as id`;
  return row!.id;
}

/** An active plain member of an organization. */
export async function addMember(organizationId: string, user: TestUser): Promise<void> {
  await testSql()`
    insert into public.organization_members (org_id, user_id, role, status) values (${organizationId}, ${user.id}, 'member', 'active')`;
}

// ── Events and participants ─────────────────────────────────────────────────────────────────────

export interface EventOptions {
  title?: string;
  description?: string | null;
  /** draft stays a draft; the others walk §3.4 from published. */
  status?: "draft" | "published" | "ended" | "cancelled";
  visibility?: "public" | "private";
  type?: "online" | "physical" | "hybrid";
  /** Minutes from now to the start (negative: already started). Default: 7 days ahead. */
  startsInMinutes?: number;
  /** Places the event so that it ended this many days ago (instead of startsInMinutes). */
  endedDaysAgo?: number;
  durationMinutes?: number;
  maxParticipant?: number | null;
  /** Free events only (paid ones are never auto-accepted). Default true. */
  autoAccept?: boolean;
  paid?: boolean;
  registration?: "opened" | "closed";
  timezone?: string;
  isAttendanceEnabled?: boolean;
  organizationId?: string;
}

export interface TestEvent {
  id: string;
  title: string;
}

/** An event of `organizer` (the organizer row comes from the data model's trigger). */
export async function createEvent(organizer: TestUser, options: EventOptions = {}): Promise<TestEvent> {
  const sql = testSql();
  const title = options.title ?? `Event of ${organizer.handle}`;
  const duration = options.durationMinutes ?? 120;
  const startsIn = options.endedDaysAgo !== undefined ? -(options.endedDaysAgo * 24 * 60 + duration) : options.startsInMinutes ?? 7 * 24 * 60;
  const paid = options.paid ?? false;
  const [row] = await sql<Array<{ id: string }>>`
    insert into public.events (organizer_id, organization_id, title, description, format, type, start_datetime, end_datetime,
                               timezone, registration_type, price, auto_accept_registration, max_participant, visibility,
                               venue_remark, is_attendance_enabled)
    values (${organizer.id}, ${options.organizationId ?? null}, ${title},
            ${options.description === undefined ? "A test event" : options.description}, 'workshop', ${options.type ?? "physical"},
            now() + make_interval(mins => ${startsIn}), now() + make_interval(mins => ${startsIn + duration}),
            ${options.timezone ?? "Asia/Kuala_Lumpur"}, ${paid ? "paid" : "free"}, ${paid ? 25 : 0},
            ${paid ? false : options.autoAccept ?? true}, ${options.maxParticipant ?? null},
            ${options.visibility ?? "public"}, 'Block B, room 4', ${options.isAttendanceEnabled ?? true})
    returning id`;
  const id = row!.id;
  const status = options.status ?? "published";
  if (status !== "draft") await sql`update public.events set status = 'published' where id = ${id}`;
  if (status === "published" && options.registration === "closed") {
    await sql`update public.events set registration_status = 'closed' where id = ${id}`;
  }
  if (status === "ended") await sql`update public.events set status = 'ended' where id = ${id}`;
  if (status === "cancelled") await sql`update public.events set status = 'cancelled', cancel_reason = 'Test: cancelled' where id = ${id}`;
  return { id, title };
}

/** Ends a published event (as the scheduler would), keeping its participants' final states. */
export async function endEvent(eventId: string): Promise<void> {
  await testSql()`update public.events set status = 'ended' where id = ${eventId}`;
}

/** Moves a not-yet-started event so it started `minutesAgo` minutes ago (the clock moving on). */
export async function moveEventStart(eventId: string, minutesAgo: number, durationMinutes = 120): Promise<void> {
  await testSql()`update public.events set start_datetime = now() - make_interval(mins => ${minutesAgo}),
           end_datetime = now() - make_interval(mins => ${minutesAgo}) + make_interval(mins => ${durationMinutes})
           where id = ${eventId}`;
}

export type ParticipantStatus = "pending" | "accepted" | "waitlisted" | "rejected" | "attended" | "absent";
export type ParticipantRole = "committee" | "speaker" | "sponsor" | "audience" | "student" | "teacher";
export type JoinMethod = "invited" | "registered" | "applied" | "walk_in" | "booking";

export interface ParticipantOptions {
  role?: ParticipantRole;
  status?: ParticipantStatus;
  /** Default: `registered` for audience roles, `invited` for the team, speakers and sponsors. */
  joinMethod?: JoinMethod;
  paymentStatus?: "pending" | "verified" | "rejected";
  /** `<eventId>/<userId>/<file>` in the payment-proofs bucket. */
  proofPath?: string;
}

const AUDIENCE_ROLES: ReadonlySet<string> = new Set(["audience", "student", "teacher"]);

/**
 * A participant row in any status, walking §3.6 as the functions would (rejected via pending;
 * attended and absent via accepted); returns the row id.
 */
export async function addParticipant(event: string | { id: string }, user: TestUser, options: ParticipantOptions = {}): Promise<string> {
  const sql = testSql();
  const eventId = typeof event === "string" ? event : event.id;
  const role = options.role ?? "audience";
  const status = options.status ?? "accepted";
  const joinMethod = options.joinMethod ?? (AUDIENCE_ROLES.has(role) ? "registered" : "invited");
  const first = status === "attended" || status === "absent" ? "accepted" : status === "rejected" ? "pending" : status;
  const [row] = await sql<{ id: string }[]>`
    insert into public.event_participants (event_id, user_id, role, join_method, status, payment_status, payment_proof_url)
    values (${eventId}, ${user.id}, ${role}, ${joinMethod}, ${first},
            ${options.paymentStatus ?? null}, ${options.proofPath ? `payment-proofs/${options.proofPath}` : null})
    returning id`;
  if (first !== status) await sql`update public.event_participants set status = ${status} where id = ${row!.id}`;
  return row!.id;
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

export async function createCast(prefix: string, eventOptions: EventOptions = {}, tag = "c"): Promise<Cast> {
  const [organizer, committee, pendingCommittee, participant, stranger] = await createUsers(
    [`${prefix}${tag}olga`, `${prefix}${tag}cora`, `${prefix}${tag}pete`, `${prefix}${tag}paula`, `${prefix}${tag}stan`] as const,
  );
  const event = await createEvent(organizer, eventOptions);
  await addParticipant(event, committee, { role: "committee" });
  await addParticipant(event, pendingCommittee, { role: "committee", status: "pending" });
  const participantRowId = await addParticipant(event, participant);
  return { organizer, committee, pendingCommittee, participant, stranger, event, participantRowId };
}

/** What the participants suites each set up first: the cast around one event (`eventOptions`) and a platform admin. */
export async function participationScene(prefix: string, eventOptions: EventOptions = {}): Promise<{ cast: Cast; admin: TestUser }> {
  const [cast, admin] = await Promise.all([createCast(prefix, eventOptions), createUser(`${prefix}adam`, { roles: ["admin"] })]);
  return { cast, admin };
}

/** Waits out the last seconds of a 15-minute check-in slot so a fetched code stays current. */
export async function awayFromSlotEdge(): Promise<void> {
  const slotMs = 15 * 60 * 1000;
  const left = slotMs - (Date.now() % slotMs);
  if (left < 4000) await new Promise((resolve) => setTimeout(resolve, left + 250));
}

// ── Readers: what the functions wrote ───────────────────────────────────────────────────────────

export async function eventRow(eventId: string) {
  const [row] = await testSql()`select * from public.events where id = ${eventId}`;
  return row!;
}

export async function participantRows(eventId: string) {
  return await testSql()`select * from public.event_participants where event_id = ${eventId} order by created_at, id`;
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

const idOf = (who: string | { id: string }) => (typeof who === "string" ? who : who.id);

/** A user's notifications, oldest first; only those of `kind` when given. */
export async function notificationsOf(
  who: string | { id: string },
  kind?: string,
): Promise<Array<{ kind: string; content: string; data: Record<string, unknown> }>> {
  return await testSql()<Array<{ kind: string; content: string; data: Record<string, unknown> }>>`
    select kind, content, data from public.notifications
    where recipient_id = ${idOf(who)} and (${kind ?? null}::text is null or kind::text = ${kind ?? null})
    order by created_at`;
}

/** E-mails queued in the outbox for a user, oldest first; only those of `template` when given. */
export async function outboxOf(
  who: string | { id: string },
  template?: string,
): Promise<Array<{ template: string; data: Record<string, unknown> }>> {
  return await testSql()<Array<{ template: string; data: Record<string, unknown> }>>`
    select template, data from private.email_outbox
    where recipient_user_id = ${idOf(who)} and (${template ?? null}::text is null or template = ${template ?? null})
    order by id`;
}

/** Audit entries about one target, for one action. */
export async function auditRowsFor(targetId: string, action: string): Promise<Array<{ actor_id: string | null }>> {
  return await testSql()<Array<{ actor_id: string | null }>>`
    select actor_id from public.audit_logs where target_id = ${targetId} and action = ${action}`;
}

/** The `n` of a `select count(*)::int as n …` query. */
export async function countRows(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return row?.n ?? 0;
}

export async function reviewRows(filter: { eventId?: string; organizationId?: string }) {
  const sql = testSql();
  return filter.eventId
    ? sql<{ id: string; reviewer_id: string; reviewee_id: string; rating: number; comment: string | null; deleted_at: Date | null }[]>`
        select id, reviewer_id, reviewee_id, rating, comment, deleted_at from public.reviews where event_id = ${filter.eventId}`
    : sql<{ id: string; reviewer_id: string; reviewee_id: string; rating: number; comment: string | null; deleted_at: Date | null }[]>`
        select id, reviewer_id, reviewee_id, rating, comment, deleted_at from public.reviews where org_id = ${filter.organizationId!}`;
}

// ── "Nothing changed" fingerprints ──────────────────────────────────────────────────────────────

/** Everything a lifecycle request could change about one event, to prove a refusal changed nothing. */
export async function eventState(eventId: string): Promise<string> {
  const sql = testSql();
  const [event] = await sql`select to_jsonb(e) - 'participant_count' as row from public.events e where e.id = ${eventId}`;
  const participants = await sql`select to_jsonb(p) as row from public.event_participants p where p.event_id = ${eventId} order by p.id`;
  const [counts] = await sql`
    select (select count(*) from public.notifications n where n.data ->> 'event_id' = ${eventId}) as notifications,
           (select count(*) from public.audit_logs a where a.target_id = ${eventId}) as audits`;
  return JSON.stringify({ event: event?.row, participants: participants.map((p) => p.row), counts });
}

/** Every participant row and walk-in token of an event, for "nothing changed" checks. */
export async function eventSnapshot(eventId: string): Promise<string> {
  const rows = await testSql()`
    select id, user_id, role, status, join_method, payment_status, payment_proof_url, attended_at, updated_at
    from public.event_participants where event_id = ${eventId} order by id`;
  const tokens = await testSql()`select id, is_active, current_uses from public.event_walk_in_tokens where event_id = ${eventId} order by id`;
  return JSON.stringify({ rows, tokens });
}

/**
 * A digest of every row the given users and organizations own or caused: their accounts, roles,
 * profiles, organizations, memberships, bank details, events' states, the notifications they
 * caused and the audit entries about or by them. Equal before and after = nothing was written.
 */
export async function fingerprint(userIds: string[], orgIds: string[]): Promise<string> {
  const ids = [...userIds, ...orgIds];
  const [row] = await testSql()<{ digest: string }[]>`
    select md5(concat_ws(' | ',
      (select string_agg(u::text, ',' order by u.id) from public.users u where u.id = any(${userIds}::uuid[])),
      (select string_agg(r::text, ',' order by r.user_id, r.role) from public.user_roles r where r.user_id = any(${userIds}::uuid[])),
      (select string_agg(p::text, ',' order by p.user_id) from public.profiles p where p.user_id = any(${userIds}::uuid[])),
      (select string_agg(o::text, ',' order by o.id) from public.organizations o
        where o.id = any(${orgIds}::uuid[]) or o.owner_id = any(${userIds}::uuid[])),
      (select string_agg(m::text, ',' order by m.org_id, m.user_id) from public.organization_members m
        where m.org_id = any(${orgIds}::uuid[]) or m.user_id = any(${userIds}::uuid[])),
      (select string_agg(b::text, ',' order by b.organization_id) from public.organization_bank_details b
        where b.organization_id = any(${orgIds}::uuid[])),
      (select string_agg(e.id::text || e.status::text, ',' order by e.id) from public.events e where e.organizer_id = any(${userIds}::uuid[])),
      (select count(*)::text from public.notifications n where n.actor_id = any(${userIds}::uuid[])),
      (select count(*)::text from public.audit_logs a where a.actor_id = any(${userIds}::uuid[]) or a.target_id = any(${ids}::uuid[]))
    )) as digest`;
  return row!.digest;
}

// ── Calls and assertions ────────────────────────────────────────────────────────────────────────

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export type Reply = FunctionReply<ErrorBody & Record<string, unknown>>;

export function call(path: string, options: { method?: string; token?: string | null; body?: unknown; rawBody?: string } = {}): Promise<Reply> {
  return callFunction(path, options);
}

/** A JSON body larger than the 64 KiB limit. */
export const OVERSIZE_BODY = JSON.stringify({ padding: "x".repeat(70 * 1024) });

/** The reply is our error shape with this status and code, and a sentence-case message without a final period. */
export function expectError(reply: FunctionReply<unknown>, status: number, code: string): void {
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status, body: { error: { code } } });
  const message = (reply.body as ErrorBody).error.message;
  expect(message).toMatch(/^[A-Z]/);
  expect(message).not.toMatch(/\.$/);
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

interface ContractRoute {
  method: string;
  path: string;
  responses: Record<number, { schema?: { safeParse(value: unknown): { success: boolean; error?: unknown } } }>;
}

/** The reply's status is a documented success of this route and its body parses with that schema. */
export function expectContract(routes: ContractRoute[], method: string, path: string, reply: FunctionReply<unknown>): void {
  const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
  expect(route, `${method} ${path} is in the contract`).toBeDefined();
  const response = route!.responses[reply.status];
  expect({ route: `${method} ${path}`, status: reply.status, documented: response !== undefined, body: response ? "…" : reply.body })
    .toEqual({ route: `${method} ${path}`, status: reply.status, documented: true, body: "…" });
  const parsed = response!.schema?.safeParse(reply.body);
  expect({ route: `${method} ${path}`, error: parsed && !parsed.success ? parsed.error : null }).toEqual({ route: `${method} ${path}`, error: null });
}
