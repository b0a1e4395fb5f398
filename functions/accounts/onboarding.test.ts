// POST /accounts/onboarding over real HTTP (real Deno gateway, throwaway Postgres).
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  countRows, createUser, expectError, notificationsOf, OVERSIZE_BODY, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

const profile = { fullName: "Ada Lovelace", title: "Analyst", intents: ["open_to_speak"] };

async function onboardingStatus(userId: string): Promise<string | undefined> {
  const [row] = await testSql()<{ status: string }[]>`select status from public.user_onboardings where user_id = ${userId}`;
  return row?.status;
}

function roleRows(userId: string): Promise<number> {
  return countRows(testSql()<{ n: number }[]>`select count(*)::int as n from public.user_roles where user_id = ${userId}`);
}

describe("accounts POST /onboarding", () => {
  let adminA: TestUser;
  let adminB: TestUser;

  beforeAll(async () => {
    adminA = await createUser("onb-admin-a", { roles: ["admin"] });
    adminB = await createUser("onb-admin-b", { roles: ["admin"] });
  });

  it("picks student: approved at once, profile saved, onboarding completed, welcome notification", async () => {
    const user = await createUser("onb-student", { roles: [] });
    const reply = await callFunction("accounts/onboarding", { token: await user.token, body: { profile, role: "student" } });
    expect(reply.status).toBe(200);
    expect(reply.body.role).toMatchObject({ role: "student", status: "approved" });
    expect(reply.body.me.effectiveRoles).toEqual(["student"]);
    expect(reply.body.me.profile).toMatchObject({ fullName: "Ada Lovelace", isOnboarded: true });
    expect(await onboardingStatus(user.id)).toBe("completed");
    expect((await notificationsOf(user.id, "welcome")).length).toBe(1);
    expect((await notificationsOf(adminA.id, "role_requested")).length).toBe(0);
  });

  it("requests expert: pending, every active admin notified, not effective", async () => {
    const user = await createUser("onb-expert", { roles: [] });
    const reply = await callFunction("accounts/onboarding", { token: await user.token, body: { profile, role: "expert" } });
    expect(reply.status).toBe(200);
    expect(reply.body.role).toMatchObject({ role: "expert", status: "pending" });
    expect(reply.body.me.effectiveRoles).toEqual([]);
    for (const admin of [adminA, adminB]) {
      const [row] = await testSql()<{ n: number }[]>`
        select count(*)::int as n from public.notifications
        where recipient_id = ${admin.id} and kind = 'role_requested' and data ->> 'user_id' = ${user.id}`;
      expect(row?.n).toBe(1);
    }
  });

  it("refuses a second onboarding with 409 and changes nothing", async () => {
    const user = await createUser("onb-twice", { roles: [] });
    const token = await user.token;
    expect((await callFunction("accounts/onboarding", { token, body: { profile, role: "student" } })).status).toBe(200);
    const again = await callFunction("accounts/onboarding", { token, body: { profile: { fullName: "Changed" }, role: "sponsor" } });
    expectError(again, 409, "onboarding_already_completed");
    const [row] = await testSql()<{ full_name: string }[]>`select full_name from public.profiles where user_id = ${user.id}`;
    expect(row?.full_name).toBe("Ada Lovelace");
    expect(await roleRows(user.id)).toBe(1);
  });

  it("never lets anyone request admin: 400 and nothing written", async () => {
    const user = await createUser("onb-wants-admin", { roles: [] });
    const reply = await callFunction("accounts/onboarding", { token: await user.token, body: { profile, role: "admin" } });
    expectError(reply, 400, "invalid_request");
    expect(JSON.stringify(reply.body)).toMatch(/admin is granted by an admin/);
    expect(await roleRows(user.id)).toBe(0);
    expect(await onboardingStatus(user.id)).toBe("not_started");
  });

  it.each([
    ["an unknown field", { profile, role: "student", isAdmin: true }],
    ["an unknown profile field", { profile: { ...profile, status: "active" }, role: "student" }],
    ["a missing role", { profile }],
    ["a missing profile", { role: "student" }],
    ["a wrong type", { profile: { fullName: 42 }, role: "student" }],
    ["an empty name", { profile: { fullName: "   " }, role: "student" }],
    ["a name over 100 characters", { profile: { fullName: "x".repeat(101) }, role: "student" }],
    ["a non-https link", { profile: { ...profile, websiteUrl: "http://example.com" }, role: "student" }],
    ["an unknown intent", { profile: { ...profile, intents: ["world_domination"] }, role: "student" }],
  ])("answers 400 for %s and writes nothing", async (_label, body) => {
    const user = await createUser(`onb-bad-${_label.replace(/\W+/g, "-")}`, { roles: [] });
    const reply = await callFunction("accounts/onboarding", { token: await user.token, body });
    expectError(reply, 400, "invalid_request");
    expect(await roleRows(user.id)).toBe(0);
    expect(await onboardingStatus(user.id)).toBe("not_started");
  });

  it("answers 400 invalid_json and 413 payload_too_large, writing nothing", async () => {
    const user = await createUser("onb-raw", { roles: [] });
    const token = await user.token;
    expectError(await callFunction("accounts/onboarding", { token, method: "POST", rawBody: "{not json" }), 400, "invalid_json");
    expectError(await callFunction("accounts/onboarding", { token, method: "POST", rawBody: OVERSIZE_BODY }), 413, "payload_too_large");
    expect(await roleRows(user.id)).toBe(0);
  });

  it("refuses anon (401), an unconfirmed account and a suspended one whose token predates the suspension (403)", async () => {
    expectError(await callFunction("accounts/onboarding", { token: ANON_KEY, body: { profile, role: "student" } }), 401, "unauthenticated");
    expect((await callFunction("accounts/onboarding", { body: { profile, role: "student" } })).status).toBe(401);

    const unconfirmed = await createUser("onb-unconfirmed", { roles: [], status: "inactive" });
    expectError(
      await callFunction("accounts/onboarding", { token: await unconfirmed.token, body: { profile, role: "student" } }),
      403, "account_not_active",
    );
    expect(await roleRows(unconfirmed.id)).toBe(0);

    const suspended = await createUser("onb-suspended", { roles: [] });
    const tokenBefore = await suspended.token;
    await suspend(suspended);
    expectError(await callFunction("accounts/onboarding", { token: tokenBefore, body: { profile, role: "student" } }), 403, "account_not_active");
    expect(await roleRows(suspended.id)).toBe(0);
    expect(await onboardingStatus(suspended.id)).toBe("not_started");
  });
});
