// Journey: book a speaker (DOMAIN §3.6 E) and the sponsor's promotion. The organizer drafts an
// event, books an approved expert with a brief (the proposal), the expert comments on the brief
// (the organizer is e-mailed), accepts the booking; a sponsor sets their promotion on the page.
import { afterAll, describe, expect, it } from "vitest";
import { closeJourneys, functionError, insertStatement, newUser, ok, rest, testSql, uniqueTag } from "./support.ts";

afterAll(closeJourneys);

describe("book a speaker from a proposal; sponsor promotion", () => {
  it("organizer books an expert, the expert discusses the brief and accepts; a sponsor promotes", async () => {
    const tag = uniqueTag("book");
    const olga = await newUser(`${tag}olga`);
    const maya = await newUser(`${tag}maya`, ["student", "expert"]);
    const raj = await newUser(`${tag}raj`);
    const grace = await newUser(`${tag}grace`, ["sponsor"]);

    const { event } = await ok(olga.client.functions.invoke("events", {
      body: { description: "Hands-on session for students and engineers.", venuePlaceId: "ChIJ5-rvAcdJzDERfSgcL1uO2fQ", title: "Rust for backend teams", startDatetime: new Date(Date.now() + 10 * 86_400_000).toISOString(),
              endDatetime: new Date(Date.now() + 10 * 86_400_000 + 7_200_000).toISOString() },
    }));

    // docs/frontend-writes.md § Book a speaker
    const booking = await ok(olga.client.functions.invoke(`participants/events/${event.id}/bookings`, {
      body: { expertId: maya.id, proposal: { title: "Ownership in practice", description: "40 min talk + Q&A" }, message: "Would you speak?" },
    }));
    expect(booking.participant).toMatchObject({ userId: maya.id, role: "speaker", status: "pending", joinMethod: "booking" });

    // Only approved experts are booked: the database's rule answers.
    const { error: notExpert } = await olga.client.functions.invoke(`participants/events/${event.id}/bookings`, {
      body: { expertId: raj.id, proposalId: booking.proposalId },
    });
    expect(await functionError(notExpert)).toMatchObject({ status: 409, code: "event_participants_booking_needs_expert" });

    // The expert comments on the brief through PostgREST (RLS: linked invitees may comment).
    const { error: commentError, status } = await rest(maya.client,
      maya.client.from("event_proposal_comments").insert({ proposal_id: booking.proposalId, user_id: maya.id, content: "Happy to. 45 minutes?" }),
      insertStatement("event_proposal_comments", { proposal_id: "uuid", user_id: "uuid", content: "text" }));
    expect(commentError).toBeNull();
    expect(status).toBe(201);
    const mails = await testSql()<{ template: string; data: { commenterName: string; excerpt: string } }[]>`
      select template, data from private.email_outbox where recipient_user_id = ${olga.id} and template = 'proposal_comment'`;
    expect(mails).toEqual([{ template: "proposal_comment", data: expect.objectContaining({ excerpt: "Happy to. 45 minutes?" }) }]);

    const accepted = await ok(maya.client.functions.invoke(`participants/events/${event.id}/invitation/answer`, { body: { answer: "accept" } }));
    expect(accepted).toMatchObject({ status: "accepted", joinMethod: "booking" });

    // A sponsor invited to the event sets their promotion: image uploaded first to
    // avatars/<own id>/… (storage.from("avatars").upload — Storage does not run here), then the path.
    await ok(olga.client.functions.invoke(`participants/events/${event.id}/invitations`, { body: { userId: grace.id, role: "sponsor" } }));
    const promo = await ok(grace.client.functions.invoke(`participants/events/${event.id}/promo`, {
      method: "PUT", body: { promoLink: "https://grace.example/students", promoImagePath: `avatars/${grace.id}/banner.webp` },
    }));
    expect(promo).toMatchObject({ promoLink: "https://grace.example/students", promoImagePath: `avatars/${grace.id}/banner.webp` });
    const { error: foreign } = await grace.client.functions.invoke(`participants/events/${event.id}/promo`, {
      method: "PUT", body: { promoImagePath: `avatars/${olga.id}/banner.webp` },
    });
    expect(await functionError(foreign)).toMatchObject({ status: 409, code: "event_participants_promo_image_url_is_storage_path" });
  });
});
