// Journey: check-in at the door — by personal QR (participant shows, team scans), by the rotating
// event code (participant types it), by the team's walk-in form, and by a walk-in link.
import { afterAll, describe, expect, it } from "vitest";
import { anonymous, closeJourneys, functionError, newUser, ok, testSql, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("check-in by QR, by code, walk-in (team form and link)", () => {
  it("every way in marks the right person attended, once", async () => {
    const tag = uniqueTag("door");
    const olga = await newUser(`${tag}olga`);
    const kai = await newUser(`${tag}kai`);
    const sam = await newUser(`${tag}sam`);
    const nora = await newUser(`${tag}nora`);
    const start = new Date(Date.now() + 3 * 86_400_000);
    const { event } = await ok(olga.client.functions.invoke("events", {
      body: { description: "Hands-on session for students and engineers.", venuePlaceId: "ChIJ5-rvAcdJzDERfSgcL1uO2fQ", title: "Hack night", startDatetime: start.toISOString(), endDatetime: new Date(start.getTime() + 3 * 3_600_000).toISOString() },
    }));
    await ok(olga.client.functions.invoke(`events/${event.id}/publish`, { body: {} }));
    await ok(olga.client.functions.invoke(`participants/events/${event.id}/invitations`, { body: { userId: kai.id, role: "committee" } }));
    await ok(kai.client.functions.invoke(`participants/events/${event.id}/invitation/answer`, { body: { answer: "accept" } }));
    await ok(sam.client.functions.invoke("registrations", { body: { eventId: event.id } }));
    await ok(nora.client.functions.invoke("registrations", { body: { eventId: event.id } }));
    // The clock moves to 20 minutes after the start (check-in opens 1 h before).
    await testSql()`update public.events set start_datetime = now() - interval '20 minutes', end_datetime = now() + interval '160 minutes' where id = ${event.id}`;

    // docs/frontend-writes.md § Check-in: personal QR
    const qr = await ok(sam.client.functions.invoke(`attendance/events/${event.id}/my-qr`, { method: "GET" }));
    const scanned = await ok(kai.client.functions.invoke(`attendance/events/${event.id}/scan`, { body: { token: qr.token } }));
    expect(scanned).toMatchObject({ participantId: qr.participantId, status: "attended" });
    // A QR for this event never works for another one, and strangers cannot scan.
    const { error: notTeam } = await nora.client.functions.invoke(`attendance/events/${event.id}/scan`, { body: { token: qr.token } });
    expect(await functionError(notTeam)).toMatchObject({ status: 403, code: "forbidden" });

    // By the rotating code the team shows.
    const code = await ok(olga.client.functions.invoke(`attendance/events/${event.id}/code`, { method: "GET" }));
    const byCode = await ok(nora.client.functions.invoke(`attendance/events/${event.id}/check-in`, { body: { code: code.code } }));
    expect(byCode.status).toBe("attended");

    // The team's walk-in form: a guest row, never an account.
    const walkIn = await ok(kai.client.functions.invoke(`attendance/events/${event.id}/walk-ins`, { body: { name: "Door Guest", email: `${tag}door@example.com` } }));
    expect(walkIn).toMatchObject({ status: "attended", paymentStatus: null });
    const { error: twice } = await kai.client.functions.invoke(`attendance/events/${event.id}/walk-ins`, { body: { name: "Door Guest", email: `${tag}door@example.com` } });
    expect(await functionError(twice)).toMatchObject({ status: 409, code: "already_participant" });

    // A walk-in link (anon key): the team makes it, a visitor fills the form.
    const link = await ok(olga.client.functions.invoke(`attendance/events/${event.id}/walk-in-tokens`, { body: { label: "Side door" } }));
    const viaLink = await ok(anonymous().functions.invoke("attendance/walk-in", { body: { token: link.token, name: "Link Guest", email: `${tag}link@example.com` } }));
    expect(viaLink.status).toBe("attended");

    const [counts] = await testSql()<{ attended: number }[]>`
      select count(*) filter (where status = 'attended')::int as attended from public.event_participants where event_id = ${event.id}`;
    expect(counts!.attended).toBe(4);
  });
});
