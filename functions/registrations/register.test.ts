// POST /registrations and GET /registrations/:eventId over real HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  createEvent, createUser, eventState, expectError, moveEventStart, notificationsOf, outboxOf, participantRows, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

let olga: TestUser;
let ada: TestUser;
let bob: TestUser;
let cy: TestUser;

beforeAll(async () => {
  [olga, ada, bob, cy] = await Promise.all([createUser("rg-olga"), createUser("rg-ada"), createUser("rg-bob"), createUser("rg-cy")]);
});

const register = async (user: TestUser, eventId: string) => callFunction("registrations", { token: await user.token, body: { eventId } });

describe("POST /registrations", () => {
  it("accepts on a free auto-accept event with seats: 201, organizer notified, participant e-mailed", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 10 });
    const reply = await register(ada, id);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ created: true, registration: { eventId: id, userId: ada.id, status: "accepted", role: "audience", joinMethod: "registered", waitlistPosition: null, paymentStatus: null } });
    expect((await notificationsOf(olga)).some((n) => n.kind === "participant_joined" && n.data.event_id === id)).toBe(true);
    expect((await outboxOf(ada)).find((m) => m.template === "event_registered")?.data).toMatchObject({ eventId: id, recipientName: expect.any(String) });
    const [event] = await testSql()`select participant_count from public.events where id = ${id}`;
    expect(event!.participant_count).toBe(1);
  });

  it("is idempotent: a second call answers 200 with the same row and writes nothing more", async () => {
    const { id } = await createEvent(olga);
    const first = await register(bob, id);
    const before = await eventState(id);
    const second = await register(bob, id);
    expect(second.status).toBe(200);
    expect(second.body.created).toBe(false);
    expect(second.body.registration.id).toBe(first.body.registration.id);
    expect(await eventState(id)).toBe(before);
  });

  it("makes a request pending when auto-accept is off (organizer gets join_request)", async () => {
    const { id } = await createEvent(olga, { autoAccept: false });
    const reply = await register(ada, id);
    expect(reply.status).toBe(201);
    expect(reply.body.registration.status).toBe("pending");
    expect((await notificationsOf(olga)).some((n) => n.kind === "join_request" && n.data.event_id === id)).toBe(true);
    expect((await outboxOf(ada)).some((m) => m.template === "event_request_received" && m.data.eventId === id)).toBe(true);
  });

  it("makes a paid registration pending with payment pending", async () => {
    const { id } = await createEvent(olga, { paid: true });
    const reply = await register(ada, id);
    expect(reply.body.registration).toMatchObject({ status: "pending", paymentStatus: "pending" });
  });

  it("waitlists with FIFO positions when full, and never lets a newcomer overtake the waitlist", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 1 });
    expect((await register(ada, id)).body.registration.status).toBe("accepted");
    const second = await register(bob, id);
    expect(second.body.registration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await register(cy, id)).body.registration).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
    expect((await outboxOf(bob)).find((m) => m.data.eventId === id)).toMatchObject({ template: "participation_decision", data: { decision: "waitlisted" } });
  });

  it("refuses closed registration, a started, a cancelled and an ended event with registration_closed, adding no row", async () => {
    const { id: closed } = await createEvent(olga, { registration: "closed" });
    const { id: started } = await createEvent(olga);
    await moveEventStart(started, 1);
    const { id: cancelled } = await createEvent(olga);
    await testSql()`update public.events set status = 'cancelled', cancel_reason = 'x' where id = ${cancelled}`;
    const { id: ended } = await createEvent(olga, { startsInMinutes: -200 });
    await testSql()`update public.events set status = 'ended' where id = ${ended}`;
    for (const id of [closed, started, cancelled, ended]) {
      const before = await eventState(id);
      const reply = await register(ada, id);
      expectError(reply, 409, "registration_closed");
      expect(reply.body.error.message).toMatch(/^Cannot register for event "Event of rg-olga-\w+": /);
      expect(await eventState(id)).toBe(before);
    }
  });

  it("answers 404 for a draft and a private event (never forbidden), adding no row", async () => {
    const { id: draft } = await createEvent(olga, { status: "draft" });
    const { id: hidden } = await createEvent(olga, { visibility: "private" });
    for (const id of [draft, hidden]) {
      expectError(await register(ada, id), 404, "not_found");
      expect((await participantRows(id)).length).toBe(1);
    }
    expectError(await register(ada, "00000000-0000-4000-8000-000000000000"), 404, "not_found");
  });

  it("answers 401 for no token and the anon key, 403 for a suspended user's old token", async () => {
    const { id } = await createEvent(olga);
    expect((await callFunction("registrations", { body: { eventId: id } })).status).toBe(401);
    expectError(await callFunction("registrations", { token: ANON_KEY, body: { eventId: id } }), 401, "unauthenticated");
    const sue = await createUser("rg-sue");
    const token = await sue.token;
    await suspend(sue);
    expectError(await callFunction("registrations", { token, body: { eventId: id } }), 403, "forbidden");
    expect((await participantRows(id)).length).toBe(1);
  });

  const malformed: Array<[string, { body?: unknown; rawBody?: string }, number, string]> = [
    ["a missing eventId", { body: {} }, 400, "invalid_request"],
    ["an eventId of the wrong type", { body: { eventId: 7 } }, 400, "invalid_request"],
    ["a bad UUID", { body: { eventId: "not-a-uuid" } }, 400, "invalid_request"],
    ["an oversize eventId", { body: { eventId: "a".repeat(5000) } }, 400, "invalid_request"],
    ["an unknown field", { body: { eventId: "00000000-0000-4000-8000-000000000000", userId: "00000000-0000-4000-8000-000000000001" } }, 400, "invalid_request"],
    ["invalid JSON", { rawBody: "{\"eventId\":" }, 400, "invalid_json"],
    ["a JSON string", { body: "eventId" }, 400, "invalid_request"],
  ];
  for (const [name, request, status, code] of malformed) {
    it(`refuses ${name} with ${status} ${code}`, async () => {
      const [before] = await testSql()`select count(*)::int as n from public.event_participants where user_id = ${cy.id}`;
      expectError(await callFunction("registrations", { method: "POST", token: await cy.token, ...request }), status, code);
      const [after] = await testSql()`select count(*)::int as n from public.event_participants where user_id = ${cy.id}`;
      expect(after!.n).toBe(before!.n);
    });
  }
});

