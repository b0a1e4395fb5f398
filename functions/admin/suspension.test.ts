// POST /admin/users/:userId/suspend and /reactivate over real HTTP. Locally no Auth server runs,
// so the Auth admin API step reports `unavailable` and the deleted auth.sessions rows are the
// session revocation (see functions/_shared/moderation/auth-sessions.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import {
  addParticipant, auditRowsFor, countRows, createEvent, createUser, expectError, notificationsOf, outboxOf, type TestUser,
} from "../../tests/support/fixtures.ts";

async function statusOf(userId: string): Promise<{ status: string; suspended_reason: string | null; deleted_at: Date | null }> {
  const [row] = await testSql()<{ status: string; suspended_reason: string | null; deleted_at: Date | null }[]>`
    select status, suspended_reason, deleted_at from public.users where id = ${userId}`;
  return row!;
}

/** What an anonymous visitor sees of the profile (RLS as anon, in a rolled-back transaction). */
async function anonSeesProfile(userId: string): Promise<boolean> {
  let seen = false;
  await testSql().begin(async (tx) => {
    await tx`select tests.sign_out()`;
    const rows = await tx`select 1 from public.profiles where user_id = ${userId}`;
    seen = rows.length === 1;
  });
  return seen;
}

describe("admin suspend and reactivate", () => {
  let admin: TestUser;
  let adminToken: string;

  beforeAll(async () => {
    admin = await createUser("sus-admin", { roles: ["admin"] });
    adminToken = await admin.token;
  });

  it("suspends: status, sessions deleted, future events to draft with participants told, hidden, audited; old token writes nothing", async () => {
    const user = await createUser("sus-target");
    const participant = await createUser("sus-participant");
    const sql = testSql();
    const title = `SusEvent${user.id.slice(0, 6)}`;
    const eventId = (await createEvent(user, { title: title })).id;
    await addParticipant(eventId, participant);
    await sql`insert into auth.sessions (id, user_id, created_at) values (gen_random_uuid(), ${user.id}, now()), (gen_random_uuid(), ${user.id}, now())`;
    const tokenBefore = await user.token;
    expect(await anonSeesProfile(user.id)).toBe(true);

    const reply = await callFunction(`admin/users/${user.id}/suspend`, { token: adminToken, body: { reason: "Spam in comments" } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      userId: user.id,
      status: "suspended",
      suspendedReason: "Spam in comments",
      eventsReturnedToDraft: [eventId],
      sessions: { deletedSessions: 2, authAdmin: "unavailable" },
    });
    expect(await statusOf(user.id)).toMatchObject({ status: "suspended", suspended_reason: "Spam in comments" });
    expect(await countRows(sql<{ n: number }[]>`select count(*)::int as n from auth.sessions where user_id = ${user.id}`)).toBe(0);
    const [event] = await sql<{ status: string }[]>`select status from public.events where id = ${eventId}`;
    expect(event?.status).toBe("draft");
    expect((await notificationsOf(participant.id, "event_changed")).length).toBe(1);
    expect((await auditRowsFor(eventId, "event.unpublish")).length).toBe(1);
    expect((await auditRowsFor(user.id, "user.suspend")).length).toBe(1);
    expect((await outboxOf(user.id, "account_suspended")).length).toBe(1);
    expect(await anonSeesProfile(user.id)).toBe(false);

    // The token minted before the suspension is still a valid JWT, but every function refuses it.
    expectError(await callFunction("accounts/roles", { token: tokenBefore, body: { role: "expert" } }), 403, "account_not_active");
    expectError(await callFunction("organizations", { token: tokenBefore, body: { name: "Sneaky Org" } }), 403, "account_not_active");
    expect(await countRows(sql<{ n: number }[]>`select count(*)::int as n from public.organizations where owner_id = ${user.id}`)).toBe(0);

    // Reactivation reverses the status (events stay draft for the organizer to republish).
    const back = await callFunction(`admin/users/${user.id}/reactivate`, { token: adminToken, body: { note: "Appeal accepted" } });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: "active", suspendedReason: null, sessions: { authAdmin: "unavailable" } });
    expect(await statusOf(user.id)).toMatchObject({ status: "active", suspended_reason: null });
    expect((await auditRowsFor(user.id, "user.reactivate")).length).toBe(1);
    expect((await outboxOf(user.id, "account_reactivated")).length).toBe(1);
    expect((await callFunction("accounts/roles", { token: tokenBefore, body: { role: "expert" } })).status).toBe(201);
  });

  it("restores a self-deleted account", async () => {
    const user = await createUser("sus-deleted");
    expect((await callFunction("accounts/me", { token: await user.token, method: "DELETE", body: { confirm: true } })).status).toBe(200);
    const reply = await callFunction(`admin/users/${user.id}/reactivate`, { token: adminToken, body: {} });
    expect(reply.status).toBe(200);
    expect(await statusOf(user.id)).toMatchObject({ status: "active", deleted_at: null });
    expect((await auditRowsFor(user.id, "user.restore")).length).toBe(1);
  });

  it("refuses a missing reason, the admin's own account, and a second suspension, writing nothing", async () => {
    const user = await createUser("sus-rules");
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: "x".repeat(501) }, { reason: "ok", until: "never" }]) {
      expectError(await callFunction(`admin/users/${user.id}/suspend`, { token: adminToken, body }), 400, "invalid_request");
    }
    expectError(await callFunction(`admin/users/not-a-uuid/suspend`, { token: adminToken, body: { reason: "x" } }), 400, "invalid_request");
    expectError(await callFunction(`admin/users/${admin.id}/suspend`, { token: adminToken, body: { reason: "Oops" } }), 403, "forbidden");
    expectError(await callFunction(`admin/users/${admin.id}/reactivate`, { token: adminToken, body: {} }), 403, "forbidden");
    expectError(await callFunction(`admin/users/${user.id}/reactivate`, { token: adminToken, body: {} }), 409, "users_status_transition");
    expect((await callFunction(`admin/users/${user.id}/suspend`, { token: adminToken, body: { reason: "First" } })).status).toBe(200);
    expectError(await callFunction(`admin/users/${user.id}/suspend`, { token: adminToken, body: { reason: "Second" } }), 409, "users_status_transition");
    expect(await statusOf(admin.id)).toMatchObject({ status: "active" });
    expect(await statusOf(user.id)).toMatchObject({ status: "suspended", suspended_reason: "First" });
    expect((await auditRowsFor(admin.id, "user.suspend")).length).toBe(0);
  });

  it("refuses non-admins, including a suspended admin's old token", async () => {
    const user = await createUser("sus-victim");
    const stranger = await createUser("sus-stranger");
    expectError(await callFunction(`admin/users/${user.id}/suspend`, { token: await stranger.token, body: { reason: "x" } }), 403, "forbidden");
    const otherAdmin = await createUser("sus-other-admin", { roles: ["admin"] });
    const oldToken = await otherAdmin.token;
    expect((await callFunction(`admin/users/${otherAdmin.id}/suspend`, { token: adminToken, body: { reason: "Compromised" } })).status).toBe(200);
    expectError(await callFunction(`admin/users/${user.id}/suspend`, { token: oldToken, body: { reason: "Revenge" } }), 403, "account_not_active");
    expectError(await callFunction(`admin/users/${otherAdmin.id}/reactivate`, { token: oldToken, body: {} }), 403, "account_not_active");
    expect(await statusOf(user.id)).toMatchObject({ status: "active" });
    expect(await statusOf(otherAdmin.id)).toMatchObject({ status: "suspended" });
  });
});
