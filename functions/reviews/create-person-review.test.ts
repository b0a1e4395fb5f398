import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { addParticipant, createEvent, createUsers, type TestUser, reviewRows, suspend } from "../../tests/support/fixtures.ts";

// Real Deno gateway + throwaway database; the clock is the real one, so events are placed in time
// relative to now.
interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
interface ReviewBody {
  review: { id: string; rating: number; comment: string | null; sealedUntil: string | null; editableUntil: string | null; reviewerId: string };
}

let organizer: TestUser;
let speaker: TestUser;
let sponsor: TestUser;
let attendee: TestUser;
let absentee: TestUser;
let pendingSpeaker: TestUser;
let otherAttendee: TestUser;
let stranger: TestUser;
let suspended: TestUser;
let eventId: string;

function post(token: string | null, body: unknown) {
  return callFunction<ReviewBody & ErrorBody>("reviews", { method: "POST", token, body });
}

function personReview(revieweeId: string, overrides: Record<string, unknown> = {}) {
  return { target: "person", eventId, revieweeId, rating: 4, comment: "Clear and well paced", ...overrides };
}

beforeAll(async () => {
  [organizer, speaker, sponsor, attendee, absentee, pendingSpeaker, otherAttendee, stranger, suspended] = await createUsers(["cpr-olga", "cpr-sam", "cpr-spon", "cpr-ada", "cpr-abe", "cpr-pete", "cpr-ann", "cpr-stan", "cpr-sus"] as const);
  eventId = (await createEvent(organizer, { title: "Ownership in practice", status: "ended", endedDaysAgo: 2 })).id;
  await addParticipant(eventId, speaker, { role: "speaker", status: "accepted" });
  await addParticipant(eventId, sponsor, { role: "sponsor", status: "accepted" });
  await addParticipant(eventId, attendee, { role: "audience", status: "attended" });
  await addParticipant(eventId, otherAttendee, { role: "student", status: "attended" });
  await addParticipant(eventId, absentee, { role: "audience", status: "accepted" });
  await addParticipant(eventId, pendingSpeaker, { role: "speaker", status: "pending" });
  await addParticipant(eventId, suspended, { role: "audience", status: "attended" });
  await suspend(suspended);
});

