// Fixtures for the reviews HTTP tests, arranged as the project owner straight in the database
// (sign-up through auth.users, so the data model's triggers build users and profiles). Every
// handle gets a per-file prefix so parallel test files never share rows.
import { randomUUID } from "node:crypto";
import { testSql, tokenFor } from "./harness.ts";

export interface FixtureUser {
  id: string;
  email: string;
  token: string;
}

export async function createUser(handle: string, options: { fullName?: string } = {}): Promise<FixtureUser> {
  const sql = testSql();
  const id = randomUUID();
  const email = `${handle}-${id.slice(0, 8)}@reviews.test`;
  await sql`
    insert into auth.users (id, email, email_confirmed_at, raw_user_meta_data)
    values (${id}, ${email}, now(), ${sql.json({ full_name: options.fullName ?? handle })})`;
  return { id, email, token: await tokenFor(email) };
}

/** Several users at once, typed as a tuple of the same length as `handles`. */
export function createUsers<const Handles extends readonly string[]>(handles: Handles): Promise<{ [K in keyof Handles]: FixtureUser }> {
  return Promise.all(handles.map((handle) => createUser(handle))) as Promise<{ [K in keyof Handles]: FixtureUser }>;
}

export async function suspend(user: FixtureUser): Promise<void> {
  await testSql()`update public.users set status = 'suspended', suspended_reason = 'Test suspension' where id = ${user.id}`;
}

export async function makeAdmin(user: FixtureUser): Promise<void> {
  await testSql()`insert into public.user_roles (user_id, role, status) values (${user.id}, 'admin', 'approved')`;
}

export async function makeApprovedExpert(user: FixtureUser): Promise<void> {
  await testSql()`insert into public.user_roles (user_id, role, status) values (${user.id}, 'expert', 'pending')`;
  await testSql()`update public.user_roles set status = 'approved' where user_id = ${user.id} and role = 'expert'`;
}

/**
 * An event that ended `endedDaysAgo` days ago (published → ended, as the scheduler does), or one
 * still running, or cancelled.
 */
export async function createEvent(
  organizer: FixtureUser,
  options: { title?: string; state?: "ended" | "published" | "cancelled"; endedDaysAgo?: number; organizationId?: string } = {},
): Promise<string> {
  const sql = testSql();
  const endedDaysAgo = options.endedDaysAgo ?? 1;
  const state = options.state ?? "ended";
  const endsAt = state === "published" ? "now() + interval '1 day'" : `now() - interval '${endedDaysAgo} days'`;
  const [row] = await sql.unsafe<{ id: string }[]>(
    `insert into public.events (organizer_id, organization_id, title, format, start_datetime, end_datetime)
     values ($1, $2, $3, 'workshop', ${endsAt} - interval '2 hours', ${endsAt}) returning id`,
    [organizer.id, options.organizationId ?? null, options.title ?? "Rust 101"],
  );
  const eventId = row!.id;
  await sql`update public.events set status = 'published' where id = ${eventId}`;
  if (state === "ended") await sql`update public.events set status = 'ended' where id = ${eventId}`;
  if (state === "cancelled") await sql`update public.events set status = 'cancelled' where id = ${eventId}`;
  return eventId;
}

export type FixtureRole = "committee" | "speaker" | "sponsor" | "audience" | "student" | "teacher";

/** A participant row in its final state; `attended` goes through `accepted` as check-in does. */
export async function addParticipant(
  eventId: string,
  user: FixtureUser,
  options: { role: FixtureRole; status: "pending" | "accepted" | "attended" | "rejected" },
): Promise<void> {
  const sql = testSql();
  const first = options.status === "attended" ? "accepted" : options.status;
  await sql`
    insert into public.event_participants (event_id, user_id, role, join_method, status)
    values (${eventId}, ${user.id}, ${options.role}, ${options.role === "audience" ? "registered" : "invited"}, ${first})`;
  if (options.status === "attended") {
    await sql`update public.event_participants set status = 'attended' where event_id = ${eventId} and user_id = ${user.id}`;
  }
}

/** Ends a published event (as the scheduler would), keeping its participants' final states. */
export async function endEvent(eventId: string): Promise<void> {
  await testSql()`update public.events set status = 'ended' where id = ${eventId}`;
}

export async function createOrganization(owner: FixtureUser, options: { name?: string; approved?: boolean } = {}): Promise<string> {
  const sql = testSql();
  const [row] = await sql<{ id: string }[]>`
    insert into public.organizations (owner_id, name) values (${owner.id}, ${options.name ?? "Rustaceans"}) returning id`;
  if (options.approved ?? true) await sql`update public.organizations set status = 'approved' where id = ${row!.id}`;
  return row!.id;
}

export async function addMember(organizationId: string, user: FixtureUser): Promise<void> {
  await testSql()`
    insert into public.organization_members (org_id, user_id, role, status) values (${organizationId}, ${user.id}, 'member', 'active')`;
}

export async function reviewRows(filter: { eventId?: string; organizationId?: string }) {
  const sql = testSql();
  return filter.eventId
    ? sql<{ id: string; reviewer_id: string; reviewee_id: string; rating: number; comment: string | null; deleted_at: Date | null }[]>`
        select id, reviewer_id, reviewee_id, rating, comment, deleted_at from public.reviews where event_id = ${filter.eventId}`
    : sql<{ id: string; reviewer_id: string; reviewee_id: string; rating: number; comment: string | null; deleted_at: Date | null }[]>`
        select id, reviewer_id, reviewee_id, rating, comment, deleted_at from public.reviews where org_id = ${filter.organizationId!}`;
}
