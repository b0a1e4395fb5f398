// POST /admin/users/:userId/roles/:role/:action over real HTTP. Admin rights are read from the
// database at request time: a token minted while the caller was an admin stops working as soon
// as the role is revoked or the account suspended.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  auditRowsFor, countRows, createUser, expectError, freshToken, notificationsOf, outboxOf, roleStatus, setRole, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

const decide = (userId: string, role: string, action: string) => `admin/users/${userId}/roles/${role}/${action}`;

async function claimsOf(user: TestUser): Promise<{ user_roles: string[] }> {
  const token = await freshToken(user); // "the next access token": minted now
  return JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
}

describe("admin role decisions", () => {
  let admin: TestUser;
  let adminToken: string;

  beforeAll(async () => {
    admin = await createUser("rd-admin", { roles: ["admin"] });
    adminToken = await admin.token;
  });

  it("approves a pending expert: notified, audited, and in the next access token", async () => {
    const user = await createUser("rd-expert");
    await setRole(user, "expert", "pending");
    expect((await claimsOf(user)).user_roles).not.toContain("expert");
    const reply = await callFunction(decide(user.id, "expert", "approve"), { token: adminToken, body: {} });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ userId: user.id, role: "expert", status: "approved" });
    expect((await notificationsOf(user.id, "role_decided")).length).toBe(1);
    expect((await auditRowsFor(user.id, "role.approve.expert")).length).toBe(1);
    expect((await outboxOf(user.id, "role_decision")).length).toBe(1);
    const [row] = await testSql()<{ decided_by: string }[]>`select decided_by from public.user_roles where user_id = ${user.id} and role = 'expert'`;
    expect(row?.decided_by).toBe(admin.id);
    expect((await claimsOf(user)).user_roles).toContain("expert");
  });

  it("rejects only with a reason, and revokes an approved role", async () => {
    const user = await createUser("rd-sponsor");
    await setRole(user, "sponsor", "pending");
    expectError(await callFunction(decide(user.id, "sponsor", "reject"), { token: adminToken, body: {} }), 400, "invalid_request");
    expect(await roleStatus(user.id, "sponsor")).toBe("pending");
    const rejected = await callFunction(decide(user.id, "sponsor", "reject"), { token: adminToken, body: { reason: "No sponsorship record" } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: "rejected", decisionReason: "No sponsorship record" });
    expect((await auditRowsFor(user.id, "role.reject.sponsor")).length).toBe(1);
    const [mail] = await testSql()<{ data: { decision: string; reason: string } }[]>`
      select data from private.email_outbox where recipient_user_id = ${user.id} and template = 'role_decision'`;
    expect(mail?.data).toMatchObject({ decision: "rejected", reason: "No sponsorship record", role: "sponsor" });

    const teacher = await createUser("rd-teacher", { roles: ["student", "teacher"] });
    const revoked = await callFunction(decide(teacher.id, "teacher", "revoke"), { token: adminToken, body: { reason: "Left the university" } });
    expect(revoked.status).toBe(200);
    expect(await roleStatus(teacher.id, "teacher")).toBe("revoked");
    expect((await claimsOf(teacher)).user_roles).not.toContain("teacher");
  });

  it("refuses transitions the state machine does not have (409) and unknown requests (404)", async () => {
    const user = await createUser("rd-states", { roles: ["student"] });
    expectError(await callFunction(decide(user.id, "student", "approve"), { token: adminToken, body: {} }), 409, "user_roles_status_transition");
    expectError(await callFunction(decide(user.id, "expert", "approve"), { token: adminToken, body: {} }), 404, "not_found");
    expectError(
      await callFunction(decide("00000000-0000-4000-8000-000000000000", "expert", "approve"), { token: adminToken, body: {} }),
      404, "not_found",
    );
  });

  it("grants admin only through an admin, audited; a revoked admin's old token is refused at once", async () => {
    const helper = await createUser("rd-new-admin");
    const granted = await callFunction(decide(helper.id, "admin", "grant"), { token: adminToken, body: { reason: "Moderation team" } });
    expect(granted.status).toBe(200);
    expect((await auditRowsFor(helper.id, "role.grant.admin")).length).toBe(1);
    const helperToken = await helper.token;
    expect((await callFunction("admin/role-requests", { token: helperToken })).status).toBe(200);

    expect((await callFunction(decide(helper.id, "admin", "revoke"), { token: adminToken, body: {} })).status).toBe(200);
    expectError(await callFunction("admin/role-requests", { token: helperToken }), 403, "forbidden");
  });

  it("refuses anon, a stranger, a pending expert, a suspended admin's old token and an admin deciding for themself", async () => {
    const target = await createUser("rd-target");
    await setRole(target, "expert", "pending");
    const path = decide(target.id, "expert", "approve");

    expectError(await callFunction(path, { token: ANON_KEY, body: {} }), 401, "unauthenticated");
    expect((await callFunction(path, { body: {} })).status).toBe(401);
    const stranger = await createUser("rd-stranger");
    expectError(await callFunction(path, { token: await stranger.token, body: {} }), 403, "forbidden");
    const pendingExpert = await createUser("rd-pending-expert");
    await setRole(pendingExpert, "expert", "pending");
    expectError(await callFunction(path, { token: await pendingExpert.token, body: {} }), 403, "forbidden");
    // …nor approve their own pending expert request
    expectError(
      await callFunction(decide(pendingExpert.id, "expert", "approve"), { token: await pendingExpert.token, body: {} }),
      403, "forbidden",
    );

    const suspendedAdmin = await createUser("rd-suspended-admin", { roles: ["admin"] });
    const oldToken = await suspendedAdmin.token;
    await suspend(suspendedAdmin);
    expectError(await callFunction(path, { token: oldToken, body: {} }), 403, "account_not_active");

    await setRole(admin, "expert", "pending");
    expectError(await callFunction(decide(admin.id, "expert", "approve"), { token: adminToken, body: {} }), 403, "forbidden");
    expectError(await callFunction(decide(admin.id, "admin", "revoke"), { token: adminToken, body: {} }), 403, "forbidden");

    expect(await roleStatus(target.id, "expert")).toBe("pending");
    expect(await roleStatus(admin.id, "expert")).toBe("pending");
    expect(await roleStatus(admin.id, "admin")).toBe("approved");
    expect((await auditRowsFor(target.id, "role.approve.expert")).length).toBe(0);
  });

  it("answers 400 for bad path values and bodies, writing nothing", async () => {
    const user = await createUser("rd-bad");
    await setRole(user, "expert", "pending");
    const bad = [
      [decide("not-a-uuid", "expert", "approve"), {}],
      [decide(user.id, "wizard", "approve"), {}],
      [decide(user.id, "expert", "bless"), {}],
      [decide(user.id, "expert", "approve"), { reason: 5 }],
      [decide(user.id, "expert", "approve"), { reason: "ok", approved: true }],
      [decide(user.id, "expert", "reject"), { reason: "x".repeat(501) }],
    ] as const;
    for (const [path, body] of bad) {
      expectError(await callFunction(path, { token: adminToken, body }), 400, "invalid_request");
    }
    expectError(await callFunction(decide(user.id, "expert", "approve"), { token: adminToken, method: "POST", rawBody: "{" }), 400, "invalid_json");
    expect(await roleStatus(user.id, "expert")).toBe("pending");
  });
});
