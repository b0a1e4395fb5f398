// POST /events over real HTTP (real Deno gateway, throwaway database).
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import { createUser, expectError, suspend, type TestUser } from "../../tests/support/fixtures.ts";

let olga: TestUser;
let sam: TestUser;
let owner: TestUser;
let orgId: string;

async function eventsOf(user: TestUser): Promise<number> {
  const [row] = await testSql()`select count(*)::int as n from public.events where organizer_id = ${user.id}`;
  return row!.n as number;
}

beforeAll(async () => {
  olga = await createUser("ce-olga");
  sam = await createUser("ce-sam");
  owner = await createUser("ce-owner");
  const [org] = await testSql()`select tests.create_org(${`org-${owner.handle}`}, ${owner.handle}) as id`;
  orgId = org!.id as string;
});

describe("POST /events", () => {
  it("creates a draft for an active user, ignoring a client-sent status, with the organizer row", async () => {
    const reply = await callFunction("events", {
      token: await olga.token,
      body: { title: "Rust 101", status: "published", format: "webinar", startDatetime: "2027-01-10T09:00:00+08:00", endDatetime: "2027-01-10T11:00:00+08:00" },
    });
    expect(reply.status).toBe(201);
    expect(reply.body.event).toMatchObject({ title: "Rust 101", status: "draft", organizerId: olga.id, type: "online", registrationStatus: "closed" });
    expect(reply.body.event.startDatetime).toBe("2027-01-10T01:00:00.000Z");
    const rows = await testSql()`select role, status from public.event_participants where event_id = ${reply.body.event.id}`;
    expect(rows).toEqual([{ role: "organizer", status: "accepted" }]);
  });

  it("makes a paid event not auto-accepted", async () => {
    const reply = await callFunction("events", { token: await olga.token, body: { title: "Paid talk", registrationType: "paid", price: 12.5 } });
    expect(reply.status).toBe(201);
    expect(reply.body.event).toMatchObject({ registrationType: "paid", price: 12.5, autoAcceptRegistration: false });
  });

  it("lets an organization's owner create its events and refuses a non-manager", async () => {
    const allowed = await callFunction("events", { token: await owner.token, body: { title: "Org meetup", organizationId: orgId } });
    expect(allowed.status).toBe(201);
    expect(allowed.body.event.organizationId).toBe(orgId);
    const before = await eventsOf(sam);
    const refused = await callFunction("events", { token: await sam.token, body: { title: "Hijack", organizationId: orgId } });
    expectError(refused, 403, "forbidden");
    expect(await eventsOf(sam)).toBe(before);
  });

  it("answers 401 without a token, and for the anon key", async () => {
    expect((await callFunction("events", { body: { title: "x" } })).status).toBe(401);
    expectError(await callFunction("events", { token: ANON_KEY, body: { title: "x" } }), 401, "unauthenticated");
  });

  it("refuses a suspended user whose token was minted before the suspension", async () => {
    const susan = await createUser("ce-susan");
    const token = await susan.token;
    await suspend(susan);
    expectError(await callFunction("events", { token, body: { title: "Still here" } }), 403, "forbidden");
    expect(await eventsOf(susan)).toBe(0);
  });

  const malformed: Array<[string, { body?: unknown; rawBody?: string }, number, string]> = [
    ["a missing title", { body: { description: "no title" } }, 400, "invalid_request"],
    ["a title of the wrong type", { body: { title: 42 } }, 400, "invalid_request"],
    ["an unknown field", { body: { title: "x", organizer_id: "00000000-0000-4000-8000-000000000000" } }, 400, "invalid_request"],
    ["an oversize title", { body: { title: "x".repeat(151) } }, 400, "invalid_request"],
    ["a title of 16 words", { body: { title: "a b c d e f g h i j k l m n o p" } }, 400, "invalid_request"],
    ["an oversize description", { body: { title: "x", description: "d".repeat(10_001) } }, 400, "invalid_request"],
    ["a bad organization UUID", { body: { title: "x", organizationId: "not-a-uuid" } }, 400, "invalid_request"],
    ["an end before the start", { body: { title: "x", startDatetime: "2027-01-10T09:00:00Z", endDatetime: "2027-01-10T08:00:00Z" } }, 400, "invalid_request"],
    ["a date without offset", { body: { title: "x", startDatetime: "2027-01-10 09:00" } }, 400, "invalid_request"],
    ["an unknown time zone", { body: { title: "x", timezone: "Mars/Olympus" } }, 400, "invalid_request"],
    ["a negative capacity", { body: { title: "x", maxParticipant: -1 } }, 400, "invalid_request"],
    ["an http logo URL", { body: { title: "x", logoUrl: "http://example.com/a.png" } }, 400, "invalid_request"],
    ["invalid JSON", { rawBody: "{\"title\": " }, 400, "invalid_json"],
    ["a JSON array", { body: [{ title: "x" }] }, 400, "invalid_request"],
    ["a body over 64 KiB", { body: { title: "x", description: "d".repeat(70_000) } }, 413, "payload_too_large"],
  ];
  for (const [name, request, status, code] of malformed) {
    it(`refuses ${name} with ${status} ${code} and creates nothing`, async () => {
      const before = await eventsOf(olga);
      const reply = await callFunction("events", { method: "POST", token: await olga.token, ...request });
      expectError(reply, status, code);
      expect(await eventsOf(olga)).toBe(before);
    });
  }

  it("refuses a paid event that claims auto-accept, and a priced free event, creating nothing", async () => {
    const before = await eventsOf(olga);
    const paid = await callFunction("events", { token: await olga.token, body: { title: "x", registrationType: "paid", price: 5, autoAcceptRegistration: true } });
    expectError(paid, 400, "invalid_request");
    expect(paid.body.error.details[0].path).toBe("autoAcceptRegistration");
    expectError(await callFunction("events", { token: await olga.token, body: { title: "x", price: 5 } }), 400, "invalid_request");
    expect(await eventsOf(olga)).toBe(before);
  });
});
