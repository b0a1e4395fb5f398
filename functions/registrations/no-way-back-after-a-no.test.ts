// Issue 14: a "no" stays a no. Former participants of a cancelled event, people whose request was
// turned down and people the organizer removed cannot register again, and leaving cannot wipe the
// decision. Real HTTP, real tokens; every refusal changes nothing (event and rows compared).
import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { createEvent, createUser, eventState, expectError, participantRows, type TestUser } from "../../tests/support/fixtures.ts";

let olga: TestUser;

beforeAll(async () => {
  olga = await createUser("nwb-olga");
});

const register = async (user: TestUser, eventId: string) => callFunction("registrations", { token: user.token, body: { eventId } });
const rowOf = async (eventId: string, user: TestUser) => (await participantRows(eventId)).find((row) => row.user_id === user.id);

describe("no way back after a no", () => {
  it("answers 409 registration_closed to a former participant re-registering on a cancelled event, changing nothing", async () => {
    const { id } = await createEvent(olga);
    const kim = await createUser("nwb-kim");
    expect((await register(kim, id)).status).toBe(201);
    const cancelled = await callFunction(`events/${id}/cancel`, { token: olga.token, body: { reason: "Speaker ill" } });
    expect(cancelled.status).toBe(200);
    const before = await eventState(id);
    const again = await register(kim, id);
    expectError(again, 409, "registration_closed");
    expect(again.body.error.message).toMatch(/it is cancelled/);
    expect(await eventState(id)).toBe(before);
  });

  it("answers 409 registration_rejected after a turned-down request; leaving cannot wipe the decision", async () => {
    const { id } = await createEvent(olga, { autoAccept: false });
    const lee = await createUser("nwb-lee");
    expect((await register(lee, id)).body.registration.status).toBe("pending");
    const rejected = await callFunction(`registrations/${id}/${lee.id}/reject`, { token: olga.token, body: { reason: "Members only" } });
    expect(rejected.body.registration.status).toBe("rejected");
    const before = await eventState(id);
    expectError(await register(lee, id), 409, "registration_rejected");
    expectError(await callFunction(`participants/events/${id}/leave`, { token: lee.token, body: {} }), 409, "invalid_transition");
    expectError(await callFunction(`registrations/${id}`, { method: "DELETE", token: lee.token }), 409, "invalid_transition");
    expect(await eventState(id)).toBe(before);
    expect((await rowOf(id, lee))!.status).toBe("rejected");
  });

  it("keeps a removed participant's row as rejected, so registering again answers 409 registration_rejected", async () => {
    const { id } = await createEvent(olga);
    const max = await createUser("nwb-max");
    const registered = await register(max, id);
    expect(registered.body.registration.status).toBe("accepted");
    const removed = await callFunction(`participants/${registered.body.registration.id}`, {
      method: "DELETE", token: olga.token, body: { reason: "Spam" },
    });
    expect(removed.status).toBe(200);
    expect((await rowOf(id, max))!.status).toBe("rejected");
    const before = await eventState(id);
    expectError(await register(max, id), 409, "registration_rejected");
    expect(await eventState(id)).toBe(before);
  });

  it("still lets an accepted participant leave before the start (the row goes) and come back", async () => {
    const { id } = await createEvent(olga);
    const ned = await createUser("nwb-ned");
    expect((await register(ned, id)).status).toBe(201);
    expect((await callFunction(`participants/events/${id}/leave`, { token: ned.token, body: {} })).status).toBe(200);
    expect(await rowOf(id, ned)).toBeUndefined();
    expect((await register(ned, id)).status).toBe(201);
    const [count] = await testSql()`select count(*)::int as n from public.event_participants where event_id = ${id} and user_id = ${ned.id}`;
    expect(count!.n).toBe(1);
  });
});
