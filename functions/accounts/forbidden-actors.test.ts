// Every route of `accounts` (from the contract's route table) refuses anon; every write refuses
// a suspended user's pre-suspension token, an unconfirmed account and a deleted account. Nothing
// may change. Reading one's own account stays possible.
import { beforeAll, describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/accounts.ts";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import { createUser, fingerprint, suspend, type TestUser } from "../../tests/support/fixtures.ts";

const bodies: Record<string, unknown> = {
  "GET /me": undefined,
  "POST /onboarding": { profile: { fullName: "Nobody" }, role: "student" },
  "POST /roles": { role: "expert" },
  "DELETE /me": { confirm: true },
  "PUT /onboarding/progress": { step: 1, data: { fullName: "Nobody" } },
  "POST /onboarding/skip": { step: 1 },
};

describe("accounts refuses forbidden actors on every route", () => {
  let suspended: TestUser;
  let suspendedToken: string;
  let unconfirmed: TestUser;
  let deleted: TestUser;
  let deletedToken: string;
  let everyone: string[];

  const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
  const call = (route: { method: string; path: string }, token: string) => {
    const body = bodies[key(route)];
    return callFunction(`accounts${route.path}`, { token, method: route.method, ...(body === undefined ? {} : { body }) });
  };

  beforeAll(async () => {
    suspended = await createUser("fa-acc-suspended", { roles: [] });
    suspendedToken = await suspended.token;
    await suspend(suspended);
    unconfirmed = await createUser("fa-acc-unconfirmed", { roles: [], status: "inactive" });
    deleted = await createUser("fa-acc-deleted", { roles: [] });
    deletedToken = await deleted.token;
    await testSql()`update public.users set status = 'inactive', deleted_at = now() where id = ${deleted.id}`;
    everyone = [suspended.id, unconfirmed.id, deleted.id];
  });

  it("covers every route of the contract", () => {
    expect(routes.map(key).sort()).toEqual(Object.keys(bodies).sort());
  });

  it("answers 401 to the anon key and 403 account_not_active to inactive accounts on every write", async () => {
    const before = await fingerprint(everyone, []);
    for (const route of routes) {
      const reply = await call(route, ANON_KEY);
      expect({ route: key(route), status: reply.status, code: reply.body?.error?.code }).toEqual({ route: key(route), status: 401, code: "unauthenticated" });
    }
    for (const [label, token] of [["suspended", suspendedToken], ["unconfirmed", await unconfirmed.token], ["deleted", deletedToken]] as const) {
      for (const route of routes.filter((r) => r.method !== "GET")) {
        const reply = await call(route, token);
        expect({ label, route: key(route), status: reply.status, code: reply.body?.error?.code })
          .toEqual({ label, route: key(route), status: 403, code: "account_not_active" });
      }
      expect((await call({ method: "GET", path: "/me" }, token)).status).toBe(200);
    }
    expect(await fingerprint(everyone, [])).toBe(before);
  });
});
