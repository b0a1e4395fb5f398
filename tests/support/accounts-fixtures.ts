// Fixtures for the accounts, admin and organizations HTTP tests: users by handle through the
// `tests.*` SQL helpers, real tokens through the access-token hook, and row checks. Every test
// file passes its own handle prefix, because files run in parallel on one database.
import { expect } from "vitest";
import { type FunctionReply, signClaims, testSql, tokenFor } from "./harness.ts";

export type AppRole = "student" | "teacher" | "expert" | "sponsor" | "admin";

export interface TestUser {
  handle: string;
  id: string;
  email: string;
  token: () => Promise<string>;
}

/** Per process, so a re-run against the same database (ATAS_TEST_DB_URL) never collides. */
const RUN = Math.random().toString(36).slice(2, 8);

export async function createUser(
  baseHandle: string,
  options: { roles?: AppRole[]; status?: "active" | "inactive" | "suspended" } = {},
): Promise<TestUser> {
  const sql = testSql();
  const handle = `${baseHandle}-${RUN}`;
  const roles = options.roles ?? ["student"];
  const [row] = await sql<{ id: string; email: string }[]>`
    select tests.create_user(${handle}, ${`{${roles.join(",")}}`}::public.app_role[], ${options.status ?? "active"}::public.user_status) as id,
           tests.email_of(${handle}) as email`;
  const email = row!.email;
  return { handle, id: row!.id, email, token: () => userToken(handle, email) };
}

/**
 * A real access token: the harness runs our access-token hook as supabase_auth_admin. Where the
 * test connection may not switch to that role (the plain `postgres` connection of a throwaway
 * cluster), the same hook output comes from tests.access_token_claims (the hook called by its
 * owner) and is signed with the same local secret.
 */
async function userToken(handle: string, email: string): Promise<string> {
  try {
    return await tokenFor(email);
  } catch (error) {
    if (!/permission denied to set role/.test(String(error))) throw error;
    const [row] = await testSql()<{ claims: Record<string, unknown> }[]>`select tests.access_token_claims(${handle}) as claims`;
    return signClaims(row!.claims);
  }
}

/** Suspends directly in the database (no function involved), as if an admin just did it. */
export async function suspendDirectly(user: TestUser, reason = "Suspended by the test"): Promise<void> {
  await testSql()`update public.users set status = 'suspended', suspended_reason = ${reason} where id = ${user.id}`;
}

export async function setRole(user: TestUser, role: AppRole, status: "pending" | "approved" | "rejected" | "revoked"): Promise<void> {
  await testSql()`select tests.set_role(${user.handle}, ${role}::public.app_role, ${status}::public.role_status)`;
}

export async function roleStatus(userId: string, role: AppRole): Promise<string | null> {
  const [row] = await testSql()<{ status: string }[]>`select status from public.user_roles where user_id = ${userId} and role = ${role}`;
  return row?.status ?? null;
}

export async function countRows(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return row?.n ?? 0;
}

export function notificationsOf(userId: string, kind: string): Promise<{ n: number }[]> {
  return testSql()<{ n: number }[]>`
    select count(*)::int as n from public.notifications where recipient_id = ${userId} and kind = ${kind}::public.notification_kind`;
}

export function auditRowsFor(targetId: string, action: string): Promise<{ n: number }[]> {
  return testSql()<{ n: number }[]>`
    select count(*)::int as n from public.audit_logs where target_id = ${targetId} and action = ${action}`;
}

export interface ErrorReply {
  error: { code: string; message: string; details?: unknown };
}

/** The reply is our error shape with this status and code, and a sentence-case message without a final period. */
export function expectError(reply: FunctionReply<unknown>, status: number, code: string): void {
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status, body: { error: { code } } });
  const message = (reply.body as ErrorReply).error.message;
  expect(message).toMatch(/^[A-Z]/);
  expect(message).not.toMatch(/\.$/);
}

/** A JSON body larger than the 64 KiB limit. */
export const OVERSIZE_BODY = JSON.stringify({ padding: "x".repeat(70 * 1024) });

/** tests.create_event: a published public event starting in 7 days unless told otherwise; returns its id. */
export async function createEvent(
  title: string,
  organizer: TestUser,
  options: { status?: "draft" | "published" | "ended" | "cancelled"; startsIn?: string } = {},
): Promise<string> {
  const [row] = await testSql()<{ id: string }[]>`
    select tests.create_event(${title}, organizer => ${organizer.handle}, status => ${options.status ?? "published"}::public.event_status,
                              starts_in => ${options.startsIn ?? "7 days"}::interval) as id`;
  return row!.id;
}

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

/** Adds an accepted audience participant. */
export async function addParticipant(eventId: string, user: TestUser, status = "accepted"): Promise<void> {
  await testSql()`insert into public.event_participants (event_id, user_id, role, join_method, status)
                  values (${eventId}, ${user.id}, 'audience', 'registered', ${status}::public.event_participant_status)`;
}

/** Outbox e-mails queued for this user and template (private.email_outbox, the e-mail branch's outbox). */
export function outboxRowsFor(userId: string, template: string): Promise<{ n: number }[]> {
  return testSql()<{ n: number }[]>`
    select count(*)::int as n from private.email_outbox where recipient_user_id = ${userId} and template = ${template}`;
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
