// POST /events/:id/registration, /cancel, /end and DELETE /events/:id over real HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  addParticipant, createEvent, createUser, eventState, expectError, moveEventStart, notificationsOf, outboxOf, participantRows, suspend,
  type TestUser,
} from "../../tests/support/fixtures.ts";

let olga: TestUser;
let cora: TestUser;
let pat: TestUser;
let penny: TestUser;
let wally: TestUser;
let stranger: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [olga, cora, pat, penny, wally, stranger, admin] = await Promise.all([
    createUser("rc-olga"), createUser("rc-cora"), createUser("rc-pat"), createUser("rc-penny"), createUser("rc-wally"),
    createUser("rc-stranger"), createUser("rc-admin", { admin: true }),
  ]);
});

async function statusOf(eventId: string, user: TestUser): Promise<string | undefined> {
  return (await participantRows(eventId)).find((p) => p.user_id === user.id)?.status as string | undefined;
}

describe("POST /events/:id/registration", () => {
  it("closes and reopens registration, telling the accepted committee once per change", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, cora, { role: "committee", joinMethod: "invited" });
    const closed = await callFunction(`events/${id}/registration`, { token: await olga.token, body: { action: "close" } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ event: { registrationStatus: "closed" }, notified: 1 });
    const again = await callFunction(`events/${id}/registration`, { token: await olga.token, body: { action: "close" } });
    expect(again.body.notified).toBe(0);
    const opened = await callFunction(`events/${id}/registration`, { token: await olga.token, body: { action: "open" } });
    expect(opened.body.event.registrationStatus).toBe("opened");
    expect((await notificationsOf(cora)).filter((n) => n.kind === "registration_toggled").map((n) => n.content)).toEqual([
      `Registration for "Event of ${olga.handle}" is closed`,
      `Registration for "Event of ${olga.handle}" is open`,
    ]);
  });

  it("refuses opening after start and any change on a draft; refuses bad actors and bodies", async () => {
    const { id: started } = await createEvent(olga, { registration: "closed" });
    await moveEventStart(started, 5);
    const before = await eventState(started);
    expectError(await callFunction(`events/${started}/registration`, { token: await olga.token, body: { action: "open" } }), 409, "invalid_transition");
    expect(await eventState(started)).toBe(before);
    const { id: draft } = await createEvent(olga, { status: "draft" });
    expectError(await callFunction(`events/${draft}/registration`, { token: await olga.token, body: { action: "open" } }), 409, "invalid_transition");

    const { id } = await createEvent(olga);
    await addParticipant(id, cora, { role: "committee", joinMethod: "invited" });
    await addParticipant(id, pat);
    const idBefore = await eventState(id);
    expectError(await callFunction(`events/${id}/registration`, { token: ANON_KEY, body: { action: "close" } }), 401, "unauthenticated");
    expectError(await callFunction(`events/${id}/registration`, { token: await stranger.token, body: { action: "close" } }), 403, "forbidden");
    expectError(await callFunction(`events/${id}/registration`, { token: await pat.token, body: { action: "close" } }), 403, "forbidden");
    expectError(await callFunction(`events/${id}/registration`, { token: await cora.token, body: { action: "close" } }), 403, "forbidden");
    expectError(await callFunction(`events/${id}/registration`, { token: await olga.token, body: { action: "toggle" } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/registration`, { token: await olga.token, body: {} }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/registration`, { token: await olga.token, body: { action: "open", extra: 1 } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/registration`, { token: await olga.token, rawBody: "action=open" }), 400, "invalid_json");
    expect(await eventState(id)).toBe(idBefore);
  });
});

describe("POST /events/:id/cancel", () => {
  it("cancels: pending and waitlisted rejected, everyone notified and e-mailed, reminders dropped, irreversible", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 1 });
    await addParticipant(id, pat);
    await addParticipant(id, penny, { status: "pending" });
    await addParticipant(id, wally, { status: "waitlisted" });
    await testSql()`insert into public.event_reminders (event_id, user_id, option) values (${id}, ${pat.id}, 'one_day')`;
    const reply = await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: "Speaker is ill" } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ event: { status: "cancelled", cancelReason: "Speaker is ill", registrationStatus: "closed" }, affected: { rejected: 2 }, notified: 3 });
    expect(await statusOf(id, pat)).toBe("accepted");
    expect(await statusOf(id, penny)).toBe("rejected");
    expect(await statusOf(id, wally)).toBe("rejected");
    for (const user of [pat, penny, wally]) {
      expect((await notificationsOf(user)).map((n) => n.kind)).toContain("event_cancelled");
      expect((await outboxOf(user)).find((m) => m.template === "event_cancelled")?.data).toMatchObject({ eventId: id, reason: "Speaker is ill" });
    }
    const [reminders] = await testSql()`select count(*)::int as n from public.event_reminders where event_id = ${id}`;
    expect(reminders!.n).toBe(0);

    const before = await eventState(id);
    expectError(await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: "again" } }), 409, "invalid_transition");
    expectError(await callFunction(`events/${id}/publish`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    expect(await eventState(id)).toBe(before);
  });

  it("lets an admin cancel (the organizer is told too) and refuses after the end", async () => {
    const { id } = await createEvent(olga);
    const reply = await callFunction(`events/${id}/cancel`, { token: await admin.token, body: { reason: "Venue closed" } });
    expect(reply.status).toBe(200);
    expect((await notificationsOf(olga)).filter((n) => n.kind === "event_cancelled").length).toBeGreaterThan(0);

    const { id: over } = await createEvent(olga);
    await moveEventStart(over, 180, 60);
    const before = await eventState(over);
    expectError(await callFunction(`events/${over}/cancel`, { token: await olga.token, body: { reason: "late" } }), 409, "invalid_transition");
    expect(await eventState(over)).toBe(before);
  });

  it("refuses anon, a stranger, a participant, a suspended organizer and malformed reasons, changing nothing", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, pat);
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}/cancel`, { token: ANON_KEY, body: { reason: "x" } }), 401, "unauthenticated");
    expectError(await callFunction(`events/${id}/cancel`, { token: await stranger.token, body: { reason: "x" } }), 403, "forbidden");
    expectError(await callFunction(`events/${id}/cancel`, { token: await pat.token, body: { reason: "x" } }), 403, "forbidden");
    expectError(await callFunction(`events/${id}/cancel`, { token: await olga.token, body: {} }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: "   " } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: 12 } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: "r".repeat(501) } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: "x", notify: false } }), 400, "invalid_request");
    expect(await eventState(id)).toBe(before);

    const susan = await createUser("rc-susan");
    const { id: own } = await createEvent(susan);
    const token = await susan.token;
    await suspend(susan);
    const ownBefore = await eventState(own);
    expectError(await callFunction(`events/${own}/cancel`, { token, body: { reason: "x" } }), 403, "forbidden");
    expect(await eventState(own)).toBe(ownBefore);
  });
});