describe("POST /reviews (person)", () => {
  it("lets an attendee review the speaker: 201, stored, aggregates and the reviewee's notification follow", async () => {
    const reply = await post(attendee.token, personReview(speaker.id, { rating: 5 }));
    expect(reply.status).toBe(201);
    expect(reply.body.review).toMatchObject({ rating: 5, comment: "Clear and well paced", sealedUntil: null, reviewerId: attendee.id });
    expect(reply.body.review.editableUntil).not.toBeNull();
    const [profile] = await testSql()`select reviews_count, average_rating from public.profiles where user_id = ${speaker.id}`;
    expect(profile).toEqual({ reviews_count: 1, average_rating: "5.00" });
    const notes = await testSql()`select kind, content, actor_id from public.notifications where recipient_id = ${speaker.id}`;
    expect(notes).toEqual([{ kind: "review_received", content: 'You received a 5-star review for "Ownership in practice".', actor_id: null }]);
  });

  it("refuses a second live review of the same person with 409 reviews_one_per_event_pair", async () => {
    const reply = await post(attendee.token, personReview(speaker.id, { rating: 1 }));
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("reviews_one_per_event_pair");
    const rows = (await reviewRows({ eventId })).filter((r) => r.reviewer_id === attendee.id && r.reviewee_id === speaker.id);
    expect(rows.map((r) => r.rating)).toEqual([5]);
  });

  it("lets an attendee review the organizer, but not another attendee (no audience ↔ audience)", async () => {
    expect((await post(attendee.token, personReview(organizer.id))).status).toBe(201);
    const reply = await post(attendee.token, personReview(otherAttendee.id));
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe("review_pair_not_allowed");
  });

  it("refuses a reviewer who registered but did not attend, and a stranger", async () => {
    for (const reviewer of [absentee, stranger]) {
      const reply = await post(reviewer.token, personReview(speaker.id));
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe("review_reviewer_not_eligible");
    }
  });

  it("refuses a pending speaker as reviewee and a self-review", async () => {
    const pending = await post(attendee.token, personReview(pendingSpeaker.id));
    expect(pending.status).toBe(403);
    expect(pending.body.error.code).toBe("review_pair_not_allowed");
    const self = await post(speaker.token, personReview(speaker.id));
    expect(self.status).toBe(409);
    expect(self.body.error).toEqual({ code: "reviews_not_self_review", message: "Cannot review yourself" });
  });

  it("refuses a suspended attendee with 403 and writes nothing", async () => {
    const reply = await post(suspended.token, personReview(speaker.id));
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toMatch(/account is not active/);
    expect((await reviewRows({ eventId })).some((r) => r.reviewer_id === suspended.id)).toBe(false);
  });

  it("seals the organizer's review of the speaker until the speaker answers, then opens both", async () => {
    const first = await post(organizer.token, personReview(speaker.id, { rating: 2 }));
    expect(first.status).toBe(201);
    expect(first.body.review.sealedUntil).toBe(first.body.review.editableUntil);
    const note = await testSql()`
      select content from public.notifications where recipient_id = ${speaker.id} and data ->> 'review_id' = ${first.body.review.id}`;
    expect(note[0]?.content).toMatch(/^You received a review for "Ownership in practice"\. Write yours to read it/);
    // The sealed rating is not in the speaker's average yet.
    const [before] = await testSql()`select reviews_count, average_rating from public.profiles where user_id = ${speaker.id}`;
    expect(before).toEqual({ reviews_count: 1, average_rating: "5.00" });

    const second = await post(speaker.token, personReview(organizer.id, { rating: 4 }));
    expect(second.status).toBe(201);
    expect(second.body.review.sealedUntil).toBeNull();
    const [opened] = await testSql()`select sealed_until from public.reviews where id = ${first.body.review.id}`;
    expect(opened?.sealed_until).toBeNull();
    const [after] = await testSql()`select reviews_count, average_rating from public.profiles where user_id = ${speaker.id}`;
    expect(after).toEqual({ reviews_count: 2, average_rating: "3.50" });
  });

  it("lets a sponsor review the organizer (blind) but not the speaker", async () => {
    const ok = await post(sponsor.token, personReview(organizer.id, { rating: 3 }));
    expect(ok.status).toBe(201);
    expect(ok.body.review.sealedUntil).not.toBeNull();
    const refused = await post(sponsor.token, personReview(speaker.id));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("review_pair_not_allowed");
  });

  it("answers 404 for an unknown event", async () => {
    const reply = await post(attendee.token, personReview(speaker.id, { eventId: "00000000-0000-4000-8000-00000000dead" }));
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe("not_found");
  });
});

describe("POST /reviews (person) outside the window", () => {
  let closedEventId: string;
  let runningEventId: string;
  let cancelledEventId: string;

  beforeAll(async () => {
    closedEventId = (await createEvent(organizer, { title: "Long ago", status: "ended", endedDaysAgo: 15 })).id;
    await addParticipant(closedEventId, attendee, { role: "audience", status: "attended" });
    runningEventId = (await createEvent(organizer, { title: "Still running", status: "published" })).id;
    await addParticipant(runningEventId, attendee, { role: "audience", status: "accepted" });
    cancelledEventId = (await createEvent(organizer, { title: "Called off", status: "cancelled", endedDaysAgo: 1 })).id;
  });

  it("refuses after the 14-day window with 409 review_window_closed", async () => {
    const reply = await post(attendee.token, personReview(organizer.id, { eventId: closedEventId }));
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("review_window_closed");
    expect(reply.body.error.message).toMatch(/^Cannot review people of "Long ago": the 14-day review window closed on /);
  });

  it("refuses before the event ended with 409 review_event_not_ended", async () => {
    const reply = await post(attendee.token, personReview(organizer.id, { eventId: runningEventId }));
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("review_event_not_ended");
  });

  it("refuses a cancelled event with 409 review_event_cancelled", async () => {
    const reply = await post(attendee.token, personReview(organizer.id, { eventId: cancelledEventId }));
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("review_event_cancelled");
    expect(await reviewRows({ eventId: cancelledEventId })).toEqual([]);
  });
});
