// Every route of `organizations` with a body answers 400 invalid_json, 413 payload_too_large and
// 400 invalid_request (unknown field, bad UUID in the path), in the error shape, writing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/organizations.ts";
import { callFunction } from "../../tests/support/harness.ts";
import { createOrg, createUser, expectError, fingerprint, OVERSIZE_BODY, type TestUser } from "../../tests/support/fixtures.ts";

describe("organizations refuses bad input on every route", () => {
  let owner: TestUser;
  let admin: TestUser;
  let orgId: string;
  const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
  const valid: Record<string, Record<string, unknown>> = {
    "POST /": { name: "Valid Name" },
    "PATCH /:id": { name: "Valid Name" },
    "DELETE /:id": {},
    "PUT /:id/bank-details": { bankName: "Bank", accountNumber: "1234 5678", holderName: "Holder" },
    "POST /:id/resubmit": {},
    "POST /:id/approve": {},
    "POST /:id/reject": { reason: "Reason" },
    "POST /:id/invitations": { userId: "00000000-0000-4000-8000-000000000000" },
    "POST /:id/invitation": { accept: true },
    "POST /:id/join-requests": {},
    "POST /:id/join-requests/:userId": { accept: true },
    "PATCH /:id/members/:userId": { role: "admin" },
    "DELETE /:id/members/:userId": {},
    "POST /:id/leave": {},
    "POST /:id/transfer": { userId: "00000000-0000-4000-8000-000000000000" },
  };
  const pathOf = (route: { path: string }, id: string, userId: string) =>
    `organizations${route.path.replace(":id", id).replace(":userId", userId)}`.replace(/\/$/, "");

  beforeAll(async () => {
    owner = await createUser("bi-org-owner");
    admin = await createUser("bi-org-admin", { roles: ["admin"] });
    orgId = await createOrg(`BI Org ${owner.id.slice(0, 8)}`, owner, { status: "pending" });
  });

  it("has a valid body for every write route of the contract", () => {
    expect(routes.filter((r) => r.method !== "GET").map(key).sort()).toEqual(Object.keys(valid).sort());
  });

  it("answers 400/413 for invalid JSON, oversize bodies, unknown fields and bad UUIDs", async () => {
    const before = await fingerprint([owner.id, admin.id], [orgId]);
    for (const route of routes.filter((r) => r.method !== "GET")) {
      const token = await (key(route).includes("approve") || key(route).includes("reject") ? admin : owner).token;
      const path = pathOf(route, orgId, owner.id);
      const label = key(route);
      const replies = {
        json: await callFunction(path, { token, method: route.method, rawBody: "{\"broken\": " }),
        size: await callFunction(path, { token, method: route.method, rawBody: OVERSIZE_BODY }),
        unknown: await callFunction(path, { token, method: route.method, body: { ...valid[label], unexpected: true } }),
      };
      expect({ label, json: replies.json.status, size: replies.size.status, unknown: replies.unknown.status })
        .toEqual({ label, json: 400, size: 413, unknown: 400 });
      expectError(replies.json, 400, "invalid_json");
      expectError(replies.size, 413, "payload_too_large");
      expectError(replies.unknown, 400, "invalid_request");
      if (route.path.includes(":id")) {
        const badPath = pathOf(route, "not-a-uuid", route.path.includes(":userId") ? "12345" : owner.id);
        expectError(await callFunction(badPath, { token, method: route.method, body: valid[label] }), 400, "invalid_request");
      }
    }
    expect(await fingerprint([owner.id, admin.id], [orgId])).toBe(before);
  });
});
