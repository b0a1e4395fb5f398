// Fixtures for the events and registrations HTTP tests: real rows arranged through the project
// owner's connection (testSql), exactly what Auth and the data model would create. Every handle
// is prefixed per test file so files running in parallel never share rows.
import { randomUUID } from "node:crypto";
import { signClaims, testSql } from "./harness.ts";

export interface TestUser {
  id: string;
  email: string;
  handle: string;
  token: () => Promise<string>;
}

/**
 * The claims Auth would put in an access token for these users: its base claims passed through
 * our access-token hook in the database. (Built here rather than with tests.access_token_claims,
 * whose lookup scans every account per row and takes seconds once a database holds a few hundred.)
 */
async function hookClaims(userIds: string[]): Promise<Map<string, Record<string, unknown>>> {
  const rows = await testSql()<Array<{ id: string; claims: Record<string, unknown> }>>`
    select u.id, private.custom_access_token_hook(jsonb_build_object(
      'user_id', u.id,
      'authentication_method', 'password',
      'claims', jsonb_build_object(
        'iss', 'http://127.0.0.1:54321/auth/v1', 'sub', u.id, 'aud', 'authenticated',
        'exp', floor(extract(epoch from now()))::bigint + 3600, 'iat', floor(extract(epoch from now()))::bigint,
        'email', u.email, 'phone', '', 'app_metadata', u.raw_app_meta_data, 'user_metadata', u.raw_user_meta_data,
        'role', 'authenticated', 'aal', 'aal1',
        'amr', jsonb_build_array(jsonb_build_object('method', 'password', 'timestamp', floor(extract(epoch from now()))::bigint)),
        'session_id', gen_random_uuid(), 'is_anonymous', false))) -> 'claims' as claims
    from auth.users u where u.id = any(${userIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.claims]));
}

/**
 * A confirmed (active) account made by the data model's `tests.create_user` (a real sign-up row
 * set). Handles get a random suffix so files, and reruns on one database, never collide.
 * The token carries the claims of our access-token hook, signed
 * with the local secret, like the tokens Auth issues; it is minted once, so a later suspension
 * keeps the old token alive (rule 7.2 is then the database's job).
 */
export async function createUser(handle: string, options: { admin?: boolean } = {}): Promise<TestUser> {
  const sql = testSql();
  const unique = `${handle}-${randomUUID().slice(0, 8)}`;
  const roles = options.admin ? ["student", "admin"] : ["student"];
  const [row] = await sql<Array<{ id: string; email: string }>>`
    select tests.create_user(${unique}, ${roles}::public.app_role[]) as id, tests.email_of(${unique}) as email`;
  let token: string | null = null;
  return {
    id: row!.id,
    email: row!.email,
    handle: unique,
    token: async () => {
      if (token) return token;
      const claims = (await hookClaims([row!.id])).get(row!.id)!;
      token = await signClaims(claims);
      return token;
    },
  };
}

/** Suspends an account directly (as an admin's action would), keeping tokens minted before. */
export async function suspend(user: TestUser): Promise<void> {
  await testSql()`update public.users set status = 'suspended', suspended_reason = 'test: suspended' where id = ${user.id}`;
}

export interface EventOptions {
  title?: string;
  status?: "draft" | "published";
  startInMinutes?: number;
  durationMinutes?: number;
  maxParticipant?: number | null;
  autoAccept?: boolean;
  paid?: boolean;
  visibility?: "public" | "private";
  registration?: "opened" | "closed";
  timezone?: string;
  description?: string | null;
}

/** An event of `organizer` (the organizer row comes from the data model's trigger). */
export async function createEvent(organizer: TestUser, options: EventOptions = {}): Promise<string> {
  const sql = testSql();
  const startMinutes = options.startInMinutes ?? 7 * 24 * 60;
  const duration = options.durationMinutes ?? 120;
  const [row] = await sql<Array<{ id: string }>>`
    insert into public.events (organizer_id, title, description, format, type, start_datetime, end_datetime, timezone,
                               registration_type, price, auto_accept_registration, max_participant, visibility, venue_remark)
    values (${organizer.id}, ${options.title ?? `Event of ${organizer.handle}`},
            ${options.description === undefined ? "A test event" : options.description}, 'workshop', 'physical',
            now() + make_interval(mins => ${startMinutes}), now() + make_interval(mins => ${startMinutes + duration}),
            ${options.timezone ?? "Asia/Kuala_Lumpur"}, ${options.paid ? "paid" : "free"}, ${options.paid ? 25 : 0},
            ${options.paid ? false : options.autoAccept ?? true}, ${options.maxParticipant ?? null},
            ${options.visibility ?? "public"}, 'Block B, room 4')
    returning id`;
  const id = row!.id;
  if ((options.status ?? "published") === "published") {
    await sql`update public.events set status = 'published' where id = ${id}`;
    if (options.registration === "closed") await sql`update public.events set registration_status = 'closed' where id = ${id}`;
  }
  return id;
}

/** A participant row written directly (invitations and check-in are other functions' work). */
export async function addParticipant(
  eventId: string,
  user: TestUser,
  options: { role?: string; status?: string; joinMethod?: string } = {},
): Promise<void> {
  await testSql()`
    insert into public.event_participants (event_id, user_id, role, join_method, status)
    values (${eventId}, ${user.id}, ${options.role ?? "audience"}, ${options.joinMethod ?? "registered"}, ${options.status ?? "accepted"})`;
}

export async function eventRow(eventId: string) {
  const [row] = await testSql()`select * from public.events where id = ${eventId}`;
  return row!;
}

export async function participantRows(eventId: string) {
  return await testSql()`select * from public.event_participants where event_id = ${eventId} order by created_at, id`;
}

export async function notificationsOf(user: TestUser) {
  return await testSql()`select kind, content, data from public.notifications where recipient_id = ${user.id} order by created_at`;
}

/** Outbox e-mails queued for a user (empty while the email branch's outbox is absent). */
export async function outboxOf(user: TestUser): Promise<Array<{ template: string; data: Record<string, unknown> }>> {
  const sql = testSql();
  const [present] = await sql`select to_regclass('private.email_outbox') is not null as present`;
  if (!present?.present) return [];
  return await sql`select template, data from private.email_outbox where recipient_user_id = ${user.id} order by id`;
}

/** Moves a not-yet-started event so it started `minutesAgo` minutes ago (the clock moving on). */
export async function moveEventStart(eventId: string, minutesAgo: number, durationMinutes = 120): Promise<void> {
  await testSql()`update public.events set start_datetime = now() - make_interval(mins => ${minutesAgo}),
           end_datetime = now() - make_interval(mins => ${minutesAgo}) + make_interval(mins => ${durationMinutes})
           where id = ${eventId}`;
}

/** Asserts our error shape: status, stable code, a sentence-case message without final period. */
export function expectError(reply: { status: number; body: unknown }, status: number, code: string): void {
  const body = reply.body as { error?: { code?: unknown; message?: unknown } } | null;
  if (reply.status !== status || body?.error?.code !== code) {
    throw new Error(`Expected ${status} ${code}, got ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  const message = String(body.error.message ?? "");
  if (!/^[A-Z]/.test(message) || message.endsWith(".")) throw new Error(`Message is not in sentence case: "${message}"`);
}

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

/** Many active users at once (one round trip), each with a token minted through the hook. */
export async function createUsers(prefix: string, count: number): Promise<TestUser[]> {
  const sql = testSql();
  const suffix = randomUUID().slice(0, 8);
  const rows = await sql<Array<{ handle: string; id: string; email: string }>>`
    with made as (
      select g, ${prefix} || '-' || g || '-' || ${suffix} as handle from generate_series(1, ${count}) g
    ), created as (
      select g, handle, tests.create_user(handle) as id from made
    )
    select handle, id, tests.email_of(handle) as email from created order by g`;
  const claims = await hookClaims(rows.map((row) => row.id));
  return await Promise.all(rows.map(async (row) => {
    const token = await signClaims(claims.get(row.id)!);
    return { id: row.id, email: row.email, handle: row.handle, token: async () => token };
  }));
}
