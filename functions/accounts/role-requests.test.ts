// POST /accounts/roles over real HTTP: requests, the 30-day cool-down after a rejection, and
// what can never be requested. The cool-down is measured by the database clock, so the tests
// move the rejection's decided_at into the past instead of faking time.
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import {
  createUser, expectError, roleStatus, setRole, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

async function rejectedDaysAgo(user: TestUser, role: "expert" | "sponsor" | "teacher", days: number): Promise<void> {
  await setRole(user, role, "rejected");
  await testSql()`
    update public.user_roles set decided_at = now() - make_interval(days => ${days})
    where user_id = ${user.id} and role = ${role}`;
}

describe("accounts POST /roles", () => {
  let admin: TestUser;

  beforeAll(async () => {
    admin = await createUser("rr-admin", { roles: ["admin"] });
  });

  it("requests sponsor as pending and notifies admins", async () => {
    const user = await createUser("rr-sponsor");
    const reply = await callFunction("accounts/roles", { token: await user.token, body: { role: "sponsor" } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ role: "sponsor", status: "pending", decidedAt: null });
    const [row] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from public.notifications
      where recipient_id = ${admin.id} and kind = 'role_requested' and data ->> 'user_id' = ${user.id}`;
    expect(row?.n).toBe(1);
  });

  it("refuses a repeat within 30 days of a rejection with the date, and accepts it after", async () => {
    const user = await createUser("rr-cooldown");
    await rejectedDaysAgo(user, "expert", 10);
    const early = await callFunction("accounts/roles", { token: await user.token, body: { role: "expert" } });
    expectError(early, 409, "role_request_cooldown");
    const againAt = (early.body as { error: { details: { requestableAgainAt: string } } }).error.details.requestableAgainAt;
    expect(early.body.error.message).toContain(againAt);
    const expected = Date.now() + 20 * 24 * 3600 * 1000;
    expect(Math.abs(Date.parse(againAt) - expected)).toBeLessThan(60 * 60 * 1000);
    expect(await roleStatus(user.id, "expert")).toBe("rejected");

    await testSql()`update public.user_roles set decided_at = now() - interval '31 days' where user_id = ${user.id} and role = 'expert'`;
    const later = await callFunction("accounts/roles", { token: await user.token, body: { role: "expert" } });
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ role: "expert", status: "pending" });
  });

  it("refuses a pending, an approved and a revoked role with 409", async () => {
    const user = await createUser("rr-states", { roles: ["student", "teacher"] });
    await setRole(user, "expert", "pending");
    await setRole(user, "sponsor", "revoked");
    const token = await user.token;
    expectError(await callFunction("accounts/roles", { token, body: { role: "expert" } }), 409, "role_already_requested");
    expectError(await callFunction("accounts/roles", { token, body: { role: "teacher" } }), 409, "role_already_requested");
    expectError(await callFunction("accounts/roles", { token, body: { role: "sponsor" } }), 409, "role_revoked");
    expect(await roleStatus(user.id, "sponsor")).toBe("revoked");
  });

  it("never accepts admin, whatever the spelling, and writes nothing", async () => {
    const user = await createUser("rr-admin-wish", { roles: [] });
    const token = await user.token;
    for (const body of [{ role: "admin" }, { role: "ADMIN" }, { role: "admin", status: "approved" }, { role: ["admin"] }]) {
      expectError(await callFunction("accounts/roles", { token, body }), 400, "invalid_request");
    }
    expect(await roleStatus(user.id, "admin")).toBeNull();
    const [row] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from public.notifications where kind = 'role_requested' and data ->> 'user_id' = ${user.id}`;
    expect(row?.n).toBe(0);
  });

  it("refuses a suspended user's token minted before the suspension, writing nothing", async () => {
    const user = await createUser("rr-suspended");
    const token = await user.token;
    await suspend(user);
    expectError(await callFunction("accounts/roles", { token, body: { role: "expert" } }), 403, "account_not_active");
    expect(await roleStatus(user.id, "expert")).toBeNull();
  });

  it("answers 400 for bad bodies and writes nothing", async () => {
    const user = await createUser("rr-bad");
    const token = await user.token;
    expectError(await callFunction("accounts/roles", { token, body: {} }), 400, "invalid_request");
    expectError(await callFunction("accounts/roles", { token, body: { role: 7 } }), 400, "invalid_request");
    expectError(await callFunction("accounts/roles", { token, method: "POST", rawBody: "[" }), 400, "invalid_json");
    expect(await roleStatus(user.id, "expert")).toBeNull();
  });
});

describe("accounts GET /me", () => {
  it("shows status, every role with its state, and only approved roles as effective", async () => {
    const user = await createUser("me-pending-expert");
    await setRole(user, "expert", "pending");
    const reply = await callFunction("accounts/me", { token: await user.token });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({ id: user.id, email: user.email, status: "active", deletedAt: null });
    expect(reply.body.roles.map((r: { role: string; status: string }) => `${r.role}:${r.status}`).sort())
      .toEqual(["expert:pending", "student:approved"]);
    expect(reply.body.effectiveRoles).toEqual(["student"]);
  });

  it("lets a suspended user read their own status (reads are not writes)", async () => {
    const user = await createUser("me-suspended");
    const token = await user.token;
    await suspend(user, "Spam");
    const reply = await callFunction("accounts/me", { token });
    expect(reply.status).toBe(200);
    expect(reply.body.user.status).toBe("suspended");
  });

  it("answers 405 for a wrong method and 404 for an unknown route in the error shape", async () => {
    const user = await createUser("me-routes");
    const token = await user.token;
    expectError(await callFunction("accounts/me", { token, method: "PUT", body: {} }), 405, "method_not_allowed");
    expectError(await callFunction("accounts/nope", { token }), 404, "not_found");
  });
});
