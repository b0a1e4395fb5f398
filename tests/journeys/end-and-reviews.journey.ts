// Journey: the event ends, people review each other in the allowed pairs, the averages follow.
// The organizer ends the event after its start; an attended audience member reviews the
// organizer; the organizer and the speaker review each other (two-way pair); audience ↔ audience
// is refused; the profile average is recomputed by the database.
import { afterAll, describe, expect, it } from "vitest";
import { closeJourneys, functionError, newUser, ok, readStatement, rest, testSql, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("end → review pairs → aggregates", () => {
  it("reviews follow the allowed pairs and move the averages", async () => {
    const tag = uniqueTag("rev");
    const olga = await newUser(`${tag}olga`);
    const maya = await newUser(`${tag}maya`, ["student", "expert"]);
    const sam = await newUser(`${tag}sam`);
    const nora = await newUser(`${tag}nora`);
    const start = new Date(Date.now() + 2 * 86_400_000);
    const { event } = await ok(olga.client.functions.invoke("events", {
      body: { description: "Career fair for CS students.", venuePlaceId: "ChIJ5-rvAcdJzDERfSgcL1uO2fQ", title: `Career fair ${tag}`,
              startDatetime: start.toISOString(), endDatetime: new Date(start.getTime() + 7_200_000).toISOString() },
    }));
    await ok(olga.client.functions.invoke(`events/${event.id}/publish`, { body: {} }));
    await ok(olga.client.functions.invoke(`participants/events/${event.id}/invitations`, { body: { userId: maya.id, role: "speaker" } }));
    await ok(maya.client.functions.invoke(`participants/events/${event.id}/invitation/answer`, { body: { answer: "accept" } }));
    const { registration: samRow } = await ok(sam.client.functions.invoke("registrations", { body: { eventId: event.id } }));
    await ok(nora.client.functions.invoke("registrations", { body: { eventId: event.id } }));

    // The event is under way: sam is checked in by the team; nora never comes.
    await testSql()`update public.events set start_datetime = now() - interval '30 minutes', end_datetime = now() + interval '90 minutes' where id = ${event.id}`;
    await ok(olga.client.functions.invoke(`attendance/participants/${samRow.id}`, { body: { status: "attended" } }));
    const ended = await ok(olga.client.functions.invoke(`events/${event.id}/end`, { body: {} }));
    expect(ended.event.status).toBe("ended");
    // Reviews open when the scheduled end has passed: the clock moves to one hour after it.
    await testSql()`select tests.shift_event_end(${`Career fair ${tag}`}, interval '1 hour')`;

    // docs/frontend-writes.md: reviews (DOMAIN §3.7)
    await ok(sam.client.functions.invoke("reviews", { body: { target: "person", eventId: event.id, revieweeId: olga.id, rating: 5, comment: "Great fair" } }));
    await ok(maya.client.functions.invoke("reviews", { body: { target: "person", eventId: event.id, revieweeId: olga.id, rating: 3 } }));
    await ok(olga.client.functions.invoke("reviews", { body: { target: "person", eventId: event.id, revieweeId: maya.id, rating: 4 } }));
    const { error: pair } = await sam.client.functions.invoke("reviews", { body: { target: "person", eventId: event.id, revieweeId: nora.id, rating: 1 } });
    expect(await functionError(pair)).toMatchObject({ status: 403, code: "review_pair_not_allowed" });
    const { error: absent } = await nora.client.functions.invoke("reviews", { body: { target: "person", eventId: event.id, revieweeId: olga.id, rating: 1 } });
    expect((await functionError(absent)).code).toBe("review_reviewer_not_eligible");

    const { data: profile, error } = await rest(olga.client,
      olga.client.from("profiles").select("average_rating").eq("user_id", olga.id).single(),
      readStatement(`/profiles?select=average_rating&user_id=eq.${olga.id}`,
        `SELECT "public"."profiles"."average_rating" FROM "public"."profiles" WHERE "public"."profiles"."user_id" = $1`, [olga.id]));
    expect(error).toBeNull();
    expect(Number(profile!.average_rating)).toBe(4); // (5 + 3) / 2
  });
});
