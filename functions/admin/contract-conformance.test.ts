// The happy path of every `admin` route, each reply checked against the contract's documented
// status and response schema.
import { describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/admin.ts";
import { callFunction } from "../../tests/support/harness.ts";
import { createOrg, createUser, expectContract, setRole } from "../../tests/support/fixtures.ts";

describe("admin replies match the contract", () => {
  it("walks every route once", async () => {
    const covered = new Set<string>();
    const admin = await createUser("cc-adm-admin", { roles: ["admin"] });
    const user = await createUser("cc-adm-user");
    await setRole(user, "expert", "pending");
    await createOrg(`CC Adm Pending ${user.id.slice(0, 8)}`, user, { status: "pending" });
    const token = await admin.token;
    const step = async (method: string, path: string, concrete: string, body?: unknown) => {
      const reply = await callFunction(`admin${concrete}`, { token, method, ...(body === undefined ? {} : { body }) });
      expectContract(routes, method, path, reply);
      covered.add(`${method} ${path}`);
      return reply;
    };

    await step("GET", "/role-requests", "/role-requests?limit=5");
    await step("GET", "/organizations/pending", "/organizations/pending?limit=5");
    await step("POST", "/users/:userId/roles/:role/:action", `/users/${user.id}/roles/expert/approve`, {});
    await step("POST", "/users/:userId/suspend", `/users/${user.id}/suspend`, { reason: "Contract walk" });
    await step("POST", "/users/:userId/reactivate", `/users/${user.id}/reactivate`, {});
    await step("POST", "/broadcasts", "/broadcasts", { audience: { kind: "users", userIds: [user.id] }, content: "Hello" });
    await step("GET", "/audit-logs", `/audit-logs?targetId=${user.id}&limit=10`);
    for (const taxonomy of ["tags", "skills", "categories"]) {
      const created = await step("POST", `/${taxonomy}`, `/${taxonomy}`, { name: `CC ${taxonomy} ${user.id.slice(0, 8)}` });
      await step("PATCH", `/${taxonomy}/:id`, `/${taxonomy}/${created.body.id}`, { name: `CC2 ${taxonomy} ${user.id.slice(0, 8)}` });
      await step("DELETE", `/${taxonomy}/:id`, `/${taxonomy}/${created.body.id}`, {});
    }
    expect([...covered].sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });
});
