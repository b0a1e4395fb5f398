// Issue 15: onboarding can be saved part-way and skipped, not only completed (DOMAIN §3.8). The
// transitions are the database's (user_onboardings_guard_status): a completed onboarding never
// goes back, and the refusal reaches the client under the rule's name.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { createUser, expectError } from "../../tests/support/fixtures.ts";

const prefix = `onp${randomBytes(3).toString("hex")}`;

async function onboarding(userId: string) {
  const [row] = await testSql()<{ status: string; step: number; onboarding_data: Record<string, unknown> }[]>`
    select status::text, step, onboarding_data from public.user_onboardings where user_id = ${userId}`;
  return row;
}

describe("accounts PUT /onboarding/progress and POST /onboarding/skip", () => {
  it("saves progress (in_progress, step, draft), skips, resumes, then completes", async () => {
    const user = await createUser(`${prefix}-flow`, { roles: [] });
    const token = user.token;
    const saved = await callFunction("accounts/onboarding/progress", { method: "PUT", token, body: { step: 2, data: { fullName: "Ada" } } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: "in_progress", step: 2, data: { fullName: "Ada" } });
    expect(await onboarding(user.id)).toEqual({ status: "in_progress", step: 2, onboarding_data: { fullName: "Ada" } });

    const skipped = await callFunction("accounts/onboarding/skip", { token, body: { step: 2 } });
    expect(skipped.body).toMatchObject({ status: "skipped", step: 2 });
    const resumed = await callFunction("accounts/onboarding/progress", { method: "PUT", token, body: { step: 3 } });
    expect(resumed.body).toMatchObject({ status: "in_progress", step: 3, data: { fullName: "Ada" } });

    const done = await callFunction("accounts/onboarding", { token, body: { profile: { fullName: "Ada" }, role: "student" } });
    expect(done.status).toBe(200);
    expectError(await callFunction("accounts/onboarding/skip", { token, body: { step: 0 } }), 409, "user_onboardings_status_transition");
    expectError(await callFunction("accounts/onboarding/progress", { method: "PUT", token, body: { step: 1 } }), 409, "user_onboardings_status_transition");
    expect((await onboarding(user.id))?.status).toBe("completed");
  });

  it("keeps a draft exactly as sent, NUL characters and all (jsonb could not hold them)", async () => {
    const user = await createUser(`${prefix}-nul`, { roles: [] });
    const draft = { "na\u0000me": "A\u0000da", nested: { list: ["\u0000", 1, true, null] } };
    const saved = await callFunction("accounts/onboarding/progress", { method: "PUT", token: user.token, body: { step: 1, data: draft, flags: { "x\u0000": true } } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ step: 1, data: draft, flags: { "x\u0000": true } });
    expect((await onboarding(user.id))?.onboarding_data).toEqual(draft);
  });

  it("refuses bad input (400) and suspended accounts (403), changing nothing", async () => {
    const user = await createUser(`${prefix}-bad`, { roles: [] });
    const token = user.token;
    for (const body of [{ step: 21 }, { step: -1 }, { step: 1, data: "text" }, { step: 1, extra: true }, {}]) {
      expectError(await callFunction("accounts/onboarding/progress", { method: "PUT", token, body }), 400, "invalid_request");
    }
    expectError(await callFunction("accounts/onboarding/progress", { method: "PUT", token, body: { step: 1, data: { blob: "x".repeat(20_000) } } }),
      409, "user_onboardings_data_is_small");
    expectError(await callFunction("accounts/onboarding/skip", { token, body: { step: 1, now: true } }), 400, "invalid_request");
    expectError(await callFunction("accounts/onboarding/skip", { token, body: {} }), 400, "invalid_request");
    expect(await onboarding(user.id)).toEqual({ status: "not_started", step: 0, onboarding_data: {} });
    await testSql()`update public.users set status = 'suspended', suspended_reason = 'Test' where id = ${user.id}`;
    expectError(await callFunction("accounts/onboarding/skip", { token, body: { step: 1 } }), 403, "account_not_active");
  });
});
