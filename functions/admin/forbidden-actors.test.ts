// Every route of `admin` (from the contract's route table) refuses anon, a stranger, a pending
// expert, an organization owner, and a suspended admin whose token predates the suspension; an
// admin acting on their own account is refused on the account routes. Nothing may change.
import { beforeAll, describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/admin.ts";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import { createOrg, createUser, fingerprint, setRole, suspend, type TestUser } from "../../tests/support/fixtures.ts";

describe("admin refuses forbidden actors on every route", () => {
  let admin: TestUser;
  let target: TestUser;
  let stranger: TestUser;
  let pendingExpert: TestUser;
  let orgOwner: TestUser;
  let suspendedAdmin: TestUser;
  let suspendedToken: string;
  let orgId: string;
  let tagId: string;
  let everyone: string[];

  const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

  function request(route: { method: string; path: string }, userId: string): { path: string; body?: unknown } {
    const path = `admin${route.path.replace(":userId", userId).replace(":role", "expert").replace(":action", "approve")
      .replace(":id", tagId)}`;
    if (route.method === "GET") return { path };
    if (route.path.endsWith("/suspend")) return { path, body: { reason: "Forbidden attempt" } };
    if (route.path === "/broadcasts") return { path, body: { audience: { kind: "users", userIds: [target.id] }, content: "Hi" } };
    if (route.method === "DELETE") return { path, body: {} };
    if (/^\/(tags|skills|categories)/.test(route.path)) return { path, body: { name: `Forbidden ${target.id.slice(0, 8)}` } };
    return { path, body: {} };
  }

  function call(route: { method: string; path: string }, token: string, userId = target.id) {
    const { path, body } = request(route, userId);
    return callFunction(path, { token, method: route.method, ...(body === undefined ? {} : { body }) });
  }

  async function taxonomyCount(): Promise<number> {
    const [row] = await testSql()<{ n: number }[]>`
      select (select count(*) from public.tags where name::text like ${`Forbidden ${target.id.slice(0, 8)}%`})
           + (select count(*) from public.skills where name::text like ${`Forbidden ${target.id.slice(0, 8)}%`})
           + (select count(*) from public.categories where name::text like ${`Forbidden ${target.id.slice(0, 8)}%`}) as n`;
    return Number(row?.n ?? 0);
  }

  beforeAll(async () => {
    admin = await createUser("fa-adm-admin", { roles: ["admin"] });
    target = await createUser("fa-adm-target");
    await setRole(target, "expert", "pending");
    stranger = await createUser("fa-adm-stranger");
    pendingExpert = await createUser("fa-adm-pending-expert");
    await setRole(pendingExpert, "expert", "pending");
    orgOwner = await createUser("fa-adm-org-owner");
    orgId = await createOrg(`FA Adm Org ${orgOwner.id.slice(0, 8)}`, orgOwner);
    suspendedAdmin = await createUser("fa-adm-suspended-admin", { roles: ["admin"] });
    suspendedToken = await suspendedAdmin.token;
    await suspend(suspendedAdmin);
    const [tag] = await testSql()<{ id: string }[]>`insert into public.tags (name) values (${`FA tag ${target.id}`}) returning id`;
    tagId = tag!.id;
    everyone = [admin, target, stranger, pendingExpert, orgOwner, suspendedAdmin].map((user) => user.id);
  });

  it("answers 401 to the anon key and 403 to every non-admin on every route, writing nothing", async () => {
    const before = await fingerprint(everyone, [orgId]);
    for (const route of routes) {
      const anon = await call(route, ANON_KEY);
      expect({ route: key(route), status: anon.status, code: anon.body?.error?.code }).toEqual({ route: key(route), status: 401, code: "unauthenticated" });
    }
    for (const [actor, token, code] of [
      [stranger, await stranger.token, "forbidden"],
      [pendingExpert, await pendingExpert.token, "forbidden"],
      [orgOwner, await orgOwner.token, "forbidden"],
      [suspendedAdmin, suspendedToken, "account_not_active"],
    ] as const) {
      for (const route of routes) {
        const reply = await call(route, token);
        expect({ actor: actor.handle, route: key(route), status: reply.status, code: reply.body?.error?.code })
          .toEqual({ actor: actor.handle, route: key(route), status: 403, code });
      }
    }
    expect(await fingerprint(everyone, [orgId])).toBe(before);
    expect(await taxonomyCount()).toBe(0);
    const [tag] = await testSql()<{ name: string }[]>`select name::text as name from public.tags where id = ${tagId}`;
    expect(tag?.name).toBe(`FA tag ${target.id}`);
  });

  it("refuses an admin acting on their own account on every account route", async () => {
    const before = await fingerprint(everyone, [orgId]);
    await setRole(admin, "expert", "pending");
    const afterSetup = await fingerprint(everyone, [orgId]);
    expect(afterSetup).not.toBe(before);
    const token = await admin.token;
    const accountRoutes = routes.filter((route) => route.path.startsWith("/users/:userId"));
    expect(accountRoutes.length).toBe(3);
    for (const route of accountRoutes) {
      const reply = await call(route, token, admin.id);
      expect({ route: key(route), status: reply.status, code: reply.body?.error?.code }).toEqual({ route: key(route), status: 403, code: "forbidden" });
    }
    for (const action of ["revoke", "grant", "reject"]) {
      const reply = await callFunction(`admin/users/${admin.id}/roles/admin/${action}`, { token, body: { reason: "Self" } });
      expect({ action, status: reply.status }).toEqual({ action, status: 403 });
    }
    expect(await fingerprint(everyone, [orgId])).toBe(afterSetup);
  });
});
