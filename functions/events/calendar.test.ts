// GET /events/:id/calendar.ics over real HTTP: anon key for public events, 404 for hidden ones.
import { beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql } from "../../tests/support/harness.ts";
import { addParticipant, createEvent, createUser, expectError, type TestUser } from "../../tests/support/fixtures.ts";

let olga: TestUser;
let stranger: TestUser;
let invitee: TestUser;

beforeAll(async () => {
  [olga, stranger, invitee] = await Promise.all([createUser("ca-olga"), createUser("ca-stranger"), createUser("ca-invitee")]);
});

const unfold = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");

describe("GET /events/:id/calendar.ics", () => {
  it("serves a public event to the anon key with UTC times, no zone, a stable UID and CONFIRMED", async () => {
    const { id } = await createEvent(olga, { title: "Calendar; party, 2027", timezone: "Asia/Kuala_Lumpur" });
    const [event] = await testSql()`select start_datetime from public.events where id = ${id}`;
    const reply = await callFunction<string>(`events/${id}/calendar.ics`, { token: ANON_KEY });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(reply.headers.get("content-disposition")).toContain(`event-${id}.ics`);
    const lines = unfold(reply.body);
    const start = (event!.start_datetime as Date).toISOString();
    const utc = `${start.slice(0, 4)}${start.slice(5, 7)}${start.slice(8, 10)}T${start.slice(11, 13)}${start.slice(14, 16)}${start.slice(17, 19)}Z`;
    expect(lines).toContain(`DTSTART:${utc}`);
    expect(lines.some((l) => l.includes("TZID") || l.includes("VTIMEZONE"))).toBe(false);
    expect(lines).toContain(`UID:event-${id}@atas`);
    expect(lines).toContain("SUMMARY:Calendar\\; party\\, 2027");
    expect(lines).toContain("STATUS:CONFIRMED");
    expect(reply.body.split("\r\n").every((l) => new TextEncoder().encode(l).byteLength <= 75)).toBe(true);

    const again = await callFunction<string>(`events/${id}/calendar.ics`, { headers: { apikey: ANON_KEY } });
    expect(again.status).toBe(200);
    expect(unfold(again.body).find((l) => l.startsWith("UID:"))).toBe(`UID:event-${id}@atas`);
  });

  it("marks a cancelled event CANCELLED with the same UID", async () => {
    const { id } = await createEvent(olga);
    expect((await callFunction(`events/${id}/cancel`, { token: await olga.token, body: { reason: "Rain" } })).status).toBe(200);
    const lines = unfold((await callFunction<string>(`events/${id}/calendar.ics`, { token: ANON_KEY })).body);
    expect(lines).toContain("STATUS:CANCELLED");
    expect(lines).toContain(`UID:event-${id}@atas`);
  });

  it("answers 404 for a private event to anon and strangers, 200 to an invitee and the organizer", async () => {
    const { id } = await createEvent(olga, { visibility: "private" });
    await addParticipant(id, invitee, { status: "pending", joinMethod: "invited", role: "speaker" });
    expectError(await callFunction(`events/${id}/calendar.ics`, { token: ANON_KEY }), 404, "not_found");
    expectError(await callFunction(`events/${id}/calendar.ics`, { token: await stranger.token }), 404, "not_found");
    expect((await callFunction(`events/${id}/calendar.ics`, { token: await invitee.token })).status).toBe(200);
    expect((await callFunction(`events/${id}/calendar.ics`, { token: await olga.token })).status).toBe(200);
  });

  it("answers 404 for a draft to anyone but its organizer (who gets TENTATIVE)", async () => {
    const { id } = await createEvent(olga, { status: "draft" });
    expectError(await callFunction(`events/${id}/calendar.ics`, { token: ANON_KEY }), 404, "not_found");
    const own = await callFunction<string>(`events/${id}/calendar.ics`, { token: await olga.token });
    expect(unfold(own.body)).toContain("STATUS:TENTATIVE");
  });

  it("answers 401 without any key, 400 for a bad UUID, 404 for an unknown event, 405 for POST", async () => {
    const { id } = await createEvent(olga);
    expect((await callFunction(`events/${id}/calendar.ics`)).status).toBe(401);
    expectError(await callFunction("events/not-a-uuid/calendar.ics", { token: ANON_KEY }), 400, "invalid_request");
    expectError(await callFunction("events/00000000-0000-4000-8000-000000000000/calendar.ics", { token: ANON_KEY }), 404, "not_found");
    expectError(await callFunction(`events/${id}/calendar.ics`, { method: "POST", token: ANON_KEY }), 405, "method_not_allowed");
  });
});

describe("events router", () => {
  it("answers 404 for an unknown route and 405 for a wrong method, in the error shape", async () => {
    const token = await olga.token;
    expectError(await callFunction("events/00000000-0000-4000-8000-000000000000/launch", { method: "POST", token }), 404, "not_found");
    const wrongMethod = await callFunction("events", { method: "GET", token });
    expectError(wrongMethod, 405, "method_not_allowed");
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });
});
