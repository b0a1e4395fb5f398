// Malformed requests to every participants route over real HTTP: wrong types, missing fields,
// unknown fields (zod .strict()), oversize strings, bad UUIDs, invalid JSON and oversize bodies →
// 4xx in the error shape, and no participant row changed.
import { beforeAll, describe, expect, it } from "vitest";
import {
  addParticipant,
  call,
  type Cast,
  createCast,
  createUser,
  expectRefused,
  fixturePrefix,
  type TestUser,
} from "../../tests/support/fixtures.ts";

const prefix = fixturePrefix("mal");
let cast: Cast;
let expert: TestUser;
let invitee: TestUser;
let pendingRowId: string;

beforeAll(async () => {
  cast = await createCast(prefix, { paid: true });
  expert = await createUser(`${prefix}exp`, { roles: ["expert"] });
  invitee = await createUser(`${prefix}inv`);
  await addParticipant(cast.event, invitee, { role: "speaker", status: "pending", joinMethod: "invited" });
  const payer = await createUser(`${prefix}pay`);
  pendingRowId = await addParticipant(cast.event, payer, { status: "pending", paymentStatus: "pending", proofPath: `${cast.event.id}/${payer.id}/z.png` });
});

interface RouteCase {
  name: string;
  method: string;
  path: () => string;
  badIdPath: string;
  token: () => string;
  valid: () => Record<string, unknown>;
  bad: Array<[string, () => unknown]>;
}

const long = (n: number) => "x".repeat(n);

const cases: RouteCase[] = [
  {
    name: "POST /events/:eventId/invitations", method: "POST", path: () => `participants/events/${cast.event.id}/invitations`,
    badIdPath: "participants/events/not-a-uuid/invitations", token: () => cast.organizer.token,
    valid: () => ({ userId: expert.id, role: "speaker" }),
    bad: [
      ["wrong type", () => ({ userId: 42, role: "speaker" })],
      ["missing role", () => ({ userId: expert.id })],
      ["unknown field", () => ({ userId: expert.id, role: "speaker", status: "accepted" })],
      ["oversize message", () => ({ userId: expert.id, role: "speaker", message: long(2001) })],
      ["bad UUID in body", () => ({ userId: "123", role: "speaker" })],
      ["array body", () => [expert.id]],
    ],
  },
  {
    name: "POST /events/:eventId/invitation/answer", method: "POST", path: () => `participants/events/${cast.event.id}/invitation/answer`,
    badIdPath: "participants/events/123/invitation/answer", token: () => invitee.token,
    valid: () => ({ answer: "accept" }),
    bad: [
      ["wrong type", () => ({ answer: true })],
      ["missing answer", () => ({ message: "hi" })],
      ["unknown field", () => ({ answer: "accept", role: "committee" })],
      ["oversize message", () => ({ answer: "decline", message: long(2001) })],
      ["status instead of answer", () => ({ answer: "attended" })],
    ],
  },
  {
    name: "POST /events/:eventId/applications", method: "POST", path: () => `participants/events/${cast.event.id}/applications`,
    badIdPath: "participants/events/zzz/applications", token: () => expert.token,
    valid: () => ({ role: "speaker" }),
    bad: [
      ["wrong type", () => ({ role: 1 })],
      ["missing role", () => ({})],
      ["unknown field", () => ({ role: "speaker", status: "accepted" })],
      ["oversize message", () => ({ role: "speaker", message: long(2001) })],
      ["committee is not applicable", () => ({ role: "committee" })],
    ],
  },
  {
    name: "POST /:participantId/application/decision", method: "POST", path: () => `participants/${pendingRowId}/application/decision`,
    badIdPath: "participants/nope/application/decision", token: () => cast.organizer.token,
    valid: () => ({ decision: "accept" }),
    bad: [
      ["wrong type", () => ({ decision: 1 })],
      ["missing decision", () => ({ reason: "x" })],
      ["unknown field", () => ({ decision: "accept", status: "attended" })],
      ["oversize reason", () => ({ decision: "reject", reason: long(501) })],
    ],
  },
  {
    name: "PATCH /:participantId/role", method: "PATCH", path: () => `participants/${cast.participantRowId}/role`,
    badIdPath: "participants/not-uuid/role", token: () => cast.organizer.token,
    valid: () => ({ role: "speaker" }),
    bad: [
      ["wrong type", () => ({ role: ["speaker"] })],
      ["missing role", () => ({})],
      ["unknown field", () => ({ role: "speaker", status: "accepted" })],
      ["oversize role", () => ({ role: long(5000) })],
    ],
  },
  {
    name: "DELETE /:participantId", method: "DELETE", path: () => `participants/${cast.participantRowId}`,
    badIdPath: "participants/1234", token: () => cast.organizer.token,
    valid: () => ({}),
    bad: [
      ["wrong type", () => ({ reason: 5 })],
      ["unknown field", () => ({ reason: "x", userId: cast.participant.id })],
      ["oversize reason", () => ({ reason: long(501) })],
    ],
  },
  {
    name: "POST /events/:eventId/leave", method: "POST", path: () => `participants/events/${cast.event.id}/leave`,
    badIdPath: "participants/events/x/leave", token: () => cast.participant.token,
    valid: () => ({}),
    bad: [
      ["unknown field", () => ({ userId: cast.committee.id })],
      ["wrong type", () => "leave"],
    ],
  },
  {
    name: "PUT /events/:eventId/payment-proof", method: "PUT", path: () => `participants/events/${cast.event.id}/payment-proof`,
    badIdPath: "participants/events/abc/payment-proof", token: () => cast.participant.token,
    valid: () => ({ path: `${cast.event.id}/${cast.participant.id}/r.png` }),
    bad: [
      ["wrong type", () => ({ path: 7 })],
      ["missing path", () => ({})],
      ["unknown field", () => ({ path: `${cast.event.id}/${cast.participant.id}/r.png`, paymentStatus: "verified" })],
      ["oversize path", () => ({ path: `${cast.event.id}/${cast.participant.id}/${long(600)}` })],
      ["URL instead of path", () => ({ path: "https://example.com/r.png" })],
    ],
  },
  {
    name: "POST /:participantId/payment/decision", method: "POST", path: () => `participants/${pendingRowId}/payment/decision`,
    badIdPath: "participants/0/payment/decision", token: () => cast.organizer.token,
    valid: () => ({ decision: "verify" }),
    bad: [
      ["wrong type", () => ({ decision: null })],
      ["missing decision", () => ({})],
      ["unknown field", () => ({ decision: "verify", status: "attended" })],
      ["oversize reason", () => ({ decision: "reject", reason: long(501) })],
    ],
  },
];