describe("GET /registrations/:eventId", () => {
  it("answers the caller's own registration, or null", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 1 });
    await register(ada, id);
    await register(bob, id);
    const mine = await callFunction(`registrations/${id}`, { token: await bob.token });
    expect(mine.status).toBe(200);
    expect(mine.body.registration).toMatchObject({ userId: bob.id, status: "waitlisted", waitlistPosition: 1 });
    const none = await callFunction(`registrations/${id}`, { token: await cy.token });
    expect(none.body).toEqual({ registration: null });
  });

  it("answers 404 for a hidden event, 400 for a bad UUID, 401 for anon, 403 for a suspended user", async () => {
    const { id: hidden } = await createEvent(olga, { visibility: "private" });
    expectError(await callFunction(`registrations/${hidden}`, { token: await ada.token }), 404, "not_found");
    expectError(await callFunction("registrations/xyz", { token: await ada.token }), 400, "invalid_request");
    const { id } = await createEvent(olga);
    expectError(await callFunction(`registrations/${id}`, { token: ANON_KEY }), 401, "unauthenticated");
    const sue = await createUser("rg-sue2");
    const token = await sue.token;
    await suspend(sue);
    expectError(await callFunction(`registrations/${id}`, { token }), 403, "forbidden");
  });
});

describe("POST /registrations by the organizer", () => {
  it("refuses the organizer's own registration with 403, changing nothing", async () => {
    const { id } = await createEvent(olga);
    const before = await eventState(id);
    expectError(await register(olga, id), 403, "forbidden");
    expect(await eventState(id)).toBe(before);
  });
});
