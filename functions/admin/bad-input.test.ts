// Every route of `admin` answers 400 invalid_json / 413 payload_too_large / 400 invalid_request
// (unknown body field, unknown query parameter, bad UUID) in the error shape, writing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { routes } from "../_shared/contracts/admin.ts";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { createUser, expectError, fingerprint, OVERSIZE_BODY, setRole, type TestUser } from "../../tests/support/fixtures.ts";

describe("admin refuses bad input on every route", () => {
  let admin: TestUser;
  let target: TestUser;
  let tagId: string;
  const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

  beforeAll(async () => {
    admin = await createUser("bi-adm-admin", { roles: ["admin"] });
    target = await createUser("bi-adm-target");
    await setRole(target, "expert", "pending");
    const [tag] = await testSql()<{ id: string }[]>`insert into public.tags (name) values (${`BI tag ${target.id}`}) returning id`;
    tagId = tag!.id;
  });

  function validBody(route: { method: string; path: string }): Record<string, unknown> {
    if (route.path.endsWith("/suspend")) return { reason: "Valid" };
    if (route.path === "/broadcasts") return { audience: { kind: "users", userIds: [target.id] }, content: "Hi" };
    if (/^\/(tags|skills|categories)$/.test(route.path) || (route.method === "PATCH")) return { name: "Valid" };
    return {};
  }
  const pathOf = (route: { path: string }, userId: string, id: string) =>
    `admin${route.path.replace(":userId", userId).replace(":role", "expert").replace(":action", "approve").replace(":id", id)}`;

  it("answers 400 for unknown query parameters on every read route", async () => {
    const token = await admin.token;
    for (const route of routes.filter((r) => r.method === "GET")) {
      expectError(await callFunction(`${pathOf(route, target.id, tagId)}?unexpected=1`, { token }), 400, "invalid_request");
      expectError(await callFunction(`${pathOf(route, target.id, tagId)}?limit=abc`, { token }), 400, "invalid_request");
    }
  });

  it("answers 400/413 for invalid JSON, oversize bodies, unknown fields and bad UUIDs on every write route", async () => {
    const token = await admin.token;
    const before = await fingerprint([admin.id, target.id], []);
    for (const route of routes.filter((r) => r.method !== "GET")) {
      const path = pathOf(route, target.id, tagId);
      const label = key(route);
      const json = await callFunction(path, { token, method: route.method, rawBody: "{\"broken\": " });
      const size = await callFunction(path, { token, method: route.method, rawBody: OVERSIZE_BODY });
      const unknown = await callFunction(path, { token, method: route.method, body: { ...validBody(route), unexpected: true } });
      expect({ label, json: json.status, size: size.status, unknown: unknown.status }).toEqual({ label, json: 400, size: 413, unknown: 400 });
      expectError(json, 400, "invalid_json");
      expectError(size, 413, "payload_too_large");
      expectError(unknown, 400, "invalid_request");
      if (route.path.includes(":")) {
        expectError(await callFunction(pathOf(route, "not-a-uuid", "not-a-uuid"), { token, method: route.method, body: validBody(route) }), 400, "invalid_request");
      }
    }
    expect(await fingerprint([admin.id, target.id], [])).toBe(before);
    const [tag] = await testSql()<{ name: string }[]>`select name::text as name from public.tags where id = ${tagId}`;
    expect(tag?.name).toBe(`BI tag ${target.id}`);
  });
});
