// DELETE /registrations/:eventId and POST /registrations/:eventId/:userId/approve|reject over HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  addParticipant, createEvent, createUser, eventState, expectError, moveEventStart, notificationsOf, outboxOf, participantRows, suspend,
  type TestUser,
} from "../../tests/support/fixtures.ts";

let olga: TestUser;
let cora: TestUser;
let ada: TestUser;
let bob: TestUser;
let cy: TestUser;
let dee: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  [olga, cora, ada, bob, cy, dee, stranger] = await Promise.all([
    createUser("wd-olga"), createUser("wd-cora"), createUser("wd-ada"), createUser("wd-bob"), createUser("wd-cy"), createUser("wd-dee"),
    createUser("wd-stranger"),
  ]);
});

const register = async (user: TestUser, eventId: string) => callFunction("registrations", { token: await user.token, body: { eventId } });
const withdraw = async (user: TestUser, eventId: string) => callFunction(`registrations/${eventId}`, { method: "DELETE", token: await user.token });
const statusOf = async (eventId: string, user: TestUser) => (await participantRows(eventId)).find((p) => p.user_id === user.id)?.status;

describe("DELETE /registrations/:eventId", () => {
  it("frees the seat and promotes the first waitlisted person, who is notified and e-mailed", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 1 });
    await register(ada, id);
    await register(bob, id);
    await register(cy, id);
    const reply = await withdraw(ada, id);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ eventId: id, withdrawn: true, seatFreed: true });
    expect(await statusOf(id, ada)).toBeUndefined();
    expect(await statusOf(id, bob)).toBe("accepted");
    expect(await statusOf(id, cy)).toBe("waitlisted");
    expect((await notificationsOf(bob)).some((n) => n.kind === "participation_decided" && n.data.event_id === id)).toBe(true);
    expect((await outboxOf(bob)).some((m) => m.template === "waitlist_promoted" && m.data.eventId === id)).toBe(true);
    expect((await notificationsOf(olga)).some((n) => n.kind === "participant_left" && n.data.event_id === id)).toBe(true);
    // A withdrawn user may register again (and queues behind the waitlist).
    expect((await register(ada, id)).body.registration).toMatchObject({ status: "waitlisted" });
  });

  it("promotes to pending when auto-accept is off (the organizer decides)", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 1, autoAccept: false });
    await register(ada, id);
    expect((await callFunction(`registrations/${id}/${ada.id}/approve`, { method: "POST", token: await olga.token })).status).toBe(200);
    await register(bob, id);
    expect(await statusOf(id, bob)).toBe("waitlisted");
    await withdraw(ada, id);
    expect(await statusOf(id, bob)).toBe("pending");
    expect((await outboxOf(bob)).some((m) => m.template === "event_request_received" && m.data.eventId === id)).toBe(true);
  });

  it("refuses after start, after attendance, for the organizer and for a rejected row, changing nothing", async () => {
    const { id: started } = await createEvent(olga);
    await register(ada, started);
    await moveEventStart(started, 1);
    let before = await eventState(started);
    expectError(await withdraw(ada, started), 409, "invalid_transition");
    expect(await eventState(started)).toBe(before);

    const { id: attended } = await createEvent(olga);
    await addParticipant(attended, bob);
    await testSql()`update public.event_participants set status = 'attended' where event_id = ${attended} and user_id = ${bob.id}`;
    before = await eventState(attended);
    expectError(await withdraw(bob, attended), 409, "invalid_transition");
    expectError(await withdraw(olga, attended), 409, "invalid_transition");
    expect(await eventState(attended)).toBe(before);

    const { id: rejected } = await createEvent(olga, { autoAccept: false });
    await register(cy, rejected);
    await callFunction(`registrations/${rejected}/${cy.id}/reject`, { method: "POST", token: await olga.token });
    before = await eventState(rejected);
    expectError(await withdraw(cy, rejected), 409, "invalid_transition");
    expect(await eventState(rejected)).toBe(before);
  });

  it("answers 404 when not registered or the event is hidden, 401 for anon, 403 for a suspended user, 400 for bad input", async () => {
    const { id } = await createEvent(olga);
    expectError(await withdraw(stranger, id), 404, "not_found");
    const { id: hidden } = await createEvent(olga, { visibility: "private" });
    expectError(await withdraw(stranger, hidden), 404, "not_found");
    await register(dee, id);
    const before = await eventState(id);
    expectError(await callFunction(`registrations/${id}`, { method: "DELETE", token: ANON_KEY }), 401, "unauthenticated");
    expectError(await callFunction("registrations/not-a-uuid", { method: "DELETE", token: await dee.token }), 400, "invalid_request");
    expectError(await callFunction(`registrations/${id}`, { method: "DELETE", token: await dee.token, body: { userId: olga.id } }), 400, "invalid_request");
    expectError(await callFunction(`registrations/${id}`, { method: "DELETE", token: await dee.token, rawBody: "{" }), 400, "invalid_json");
    const token = await dee.token;
    await suspend(dee);
    expectError(await callFunction(`registrations/${id}`, { method: "DELETE", token }), 403, "forbidden");
    expect(await eventState(id)).toBe(before);
  });
});

