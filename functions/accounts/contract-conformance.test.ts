// The happy path of every `accounts` route, each reply checked against the contract's documented
// status and response schema.
import { describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/accounts.ts";
import { callFunction } from "../../tests/support/harness.ts";
import { createUser, expectContract } from "../../tests/support/fixtures.ts";

describe("accounts replies match the contract", () => {
  it("walks every route once", async () => {
    const covered = new Set<string>();
    const user = await createUser("cc-acc-user", { roles: [] });
    const token = await user.token;
    const step = async (method: string, path: string, body?: unknown) => {
      const reply = await callFunction(`accounts${path}`, { token, method, ...(body === undefined ? {} : { body }) });
      expectContract(routes, method, path, reply);
      covered.add(`${method} ${path}`);
      return reply;
    };
    await step("PUT", "/onboarding/progress", { step: 1, data: { fullName: "Contract Walker" } });
    await step("POST", "/onboarding/skip", { step: 1 });
    await step("POST", "/onboarding", { profile: { fullName: "Contract Walker", country: "Malaysia" }, role: "student" });
    await step("POST", "/roles", { role: "teacher" });
    await step("GET", "/me");
    await step("DELETE", "/me", { confirm: true });
    expect([...covered].sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });
});
