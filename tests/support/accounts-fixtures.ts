// Fixtures for the accounts, admin and organizations HTTP tests: users by handle through the
// `tests.*` SQL helpers, real tokens through the access-token hook, and row checks. Every test
// file passes its own handle prefix, because files run in parallel on one database.
import { expect } from "vitest";
import { type FunctionReply, testSql, tokenFor } from "./harness.ts";

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
  return { handle, id: row!.id, email, token: () => tokenFor(email) };
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
