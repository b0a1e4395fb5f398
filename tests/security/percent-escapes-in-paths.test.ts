// A path parameter with a malformed percent-escape (`/registrations/%zz`) is the client's mistake:
// every route with parameters answers 400 invalid_request with our error shape, never 500
// (decodeURIComponent throws URIError; issue 14). Real HTTP, a real user token, every route.
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction } from "../support/harness.ts";
import { createUser, fixturePrefix, type TestUser } from "../support/fixtures.ts";
import { contractRoutes, hasPathParams, type Route } from "./declared-routes.ts";

let user: TestUser;
let routes: Route[] = [];

beforeAll(async () => {
  user = await createUser(`${fixturePrefix("pct")}u`);
  routes = (await contractRoutes()).filter(hasPathParams);
});

/** The route's path with every parameter replaced by a raw, undecodable segment. */
const malformedPath = (route: Route, segment: string) =>
  `${route.function}${route.path.replace(/:([A-Za-z_]+)|\{([A-Za-z_]+)\}/g, segment).replace(/\/$/, "")}`;

describe("malformed percent-escapes in path parameters", () => {
  it("covers routes of several functions", () => {
    expect(new Set(routes.map((route) => route.function)).size).toBeGreaterThanOrEqual(5);
  });

  it("GET /registrations/%zz answers 400 invalid_request", async () => {
    const reply = await callFunction("registrations/%zz", { token: user.token });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: "invalid_request" } });
  });

  for (const segment of ["%zz", "%E0%A4%A"]) {
    it(`answers 400 invalid_request on every route with parameters for "${segment}"`, async () => {
      const failures: string[] = [];
      for (const route of routes) {
        const reply = await callFunction(malformedPath(route, segment), {
          method: route.method,
          token: user.token,
          ...(route.method === "GET" || route.method === "DELETE" ? {} : { body: {} }),
        });
        const code = (reply.body as { error?: { code?: string } })?.error?.code;
        if (reply.status !== 400 || code !== "invalid_request") failures.push(`${route.method} ${malformedPath(route, segment)} → ${reply.status} ${code}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
