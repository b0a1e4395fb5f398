// Journey: register for a full event, wait on the list, move up when a seat frees.
import { afterAll, describe, expect, it } from "vitest";
import { closeJourneys, newUser, ok, testSql, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("register → waitlist → promotion", () => {
  it("the second person waits and is promoted when the first withdraws", async () => {
    const tag = uniqueTag("wait");
    const olga = await newUser(`${tag}olga`);
    const sam = await newUser(`${tag}sam`);
    const nora = await newUser(`${tag}nora`);
    const start = new Date(Date.now() + 4 * 86_400_000);
    const { event } = await ok(olga.client.functions.invoke("events", {
      body: { description: "Hands-on session for students and engineers.", venuePlaceId: "ChIJ5-rvAcdJzDERfSgcL1uO2fQ", title: "Pitch night", maxParticipant: 1, startDatetime: start.toISOString(), endDatetime: new Date(start.getTime() + 7_200_000).toISOString() },
    }));
    await ok(olga.client.functions.invoke(`events/${event.id}/publish`, { body: {} }));

    const first = await ok(sam.client.functions.invoke("registrations", { body: { eventId: event.id } }));
    expect(first.registration.status).toBe("accepted");
    const second = await ok(nora.client.functions.invoke("registrations", { body: { eventId: event.id } }));
    expect(second.registration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });

    const withdrawn = await ok(sam.client.functions.invoke(`registrations/${event.id}`, { method: "DELETE", body: {} }));
    expect(withdrawn).toMatchObject({ withdrawn: true, seatFreed: true });
    const mine = await ok(nora.client.functions.invoke(`registrations/${event.id}`, { method: "GET" }));
    expect(mine.registration).toMatchObject({ status: "accepted", waitlistPosition: null });
    const [promoted] = await testSql()<{ n: number }[]>`
      select count(*)::int as n from private.email_outbox where recipient_user_id = ${nora.id} and template = 'waitlist_promoted'`;
    expect(promoted!.n).toBe(1);
  });
});