describe.each(cases)("$name", (route) => {
  it.each(route.bad.map(([label, body]) => ({ label, body })))("answers 400 invalid_request for $label and changes nothing", async ({ body }) => {
    const reply = await expectRefused([cast.event.id], () => call(route.path(), { method: route.method, token: route.token(), body: body() }), { status: 400, code: "invalid_request" });
    if (!Array.isArray(body()) && typeof body() === "object") expect(Array.isArray(reply.body.error.details)).toBe(true);
  });

  it("answers 400 invalid_json for a body that is not JSON", async () => {
    await expectRefused([cast.event.id], () => call(route.path(), { method: route.method, token: route.token(), rawBody: "{\"oops\": " }), { status: 400, code: "invalid_json" });
  });

  it("answers 413 payload_too_large for a 70 KiB body", async () => {
    await expectRefused([cast.event.id], () => call(route.path(), { method: route.method, token: route.token(), body: { ...route.valid(), message: long(70 * 1024) } }), { status: 413, code: "payload_too_large" });
  });

  it("answers 400 invalid_request for a bad UUID in the path", async () => {
    await expectRefused([cast.event.id], () => call(route.badIdPath, { method: route.method, token: route.token(), body: route.valid() }), { status: 400, code: "invalid_request" });
  });
});

describe("GET /events/:eventId and unknown routes", () => {
  it("answers 400 for a bad UUID, 404 for an unknown route and 405 for a wrong method", async () => {
    await expectRefused([cast.event.id], () => call("participants/events/bad", { token: cast.organizer.token }), { status: 400, code: "invalid_request" });
    await expectRefused([cast.event.id], () => call(`participants/events/${cast.event.id}/nothing`, { token: cast.organizer.token }), { status: 404, code: "not_found" });
    await expectRefused([cast.event.id], () => call(`participants/events/${cast.event.id}`, { method: "DELETE", token: cast.organizer.token }), { status: 405, code: "method_not_allowed" });
  });

  it("answers 401 unauthenticated for a forged token (the gateway refuses it first)", async () => {
    const reply = await call(`participants/events/${cast.event.id}`, { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad" });
    expect(reply.status).toBe(401);
  });
});