describe("POST /registrations/:eventId/:userId/approve|reject", () => {
  it("lets the organizer accept and an accepted committee member reject; participants are told and e-mailed", async () => {
    const { id } = await createEvent(olga, { autoAccept: false });
    await addParticipant(id, cora, { role: "committee", joinMethod: "invited" });
    await register(ada, id);
    await register(bob, id);
    const accepted = await callFunction(`registrations/${id}/${ada.id}/approve`, { method: "POST", token: await olga.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.registration).toMatchObject({ userId: ada.id, status: "accepted" });
    expect(accepted.body.registration.respondedAt).not.toBeNull();
    const rejected = await callFunction(`registrations/${id}/${bob.id}/reject`, { token: await cora.token, body: { reason: "Workshop is for members" } });
    expect(rejected.body.registration.status).toBe("rejected");
    expect((await notificationsOf(ada)).some((n) => n.kind === "participation_decided" && n.data.status === "accepted")).toBe(true);
    expect((await outboxOf(bob)).find((m) => m.template === "participation_decision" && m.data.eventId === id)?.data).toMatchObject({
      about: "request", decision: "rejected", reason: "Workshop is for members",
    });
  });

  it("re-checks capacity: accepting into a full event answers 409 event_full and changes nothing", async () => {
    const { id } = await createEvent(olga, { autoAccept: false, maxParticipant: 1 });
    await register(ada, id);
    await register(bob, id);
    expect((await callFunction(`registrations/${id}/${ada.id}/approve`, { method: "POST", token: await olga.token })).status).toBe(200);
    const before = await eventState(id);
    expectError(await callFunction(`registrations/${id}/${bob.id}/approve`, { method: "POST", token: await olga.token }), 409, "event_full");
    expect(await eventState(id)).toBe(before);
  });

  it("refuses accepting an unpaid paid registration, deciding twice, and accepting a waitlisted row", async () => {
    const { id: paid } = await createEvent(olga, { paid: true });
    await register(ada, paid);
    expectError(await callFunction(`registrations/${paid}/${ada.id}/approve`, { method: "POST", token: await olga.token }), 409, "payment_not_verified");
    const { id } = await createEvent(olga, { autoAccept: false, maxParticipant: 1 });
    await register(bob, id);
    await callFunction(`registrations/${id}/${bob.id}/approve`, { method: "POST", token: await olga.token });
    expectError(await callFunction(`registrations/${id}/${bob.id}/approve`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    expectError(await callFunction(`registrations/${id}/${bob.id}/reject`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    await register(cy, id);
    expect(await statusOf(id, cy)).toBe("waitlisted");
    expectError(await callFunction(`registrations/${id}/${cy.id}/approve`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    expect((await callFunction(`registrations/${id}/${cy.id}/reject`, { method: "POST", token: await olga.token })).body.registration.status).toBe("rejected");
  });

  it("refuses anon, a stranger, a participant, a pending committee invitee and a suspended organizer; 404 for unknown rows", async () => {
    const { id } = await createEvent(olga, { autoAccept: false });
    await register(ada, id);
    await addParticipant(id, bob);
    await addParticipant(id, cy, { role: "committee", joinMethod: "invited", status: "pending" });
    const before = await eventState(id);
    const path = `registrations/${id}/${ada.id}/approve`;
    expectError(await callFunction(path, { method: "POST", token: ANON_KEY }), 401, "unauthenticated");
    expectError(await callFunction(path, { method: "POST", token: await stranger.token }), 403, "forbidden");
    expectError(await callFunction(path, { method: "POST", token: await bob.token }), 403, "forbidden");
    expectError(await callFunction(path, { method: "POST", token: await cy.token }), 403, "forbidden");
    expectError(await callFunction(path, { method: "POST", token: await ada.token }), 403, "forbidden");
    expectError(await callFunction(`registrations/${id}/${stranger.id}/approve`, { method: "POST", token: await olga.token }), 404, "not_found");
    expect(await eventState(id)).toBe(before);

    const sam = await createUser("wd-sam");
    const { id: own } = await createEvent(sam, { autoAccept: false });
    await register(ada, own);
    const token = await sam.token;
    await suspend(sam);
    const ownBefore = await eventState(own);
    expectError(await callFunction(`registrations/${own}/${ada.id}/approve`, { method: "POST", token }), 403, "forbidden");
    expect(await eventState(own)).toBe(ownBefore);
  });

  it("refuses malformed input: bad UUIDs, unknown fields, wrong types, oversize reasons, invalid JSON", async () => {
    const { id } = await createEvent(olga, { autoAccept: false });
    await register(dee, id).catch(() => undefined);
    const before = await eventState(id);
    const token = await olga.token;
    expectError(await callFunction(`registrations/${id}/nope/approve`, { method: "POST", token }), 400, "invalid_request");
    expectError(await callFunction(`registrations/nope/${ada.id}/reject`, { method: "POST", token }), 400, "invalid_request");
    expectError(await callFunction(`registrations/${id}/${ada.id}/reject`, { token, body: { reason: 3 } }), 400, "invalid_request");
    expectError(await callFunction(`registrations/${id}/${ada.id}/reject`, { token, body: { reason: "r".repeat(501) } }), 400, "invalid_request");
    expectError(await callFunction(`registrations/${id}/${ada.id}/reject`, { token, body: { status: "accepted" } }), 400, "invalid_request");
    expectError(await callFunction(`registrations/${id}/${ada.id}/reject`, { token, rawBody: "[" }), 400, "invalid_json");
    expectError(await callFunction(`registrations/${id}/${ada.id}/promote`, { method: "POST", token }), 404, "not_found");
    expect(await eventState(id)).toBe(before);
  });
});
