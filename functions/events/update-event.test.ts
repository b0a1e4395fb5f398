// PATCH /events/:id over real HTTP: the team edits, core fields time-locked, announced changes.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  addParticipant, createEvent, createUser, eventState, expectError, moveEventStart, notificationsOf, outboxOf, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

let olga: TestUser;
let cora: TestUser;
let pat: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  [olga, cora, pat, stranger] = await Promise.all([createUser("ue-olga"), createUser("ue-cora"), createUser("ue-pat"), createUser("ue-stranger")]);
});

describe("PATCH /events/:id", () => {
  it("lets the organizer edit a draft", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    const reply = await callFunction(`events/${id}`, { method: "PATCH", token: await olga.token, body: { title: "Renamed draft", maxParticipant: 30, description: null } });
    expect(reply.status).toBe(200);
    expect(reply.body.event).toMatchObject({ id, title: "Renamed draft", maxParticipant: 30, description: null });
  });

  it("lets an accepted committee member edit, and announces a new schedule to accepted participants", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, cora, { role: "committee", joinMethod: "invited" });
    await addParticipant(id, pat);
    const newStart = new Date(Math.floor(Date.now() / 1000) * 1000 + 10 * 86_400_000);
    const newEnd = new Date(newStart.getTime() + 3_600_000);
    const reply = await callFunction(`events/${id}`, {
      method: "PATCH", token: await cora.token, body: { startDatetime: newStart.toISOString(), endDatetime: newEnd.toISOString(), venueRemark: "Hall A" },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.event.startDatetime).toBe(newStart.toISOString());
    const patNotes = await notificationsOf(pat);
    expect(patNotes.map((n) => n.kind)).toContain("event_changed");
    const olgaNotes = await notificationsOf(olga);
    expect(olgaNotes.map((n) => n.kind)).toContain("event_changed");
    expect((await notificationsOf(cora)).map((n) => n.kind)).not.toContain("event_changed");
    const mail = (await outboxOf(pat)).find((m) => m.template === "event_changed");
    expect(mail?.data).toMatchObject({ eventId: id, startsAt: newStart.toISOString().replace(".000", ""), location: "Hall A" });
    expect(mail?.data.previousStartsAt).toBeDefined();
  });

  it("does not announce a change of description only", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, pat);
    const before = (await notificationsOf(pat)).length;
    const reply = await callFunction(`events/${id}`, { method: "PATCH", token: await olga.token, body: { description: "More words" } });
    expect(reply.status).toBe(200);
    expect((await notificationsOf(pat)).length).toBe(before);
  });

  it("locks core fields once a published event has started, but still allows the description", async () => {
    const { id } = await createEvent(olga);
    await moveEventStart(id, 10);
    const before = await eventState(id);
    const locked = await callFunction(`events/${id}`, { method: "PATCH", token: await olga.token, body: { title: "Too late", maxParticipant: 5 } });
    expectError(locked, 409, "invalid_transition");
    expect(locked.body.error.details.lockedFields).toEqual(["title", "maxParticipant"]);
    expect(await eventState(id)).toBe(before);
    const allowed = await callFunction(`events/${id}`, { method: "PATCH", token: await olga.token, body: { description: "Slides are online" } });
    expect(allowed.status).toBe(200);
  });

  it("refuses any edit of a cancelled event", async () => {
    const { id } = await createEvent(olga);
    await testSql()`update public.events set status = 'cancelled', cancel_reason = 'test' where id = ${id}`;
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}`, { method: "PATCH", token: await olga.token, body: { description: "x" } }), 409, "invalid_transition");
    expect(await eventState(id)).toBe(before);
  });

  it("refuses lowering the capacity under the seats taken (database rule) and changes nothing", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 5 });
    await addParticipant(id, pat);
    await addParticipant(id, stranger);
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}`, { method: "PATCH", token: await olga.token, body: { maxParticipant: 1 } }), 409, "events_max_participant_covers_participants");
    expect(await eventState(id)).toBe(before);
  });

  it("refuses anon, a stranger, a participant acting as organizer and a suspended organizer, changing nothing", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, pat);
    const suspended = await createUser("ue-suspended");
    const { id: suspendedEvent } = await createEvent(suspended);
    const oldToken = await suspended.token;
    await suspend(suspended);
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}`, { method: "PATCH", token: ANON_KEY, body: { title: "x" } }), 401, "unauthenticated");
    expectError(await callFunction(`events/${id}`, { method: "PATCH", token: await stranger.token, body: { title: "x" } }), 403, "forbidden");
    expectError(await callFunction(`events/${id}`, { method: "PATCH", token: await pat.token, body: { title: "x" } }), 403, "forbidden");
    expect(await eventState(id)).toBe(before);
    const suspendedBefore = await eventState(suspendedEvent);
    expectError(await callFunction(`events/${suspendedEvent}`, { method: "PATCH", token: oldToken, body: { title: "x" } }), 403, "forbidden");
    expect(await eventState(suspendedEvent)).toBe(suspendedBefore);
  });

  it("answers 404 (not 403) for someone else's draft and for a private event", async () => {
    const { id: draft } = await createEvent(olga, { status: "draft" });
    const { id: privateEvent } = await createEvent(olga, { visibility: "private" });
    expectError(await callFunction(`events/${draft}`, { method: "PATCH", token: await stranger.token, body: { title: "x" } }), 404, "not_found");
    expectError(await callFunction(`events/${privateEvent}`, { method: "PATCH", token: await stranger.token, body: { title: "x" } }), 404, "not_found");
  });

  const malformed: Array<[string, { path?: string; body?: unknown; rawBody?: string }, number, string]> = [
    ["an empty body", { body: {} }, 400, "invalid_request"],
    ["a capacity of the wrong type", { body: { maxParticipant: "10" } }, 400, "invalid_request"],
    ["an unknown field", { body: { status: "published" } }, 400, "invalid_request"],
    ["an oversize remark", { body: { remark: "r".repeat(501) } }, 400, "invalid_request"],
    ["an end before the start", { body: { startDatetime: "2027-02-01T10:00:00Z", endDatetime: "2027-02-01T09:00:00Z" } }, 400, "invalid_request"],
    ["a bad event UUID", { path: "events/not-a-uuid", body: { title: "x" } }, 400, "invalid_request"],
    ["invalid JSON", { rawBody: "{title" }, 400, "invalid_json"],
  ];
  for (const [name, request, status, code] of malformed) {
    it(`refuses ${name} with ${status} ${code}, changing nothing`, async () => {
      const { id } = await createEvent(olga, { status: "draft" });
      const before = await eventState(id);
      const { path, ...rest } = request;
      expectError(await callFunction(path ?? `events/${id}`, { method: "PATCH", token: await olga.token, ...rest }), status, code);
      expect(await eventState(id)).toBe(before);
    });
  }
});

describe("PATCH /events/:id capacity", () => {
  it("moves the waitlist up, in order, when a published event gets more seats", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 1 });
    const [a, b, c] = await Promise.all([createUser("ue-a"), createUser("ue-b"), createUser("ue-c")]);
    for (const user of [a!, b!, c!]) await callFunction("registrations", { token: await user.token, body: { eventId: id } });
    const reply = await callFunction(`events/${id}`, { method: "PATCH", token: await olga.token, body: { maxParticipant: 2 } });
    expect(reply.status).toBe(200);
    expect(reply.body.event.participantCount).toBe(2);
    const rows = await testSql()`select user_id, status::text, waitlist_position from public.event_participants where event_id = ${id} and role = 'audience'`;
    expect(rows.find((r) => r.user_id === b!.id)?.status).toBe("accepted");
    expect(rows.find((r) => r.user_id === c!.id)).toMatchObject({ status: "waitlisted", waitlist_position: 2 });
  });
});
