import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import { addParticipant, createEvent, createUser, createUsers, type TestUser, setRole, suspend } from "../../tests/support/fixtures.ts";

// Real Deno gateway + throwaway database. A review whose window has closed is arranged by moving
// its event's end back in time as the project owner (the clock itself is real).
interface Reply {
  review: { id: string; rating: number; comment: string | null; deletedAt: string | null };
  error: { code: string; message: string };
}

let organizer: TestUser;
let speaker: TestUser;
let author: TestUser;
let stranger: TestUser;
let admin: TestUser;

/** A fresh ended event where `author` attended and `speaker` spoke, and the author's review of `revieweeId`. */
async function reviewInFreshEvent(revieweeId: string, options: { rating?: number; reviewer?: TestUser } = {}) {
  const reviewer = options.reviewer ?? author;
  const { id: eventId } = await createEvent(organizer, { title: "Edits allowed", status: "ended", endedDaysAgo: 3 });
  await addParticipant(eventId, speaker, { role: "speaker", status: "accepted" });
  await addParticipant(eventId, reviewer, { role: "audience", status: "attended" });
  const reply = await callFunction<Reply>("reviews", {
    method: "POST",
    token: reviewer.token,
    body: { target: "person", eventId, revieweeId, rating: options.rating ?? 4, comment: "First take" },
  });
  expect(reply.status).toBe(201);
  return { eventId, reviewId: reply.body.review.id };
}

function patch(token: string, id: string, body: unknown) {
  return callFunction<Reply>(`reviews/${id}`, { method: "PATCH", token, body });
}

function remove(token: string, id: string) {
  return callFunction<Reply>(`reviews/${id}`, { method: "DELETE", token });
}

async function stored(id: string) {
  const [row] = await testSql()`select rating, comment, deleted_at from public.reviews where id = ${id}`;
  return row;
}

async function speakerAggregates() {
  const [row] = await testSql()`select reviews_count, average_rating from public.profiles where user_id = ${speaker.id}`;
  return row;
}

beforeAll(async () => {
  [organizer, speaker, author, stranger, admin] = await createUsers(["edr-olga", "edr-sam", "edr-ada", "edr-stan", "edr-root"] as const);
  await setRole(admin, "admin", "approved");
});

describe("PATCH /reviews/:id", () => {
  it("lets the author change rating and comment inside the window; aggregates follow", async () => {
    const { reviewId } = await reviewInFreshEvent(speaker.id, { rating: 4 });
    const before = await speakerAggregates();
    const reply = await patch(author.token, reviewId, { rating: 2, comment: "  Second thoughts  " });
    expect(reply.status).toBe(200);
    expect(reply.body.review).toMatchObject({ id: reviewId, rating: 2, comment: "Second thoughts" });
    const after = await speakerAggregates();
    expect(after?.reviews_count).toBe(before?.reviews_count);
    const cleared = await patch(author.token, reviewId, { comment: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.review.comment).toBeNull();
    expect(await stored(reviewId)).toMatchObject({ rating: 2, comment: null });
  });

  it("refuses the reviewee (403, they can see it) and a stranger (404, they cannot)", async () => {
    const { reviewId } = await reviewInFreshEvent(organizer.id, { rating: 5 });
    const byReviewee = await patch(organizer.token, reviewId, { rating: 1 });
    expect(byReviewee.status).toBe(403);
    expect(byReviewee.body.error.message).toBe("Cannot edit this review: only its author may");
    const byStranger = await patch(stranger.token, reviewId, { rating: 1 });
    expect(byStranger.status).toBe(404);
    expect(await stored(reviewId)).toMatchObject({ rating: 5 });
  });

  it("refuses an edit after the window closed with 409 review_window_closed", async () => {
    const { eventId, reviewId } = await reviewInFreshEvent(organizer.id, { rating: 3 });
    // given: the window has closed (the event's end moved 15 days back; the time-lock trigger is
    // bypassed for this fixture only)
    await testSql().begin(async (tx) => {
      await tx`alter table public.events disable trigger events_prepare`;
      await tx`update public.events set start_datetime = now() - interval '15 days 2 hours', end_datetime = now() - interval '15 days' where id = ${eventId}`;
      await tx`alter table public.events enable trigger events_prepare`;
    });
    const reply = await patch(author.token, reviewId, { rating: 1 });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("review_window_closed");
    expect(await stored(reviewId)).toMatchObject({ rating: 3 });
  });

  it("refuses a suspended author with 403", async () => {
    const reviewer = await createUser("edr-sus");
    const { reviewId } = await reviewInFreshEvent(organizer.id, { rating: 4, reviewer });
    await suspend(reviewer);
    const reply = await patch(reviewer.token, reviewId, { rating: 1 });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toBe("Cannot edit reviews: your account is not active");
    expect((await remove(reviewer.token, reviewId)).status).toBe(403);
    expect(await stored(reviewId)).toMatchObject({ rating: 4, deleted_at: null });
  });
});

describe("DELETE /reviews/:id", () => {
  it("lets the author soft-delete: the row stays, aggregates drop it, a second delete is 404", async () => {
    const { reviewId } = await reviewInFreshEvent(speaker.id, { rating: 1 });
    const before = await speakerAggregates();
    const reply = await remove(author.token, reviewId);
    expect(reply.status).toBe(200);
    expect(reply.body.review.deletedAt).not.toBeNull();
    expect((await stored(reviewId))?.deleted_at).not.toBeNull();
    expect((await speakerAggregates())?.reviews_count).toBe((before?.reviews_count as number) - 1);
    expect((await remove(author.token, reviewId)).status).toBe(404);
  });

  it("refuses the reviewee: organizers cannot delete reviews about themselves (rule 7.10)", async () => {
    const { reviewId } = await reviewInFreshEvent(organizer.id);
    const reply = await remove(organizer.token, reviewId);
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toBe("Cannot delete this review: only its author or an admin may");
    expect((await stored(reviewId))?.deleted_at).toBeNull();
  });

  it("lets an admin delete anyone's review, audited; a second delete is 409 review_already_deleted", async () => {
    const { reviewId } = await reviewInFreshEvent(organizer.id);
    const reply = await remove(admin.token, reviewId);
    expect(reply.status).toBe(200);
    const audit = await testSql()`select action, actor_id from public.audit_logs where target_id = ${reviewId}`;
    expect(audit).toEqual([{ action: "review.delete", actor_id: admin.id }]);
    const again = await remove(admin.token, reviewId);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("review_already_deleted");
  });

  it("lets the author write a new review of the same person after deleting the old one", async () => {
    const { eventId, reviewId } = await reviewInFreshEvent(organizer.id, { rating: 2 });
    expect((await remove(author.token, reviewId)).status).toBe(200);
    const again = await callFunction<Reply>("reviews", {
      method: "POST",
      token: author.token,
      body: { target: "person", eventId, revieweeId: organizer.id, rating: 5 },
    });
    expect(again.status).toBe(201);
  });
});
