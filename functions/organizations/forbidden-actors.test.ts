// Every route of `organizations` (read from the contract's route table, so a new route cannot
// be forgotten) against the actors who must be refused: anon, a suspended owner whose token was
// minted before the suspension, a plain member acting as owner/manager, a stranger, and for the
// review routes a non-admin (owner, pending expert). Nothing may change.
import { beforeAll, describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/organizations.ts";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import { createOrg, createUser, fingerprint, setRole, suspend, type TestUser } from "../../tests/support/fixtures.ts";

const bodies: Record<string, unknown> = {
  "POST /": { name: "Forbidden Org" },
  "GET /:id": undefined,
  "PATCH /:id": { name: "Taken Over" },
  "DELETE /:id": {},
  "PUT /:id/bank-details": { bankName: "Evil Bank", accountNumber: "0000 0000", holderName: "Mallory" },
  "POST /:id/resubmit": {},
  "POST /:id/approve": {},
  "POST /:id/reject": { reason: "Because" },
  "GET /:id/members": undefined,
  "POST /:id/invitations": { userId: "" },
  "POST /:id/invitation": { accept: true },
  "POST /:id/join-requests": {},
  "POST /:id/join-requests/:userId": { accept: true },
  "PATCH /:id/members/:userId": { role: "admin" },
  "DELETE /:id/members/:userId": {},
  "POST /:id/leave": {},
  "POST /:id/transfer": { userId: "" },
};
const managerRoutes = ["PATCH /:id", "PUT /:id/bank-details", "POST /:id/resubmit", "POST /:id/invitations",
  "POST /:id/join-requests/:userId", "PATCH /:id/members/:userId", "DELETE /:id/members/:userId"];
const ownerRoutes = ["DELETE /:id", "POST /:id/transfer"];
const platformAdminRoutes = ["POST /:id/approve", "POST /:id/reject"];

describe("organizations refuses forbidden actors on every route", () => {
  let owner: TestUser;
  let member: TestUser;
  let orgAdmin: TestUser;
  let stranger: TestUser;
  let pendingExpert: TestUser;
  let suspendedOwner: TestUser;
  let suspendedToken: string;
  let orgId: string;
  let pendingOrgId: string;
  let suspendedOrgId: string;
  let everyone: string[];

  const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
  function call(route: { method: string; path: string }, org: string, token: string) {
    const path = `organizations${route.path.replace(":id", org).replace(":userId", member.id)}`.replace(/\/$/, "");
    const template = bodies[key(route)];
    const body = template && typeof template === "object" && "userId" in template ? { ...template, userId: stranger.id } : template;
    return callFunction(path, { token, method: route.method, ...(body === undefined ? {} : { body }) });
  }

  beforeAll(async () => {
    owner = await createUser("fa-org-owner");
    member = await createUser("fa-org-member");
    orgAdmin = await createUser("fa-org-orgadmin");
    stranger = await createUser("fa-org-stranger");
    pendingExpert = await createUser("fa-org-pending-expert");
    await setRole(pendingExpert, "expert", "pending");
    suspendedOwner = await createUser("fa-org-suspended");
    orgId = await createOrg(`FA Org ${owner.id.slice(0, 8)}`, owner);
    pendingOrgId = await createOrg(`FA Pending ${owner.id.slice(0, 8)}`, owner, { status: "pending" });
    suspendedOrgId = await createOrg(`FA Susp ${owner.id.slice(0, 8)}`, suspendedOwner);
    for (const org of [orgId, pendingOrgId]) {
      await testSql()`insert into public.organization_members (org_id, user_id, role, status)
                      values (${org}, ${member.id}, 'member', 'active'), (${org}, ${orgAdmin.id}, 'admin', 'active')`;
    }
    await testSql()`insert into public.organization_members (org_id, user_id, role, status) values (${suspendedOrgId}, ${member.id}, 'member', 'active')`;
    suspendedToken = await suspendedOwner.token;
    await suspend(suspendedOwner);
    everyone = [owner, member, orgAdmin, stranger, pendingExpert, suspendedOwner].map((user) => user.id);
  });

  it("covers every route of the contract", () => {
    expect(routes.map(key).sort()).toEqual(Object.keys(bodies).sort());
  });

  it("answers 401 to the anon key on every route", async () => {
    const before = await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId]);
    for (const route of routes) {
      const reply = await call(route, orgId, ANON_KEY);
      expect({ route: key(route), status: reply.status, code: reply.body?.error?.code }).toEqual({ route: key(route), status: 401, code: "unauthenticated" });
    }
    expect(await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId])).toBe(before);
  });

  it("answers 403 account_not_active to a suspended owner's pre-suspension token on every write", async () => {
    const before = await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId]);
    for (const route of routes.filter((r) => r.method !== "GET")) {
      const reply = await call(route, suspendedOrgId, suspendedToken);
      expect({ route: key(route), status: reply.status }).toEqual({ route: key(route), status: 403 });
      expect(["account_not_active", "forbidden"]).toContain(reply.body.error.code);
    }
    expect(await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId])).toBe(before);
  });

  it("answers 403 to a member acting as manager or owner, and to an org admin acting as owner", async () => {
    const before = await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId]);
    const memberToken = await member.token;
    for (const route of routes.filter((r) => [...managerRoutes, ...ownerRoutes, ...platformAdminRoutes].includes(key(r)))) {
      const reply = await call(route, pendingOrgId, memberToken);
      expect({ route: key(route), status: reply.status, code: reply.body.error?.code }).toEqual({ route: key(route), status: 403, code: "forbidden" });
    }
    const orgAdminToken = await orgAdmin.token;
    for (const route of routes.filter((r) => [...ownerRoutes, ...platformAdminRoutes].includes(key(r)))) {
      const reply = await call(route, orgId, orgAdminToken);
      expect({ route: key(route), status: reply.status }).toEqual({ route: key(route), status: 403 });
    }
    expect(await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId])).toBe(before);
  });

  it("answers 403 (listed organization) or 404 (unlisted) to a stranger on manager routes, and 403 to non-admins on review routes", async () => {
    const before = await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId]);
    const strangerToken = await stranger.token;
    for (const route of routes.filter((r) => [...managerRoutes, ...ownerRoutes].includes(key(r)))) {
      expect({ route: key(route), status: (await call(route, orgId, strangerToken)).status }).toEqual({ route: key(route), status: 403 });
      expect({ route: key(route), status: (await call(route, pendingOrgId, strangerToken)).status }).toEqual({ route: key(route), status: 404 });
    }
    for (const actor of [owner, pendingExpert, stranger]) {
      const token = await actor.token;
      for (const route of routes.filter((r) => platformAdminRoutes.includes(key(r)))) {
        const reply = await call(route, pendingOrgId, token);
        expect({ actor: actor.handle, route: key(route), status: reply.status, code: reply.body.error?.code })
          .toEqual({ actor: actor.handle, route: key(route), status: 403, code: "forbidden" });
      }
    }
    expect(await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId])).toBe(before);
    // Control: an allowed write does change the digest, so the equalities above can fail.
    expect((await call({ method: "PATCH", path: "/:id" }, orgId, await owner.token)).status).toBe(200);
    expect(await fingerprint(everyone, [orgId, pendingOrgId, suspendedOrgId])).not.toBe(before);
  });
});
