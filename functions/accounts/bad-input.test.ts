// Every write route of `accounts` answers 400 invalid_json / 413 payload_too_large / 400
// invalid_request (unknown field) in the error shape, writing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/accounts.ts";
import { callFunction } from "../../tests/support/harness.ts";
import { createUser, expectError, fingerprint, OVERSIZE_BODY, type TestUser } from "../../tests/support/fixtures.ts";

describe("accounts refuses bad input on every write route", () => {
  let user: TestUser;
  const valid: Record<string, Record<string, unknown>> = {
    "POST /onboarding": { profile: { fullName: "Valid" }, role: "student" },
    "POST /roles": { role: "expert" },
    "DELETE /me": { confirm: true },
    "PUT /onboarding/progress": { step: 1 },
    "POST /onboarding/skip": { step: 1 },
  };

  beforeAll(async () => {
    user = await createUser("bi-acc-user", { roles: [] });
  });

  it("answers 400/413 and writes nothing", async () => {
    const token = await user.token;
    const before = await fingerprint([user.id], []);
    const writes = routes.filter((r) => r.method !== "GET");
    expect(writes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(valid).sort());
    for (const route of writes) {
      const path = `accounts${route.path}`;
      const body = valid[`${route.method} ${route.path}`];
      expectError(await callFunction(path, { token, method: route.method, rawBody: "not json" }), 400, "invalid_json");
      expectError(await callFunction(path, { token, method: route.method, rawBody: OVERSIZE_BODY }), 413, "payload_too_large");
      expectError(await callFunction(path, { token, method: route.method, body: { ...body, unexpected: 1 } }), 400, "invalid_request");
      expectError(await callFunction(path, { token, method: route.method, body: [body] }), 400, "invalid_request");
    }
    expect(await fingerprint([user.id], [])).toBe(before);
  });
});