describe("POST /events/:id/end", () => {
  it("ends a started event: accepted audience absent, pending/waitlisted rejected, team untouched, attended kept", async () => {
    const { id } = await createEvent(olga, { maxParticipant: 2 });
    await addParticipant(id, cora, { role: "committee", joinMethod: "invited" });
    await addParticipant(id, pat);
    await addParticipant(id, stranger);
    await addParticipant(id, penny, { status: "pending" });
    await addParticipant(id, wally, { status: "waitlisted" });
    await moveEventStart(id, 30);
    await testSql()`update public.event_participants set status = 'attended' where event_id = ${id} and user_id = ${stranger.id}`;
    const reply = await callFunction(`events/${id}/end`, { method: "POST", token: await olga.token });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ event: { status: "ended", registrationStatus: "closed" }, affected: { absent: 1, rejected: 2 } });
    expect(await statusOf(id, pat)).toBe("absent");
    expect(await statusOf(id, stranger)).toBe("attended");
    expect(await statusOf(id, cora)).toBe("accepted");
    expect(await statusOf(id, penny)).toBe("rejected");
    expect(await statusOf(id, wally)).toBe("rejected");

    const before = await eventState(id);
    expectError(await callFunction(`events/${id}/end`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    expectError(await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: "x" } }), 409, "invalid_transition");
    expect(await eventState(id)).toBe(before);
  });

  it("refuses before start, on a draft, for bad actors and with body fields", async () => {
    const { id: future } = await createEvent(olga);
    await addParticipant(future, pat);
    const before = await eventState(future);
    expectError(await callFunction(`events/${future}/end`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    expectError(await callFunction(`events/${future}/end`, { method: "POST", token: ANON_KEY }), 401, "unauthenticated");
    expectError(await callFunction(`events/${future}/end`, { method: "POST", token: await stranger.token }), 403, "forbidden");
    expectError(await callFunction(`events/${future}/end`, { method: "POST", token: await pat.token }), 403, "forbidden");
    expectError(await callFunction(`events/${future}/end`, { method: "POST", token: await olga.token, body: { force: true } }), 400, "invalid_request");
    expect(await eventState(future)).toBe(before);
    const { id: draft } = await createEvent(olga, { status: "draft", startsInMinutes: -30 });
    expectError(await callFunction(`events/${draft}/end`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
  });
});

describe("DELETE /events/:id", () => {
  it("soft-deletes a draft; it disappears for its organizer, the row stays", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    const reply = await callFunction(`events/${id}`, { method: "DELETE", token: await olga.token });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id, deleted: true });
    const [row] = await testSql()`select deleted_at from public.events where id = ${id}`;
    expect(row!.deleted_at).not.toBeNull();
    expectError(await callFunction(`events/${id}`, { method: "DELETE", token: await olga.token }), 404, "not_found");
  });

  it("deletes a published event with only pending requests (rejected and told), refuses one with accepted audience", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, penny, { status: "pending" });
    expect((await callFunction(`events/${id}`, { method: "DELETE", token: await olga.token })).status).toBe(200);
    expect(await statusOf(id, penny)).toBe("rejected");
    expect((await notificationsOf(penny)).map((n) => n.kind)).toContain("event_cancelled");

    const { id: full } = await createEvent(olga);
    await addParticipant(full, pat);
    const before = await eventState(full);
    expectError(await callFunction(`events/${full}`, { method: "DELETE", token: await olga.token }), 409, "invalid_transition");
    expect(await eventState(full)).toBe(before);
  });

  it("lets an admin delete with a reason (moderation notice), and refuses without one", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    expectError(await callFunction(`events/${id}`, { method: "DELETE", token: await admin.token }), 400, "invalid_request");
    expect((await callFunction(`events/${id}`, { method: "DELETE", token: await admin.token, body: { reason: "Spam" } })).status).toBe(200);
    expect((await outboxOf(olga)).find((m) => m.template === "moderation_notice" && m.data.action === "deleted")?.data.reason).toBe("Spam");
  });

  it("refuses anon, a stranger, a participant, a suspended organizer and malformed bodies", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, penny, { status: "pending" });
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}`, { method: "DELETE", token: ANON_KEY }), 401, "unauthenticated");
    expectError(await callFunction(`events/${id}`, { method: "DELETE", token: await stranger.token }), 403, "forbidden");
    expectError(await callFunction(`events/${id}`, { method: "DELETE", token: await penny.token }), 403, "forbidden");
    expectError(await callFunction(`events/${id}`, { method: "DELETE", token: await olga.token, body: { reason: 1 } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}`, { method: "DELETE", token: await olga.token, body: { hard: true } }), 400, "invalid_request");
    expectError(await callFunction("events/nope", { method: "DELETE", token: await olga.token }), 400, "invalid_request");
    expect(await eventState(id)).toBe(before);
    const susan = await createUser("rc-susan2");
    const { id: own } = await createEvent(susan);
    const token = await susan.token;
    await suspend(susan);
    expectError(await callFunction(`events/${own}`, { method: "DELETE", token }), 403, "forbidden");
  });
});
