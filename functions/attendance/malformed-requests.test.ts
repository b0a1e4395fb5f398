// Malformed requests to every attendance route over real HTTP: wrong types, missing fields, unknown
// fields (zod .strict()), oversize strings, bad UUIDs, invalid JSON, oversize bodies → 4xx in the
// error shape and no participant row or walk-in token changed.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY } from "../../tests/support/harness.ts";
import { call, type Cast, createCast, expectRefused, fixturePrefix } from "../../tests/support/fixtures.ts";

const prefix = fixturePrefix("amal");
let cast: Cast;
let tokenId: string;
let walkInToken: string;

beforeAll(async () => {
  cast = await createCast(prefix, { startsInMinutes: -10, type: "online" });
  const reply = await call(`attendance/events/${cast.event.id}/walk-in-tokens`, { token: cast.organizer.token, body: {} });
  tokenId = reply.body.id as string;
  walkInToken = reply.body.token as string;
});

interface RouteCase {
  name: string;
  path: () => string;
  badIdPath: string | null;
  token: () => string;
  valid: () => Record<string, unknown>;
  bad: Array<[string, () => unknown]>;
}

const long = (n: number) => "x".repeat(n);

const cases: RouteCase[] = [
  {
    name: "POST /participants/:participantId", path: () => `attendance/participants/${cast.participantRowId}`,
    badIdPath: "attendance/participants/not-a-uuid", token: () => cast.organizer.token,
    valid: () => ({ status: "attended" }),
    bad: [
      ["wrong type", () => ({ status: 1 })],
      ["missing status", () => ({})],
      ["unknown field", () => ({ status: "attended", attendedAt: "2020-01-01T00:00:00Z" })],
      ["a status that is not attendance", () => ({ status: "accepted" })],
      ["oversize status", () => ({ status: long(5000) })],
    ],
  },
  {
    name: "POST /events/:eventId/check-in", path: () => `attendance/events/${cast.event.id}/check-in`,
    badIdPath: "attendance/events/123/check-in", token: () => cast.participant.token,
    valid: () => ({ code: "AAAAAAAA" }),
    bad: [
      ["wrong type", () => ({ code: 12345678 })],
      ["missing code", () => ({})],
      ["unknown field", () => ({ code: "AAAAAAAA", status: "attended" })],
      ["oversize code", () => ({ code: long(300) })],
      ["code with bad characters", () => ({ code: "AAAA-01!" })],
    ],
  },
  {
    name: "POST /events/:eventId/online-check-in", path: () => `attendance/events/${cast.event.id}/online-check-in`,
    badIdPath: "attendance/events/abc/online-check-in", token: () => cast.participant.token,
    valid: () => ({}),
    bad: [
      ["unknown field", () => ({ status: "attended" })],
      ["wrong type", () => "online"],
    ],
  },
  {
    name: "POST /events/:eventId/walk-in-tokens", path: () => `attendance/events/${cast.event.id}/walk-in-tokens`,
    badIdPath: "attendance/events/xyz/walk-in-tokens", token: () => cast.organizer.token,
    valid: () => ({}),
    bad: [
      ["wrong type", () => ({ maxUses: "ten" })],
      ["unknown field", () => ({ token: "chosen-by-me-0000000000000000000000" })],
      ["oversize label", () => ({ label: long(101) })],
      ["zero max uses", () => ({ maxUses: 0 })],
      ["fractional max uses", () => ({ maxUses: 1.5 })],
      ["expiry without offset", () => ({ expiresAt: "2026-12-01 10:00" })],
    ],
  },
  {
    name: "POST /walk-in-tokens/:tokenId/deactivate", path: () => `attendance/walk-in-tokens/${tokenId}/deactivate`,
    badIdPath: "attendance/walk-in-tokens/nope/deactivate", token: () => cast.organizer.token,
    valid: () => ({}),
    bad: [
      ["unknown field", () => ({ isActive: true })],
      ["wrong type", () => 5],
    ],
  },
  {
    name: "POST /walk-in", path: () => "attendance/walk-in", badIdPath: null, token: () => ANON_KEY,
    valid: () => ({ token: walkInToken, name: "Guest", email: `${prefix}g@example.com` }),
    bad: [
      ["wrong type", () => ({ token: walkInToken, name: 5, email: `${prefix}g@example.com` })],
      ["missing e-mail", () => ({ token: walkInToken, name: "Guest" })],
      ["unknown field", () => ({ token: walkInToken, name: "Guest", email: `${prefix}g@example.com`, userId: cast.participant.id })],
      ["oversize e-mail", () => ({ token: walkInToken, name: "Guest", email: `${long(260)}@example.com` })],
    ],
  },
];

describe.each(cases)("$name", (route) => {
  it.each(route.bad.map(([label, body]) => ({ label, body })))("answers 400 invalid_request for $label and changes nothing", async ({ body }) => {
    await expectRefused([cast.event.id], () => call(route.path(), { token: route.token(), body: body() }), { status: 400, code: "invalid_request" });
  });

  it("answers 400 invalid_json for a body that is not JSON", async () => {
    await expectRefused([cast.event.id], () => call(route.path(), { token: route.token(), rawBody: "not json" }), { status: 400, code: "invalid_json" });
  });

  it("answers 413 payload_too_large for a 70 KiB body", async () => {
    await expectRefused([cast.event.id], () => call(route.path(), { token: route.token(), body: { ...route.valid(), padding: long(70 * 1024) } }), { status: 413, code: "payload_too_large" });
  });

  it.skipIf(route.badIdPath === null)("answers 400 invalid_request for a bad UUID in the path", async () => {
    await expectRefused([cast.event.id], () => call(route.badIdPath!, { token: route.token(), body: route.valid() }), { status: 400, code: "invalid_request" });
  });
});

describe("GET routes and unknown routes", () => {
  it("answers 400 for bad UUIDs on GET routes, 404 for an unknown route and 405 for a wrong method", async () => {
    await expectRefused([cast.event.id], () => call("attendance/events/bad/code", { token: cast.organizer.token }), { status: 400, code: "invalid_request" });
    await expectRefused([cast.event.id], () => call("attendance/events/bad/walk-in-tokens", { token: cast.organizer.token }), { status: 400, code: "invalid_request" });
    await expectRefused([cast.event.id], () => call("attendance/nowhere", { token: cast.organizer.token }), { status: 404, code: "not_found" });
    await expectRefused([cast.event.id], () => call("attendance/walk-in", { method: "GET", token: ANON_KEY }), { status: 405, code: "method_not_allowed" });
  });

  it("answers a CORS preflight without a token", async () => {
    const reply = await call("attendance/walk-in", { method: "OPTIONS" });
    expect(reply.status).toBe(200);
  });
});
