// POST /events/:id/publish and /unpublish over real HTTP.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import {
  addParticipant, createEvent, createUser, eventState, expectError, moveEventStart, notificationsOf, outboxOf, suspend, type TestUser,
} from "../../tests/support/fixtures.ts";

let olga: TestUser;
let pat: TestUser;
let stranger: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [olga, pat, stranger, admin] = await Promise.all([
    createUser("pu-olga"), createUser("pu-pat"), createUser("pu-stranger"), createUser("pu-admin", { admin: true }),
  ]);
});

describe("POST /events/:id/publish", () => {
  it("publishes a complete draft and opens registration, with an audit record", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    const reply = await callFunction(`events/${id}/publish`, { method: "POST", token: await olga.token });
    expect(reply.status).toBe(200);
    expect(reply.body.event).toMatchObject({ status: "published", registrationStatus: "opened" });
    expect(reply.body.event.publishedAt).not.toBeNull();
    const audits = await testSql()`select action from public.audit_logs where target_id = ${id}`;
    expect(audits.map((a) => a.action)).toEqual(["event.publish"]);
  });

  it("lets an admin publish someone else's draft", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    expect((await callFunction(`events/${id}/publish`, { method: "POST", token: await admin.token })).status).toBe(200);
  });

  it("lists what is missing and changes nothing", async () => {
    const { id } = await createEvent(olga, { status: "draft", description: null, startsInMinutes: -60 });
    await testSql()`update public.events set venue_remark = null where id = ${id}`;
    const before = await eventState(id);
    const reply = await callFunction(`events/${id}/publish`, { method: "POST", token: await olga.token });
    expectError(reply, 409, "invalid_transition");
    expect(reply.body.error.message).toBe(`Cannot publish event "Event of ${olga.handle}": it has no description`);
    expect(reply.body.error.details.missing.map((m: { field: string }) => m.field)).toEqual(["description", "startDatetime", "venuePlaceId"]);
    expect(await eventState(id)).toBe(before);
  });

  it("refuses a draft without a schedule", async () => {
    const [row] = await testSql()`insert into public.events (organizer_id, title, description, format) values (${olga.id}, 'No schedule', 'x', 'webinar') returning id`;
    const reply = await callFunction(`events/${row!.id}/publish`, { method: "POST", token: await olga.token });
    expectError(reply, 409, "invalid_transition");
    expect(reply.body.error.details.missing.map((m: { field: string }) => m.field)).toEqual(["startDatetime", "endDatetime"]);
  });

  it("refuses publishing twice, and publishing a cancelled event", async () => {
    const { id: published } = await createEvent(olga);
    expectError(await callFunction(`events/${published}/publish`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    const { id: cancelled } = await createEvent(olga);
    await testSql()`update public.events set status = 'cancelled', cancel_reason = 'x' where id = ${cancelled}`;
    const before = await eventState(cancelled);
    expectError(await callFunction(`events/${cancelled}/publish`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    expect(await eventState(cancelled)).toBe(before);
  });

  it("refuses anon, a stranger (404 for a draft), a committee member, and a suspended organizer", async () => {
    const { id: draft } = await createEvent(olga, { status: "draft" });
    const cora = await createUser("pu-cora");
    await addParticipant(draft, cora, { role: "committee", joinMethod: "invited" });
    const before = await eventState(draft);
    expectError(await callFunction(`events/${draft}/publish`, { method: "POST", token: ANON_KEY }), 401, "unauthenticated");
    expectError(await callFunction(`events/${draft}/publish`, { method: "POST", token: await stranger.token }), 404, "not_found");
    expectError(await callFunction(`events/${draft}/publish`, { method: "POST", token: await cora.token }), 403, "forbidden");
    expect(await eventState(draft)).toBe(before);

    const susan = await createUser("pu-susan");
    const { id: own } = await createEvent(susan, { status: "draft" });
    const token = await susan.token;
    await suspend(susan);
    const ownBefore = await eventState(own);
    // A suspended account no longer sees its own drafts (RLS), so the event is not found for it.
    expectError(await callFunction(`events/${own}/publish`, { method: "POST", token }), 404, "not_found");
    expect(await eventState(own)).toBe(ownBefore);
  });

  it("refuses body fields, a bad UUID and invalid JSON", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}/publish`, { method: "POST", token: await olga.token, body: { status: "published" } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/publish`, { method: "POST", token: await olga.token, rawBody: "{" }), 400, "invalid_json");
    expectError(await callFunction("events/123/publish", { method: "POST", token: await olga.token }), 400, "invalid_request");
    expect(await eventState(id)).toBe(before);
  });
});

describe("POST /events/:id/unpublish", () => {
  it("lets the organizer unpublish before start; accepted participants are told, registration closes", async () => {
    const { id } = await createEvent(olga);
    await addParticipant(id, pat);
    const reply = await callFunction(`events/${id}/unpublish`, { method: "POST", token: await olga.token });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ event: { status: "draft", registrationStatus: "closed" }, notified: 1 });
    expect((await notificationsOf(pat)).map((n) => n.kind)).toContain("event_changed");
    expect((await notificationsOf(olga)).map((n) => n.kind)).not.toContain("event_moderated");
  });

  it("refuses the organizer after start, but lets an admin unpublish with a reason (moderation notice + e-mail)", async () => {
    const { id } = await createEvent(olga);
    await moveEventStart(id, 5);
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}/unpublish`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    expectError(await callFunction(`events/${id}/unpublish`, { method: "POST", token: await admin.token }), 400, "invalid_request");
    expect(await eventState(id)).toBe(before);

    const reply = await callFunction(`events/${id}/unpublish`, { method: "POST", token: await admin.token, body: { reason: "Misleading description" } });
    expect(reply.status).toBe(200);
    expect(reply.body.event.status).toBe("draft");
    const note = (await notificationsOf(olga)).find((n) => n.kind === "event_moderated");
    expect(note?.content).toBe("Unpublished by an admin: Misleading description");
    const mail = (await outboxOf(olga)).find((m) => m.template === "moderation_notice");
    expect(mail?.data).toMatchObject({ action: "unpublished", reason: "Misleading description", subjectTitle: `Event of ${olga.handle}` });
    const audits = await testSql()`select action, actor_id from public.audit_logs where target_id = ${id}`;
    expect(audits).toEqual([{ action: "event.moderate.unpublish", actor_id: admin.id }]);
  });

  it("refuses a draft, a stranger and a participant acting as organizer, and malformed bodies", async () => {
    const { id: draft } = await createEvent(olga, { status: "draft" });
    expectError(await callFunction(`events/${draft}/unpublish`, { method: "POST", token: await olga.token }), 409, "invalid_transition");
    const { id } = await createEvent(olga);
    await addParticipant(id, pat);
    const before = await eventState(id);
    expectError(await callFunction(`events/${id}/unpublish`, { method: "POST", token: await stranger.token }), 403, "forbidden");
    expectError(await callFunction(`events/${id}/unpublish`, { method: "POST", token: await pat.token }), 403, "forbidden");
    expectError(await callFunction(`events/${id}/unpublish`, { method: "POST", token: await olga.token, body: { reason: 5 } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/unpublish`, { method: "POST", token: await olga.token, body: { reason: "r".repeat(501) } }), 400, "invalid_request");
    expectError(await callFunction(`events/${id}/unpublish`, { method: "POST", token: await olga.token, body: { why: "x" } }), 400, "invalid_request");
    expect(await eventState(id)).toBe(before);
  });
});
