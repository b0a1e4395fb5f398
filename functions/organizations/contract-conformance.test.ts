// The happy path of every `organizations` route, each reply checked against the contract's
// documented status and response schema (what the OpenAPI document will promise).
import { describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/organizations.ts";
import { callFunction } from "../../tests/support/harness.ts";
import { createUser, expectContract } from "../../tests/support/fixtures.ts";

describe("organizations replies match the contract", () => {
  it("walks every route once in a realistic order", async () => {
    const covered = new Set<string>();
    const admin = await createUser("cc-org-admin", { roles: ["admin"] });
    const owner = await createUser("cc-org-owner");
    const joiner = await createUser("cc-org-joiner");
    const invitee = await createUser("cc-org-invitee");
    const [adminToken, ownerToken, joinerToken, inviteeToken] = await Promise.all([admin.token, owner.token, joiner.token, invitee.token]);
    const step = async (method: string, path: string, token: string, concrete: string, body?: unknown) => {
      const reply = await callFunction(`organizations${concrete}`.replace(/\/$/, ""), { token, method, ...(body === undefined ? {} : { body }) });
      expectContract(routes, method, path, reply);
      covered.add(`${method} ${path}`);
      return reply;
    };

    const created = await step("POST", "/", ownerToken, "/", { name: `CC Org ${owner.id.slice(0, 8)}` });
    const id = created.body.id as string;
    await step("POST", "/:id/reject", adminToken, `/${id}/reject`, { reason: "Add a description" });
    await step("PATCH", "/:id", ownerToken, `/${id}`, { description: "A real club" });
    await step("POST", "/:id/resubmit", ownerToken, `/${id}/resubmit`, {});
    await step("POST", "/:id/approve", adminToken, `/${id}/approve`, {});
    await step("PUT", "/:id/bank-details", ownerToken, `/${id}/bank-details`, { bankName: "CIMB", accountNumber: "8000 1234", holderName: "CC Org" });
    await step("GET", "/:id", ownerToken, `/${id}`);
    await step("POST", "/:id/join-requests", joinerToken, `/${id}/join-requests`, {});
    await step("POST", "/:id/join-requests/:userId", ownerToken, `/${id}/join-requests/${joiner.id}`, { accept: true });
    await step("POST", "/:id/invitations", ownerToken, `/${id}/invitations`, { userId: invitee.id });
    await step("POST", "/:id/invitation", inviteeToken, `/${id}/invitation`, { accept: true });
    await step("PATCH", "/:id/members/:userId", ownerToken, `/${id}/members/${joiner.id}`, { role: "admin" });
    await step("GET", "/:id/members", joinerToken, `/${id}/members`);
    await step("POST", "/:id/transfer", ownerToken, `/${id}/transfer`, { userId: joiner.id });
    await step("DELETE", "/:id/members/:userId", joinerToken, `/${id}/members/${invitee.id}`, {});
    await step("POST", "/:id/leave", ownerToken, `/${id}/leave`, {});
    await step("DELETE", "/:id", joinerToken, `/${id}`, {});

    expect([...covered].sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  });
});
