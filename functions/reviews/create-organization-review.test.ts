import { beforeAll, describe, expect, it } from "vitest";
import { callFunction, testSql } from "../../tests/support/harness.ts";
import {
  addMember,
  addParticipant,
  createEvent,
  createOrg,
  createUsers,
  type TestUser,
  reviewRows,
  suspend,
} from "../../tests/support/fixtures.ts";

// Real Deno gateway + throwaway database.
interface Reply {
  review: { id: string; target: string; organizationId: string; rating: number; editableUntil: string | null };
  error: { code: string; message: string };
}

let owner: TestUser;
let member: TestUser;
let attendee: TestUser;
let registeredOnly: TestUser;
let stranger: TestUser;
let suspendedMember: TestUser;
let organizationId: string;
let pendingOrganizationId: string;

function post(token: string, body: Record<string, unknown>) {
  return callFunction<Reply>("reviews", { method: "POST", token, body: { target: "organization", rating: 4, ...body } });
}

beforeAll(async () => {
  [owner, member, attendee, registeredOnly, stranger, suspendedMember] = await createUsers(["cor-owner", "cor-mia", "cor-ada", "cor-reg", "cor-stan", "cor-sus"] as const);
  organizationId = await createOrg("Rust Guild", owner);
  pendingOrganizationId = await createOrg("Not Yet Guild", owner, { status: "pending" });
  await addMember(organizationId, member);
  await addMember(organizationId, suspendedMember);
  await suspend(suspendedMember);
  const { id: eventId } = await createEvent(owner, { organizationId, status: "ended", endedDaysAgo: 30 });
  await addParticipant(eventId, attendee, { role: "audience", status: "attended" });
  await addParticipant(eventId, registeredOnly, { role: "audience", status: "accepted" });
});

describe("POST /reviews (organization)", () => {
  it("lets an active member review once; the organization's aggregates and its owner's notification follow", async () => {
    const reply = await post(member.token, { organizationId, rating: 5 });
    expect(reply.status).toBe(201);
    expect(reply.body.review).toMatchObject({ target: "organization", organizationId, rating: 5, editableUntil: null });
    const [org] = await testSql()`select reviews_count, average_rating from public.organizations where id = ${organizationId}`;
    expect(org).toEqual({ reviews_count: 1, average_rating: "5.00" });
    const notes = await testSql()`select kind, content from public.notifications where recipient_id = ${owner.id} and kind = 'review_received'`;
    expect(notes).toEqual([{ kind: "review_received", content: '"Rust Guild" received a 5-star review.' }]);

    const again = await post(member.token, { organizationId, rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("reviews_one_per_organization");
  });

  it("lets an attendee of an ended event of the organization review it, long after the event", async () => {
    expect((await post(attendee.token, { organizationId, rating: 3 })).status).toBe(201);
    const [org] = await testSql()`select reviews_count, average_rating from public.organizations where id = ${organizationId}`;
    expect(org).toEqual({ reviews_count: 2, average_rating: "4.00" });
  });

  it("refuses strangers and registrants who did not attend with 403", async () => {
    for (const reviewer of [stranger, registeredOnly]) {
      const reply = await post(reviewer.token, { organizationId });
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe("review_reviewer_not_eligible");
    }
  });

  it("refuses the owner (self-review) and a suspended member", async () => {
    const self = await post(owner.token, { organizationId });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("reviews_not_self_review");
    const suspended = await post(suspendedMember.token, { organizationId });
    expect(suspended.status).toBe(403);
    expect((await reviewRows({ organizationId })).map((r) => r.reviewer_id).sort()).toEqual([attendee.id, member.id].sort());
  });

  it("answers 404 for an organization the caller cannot see (pending) and for an unknown one", async () => {
    for (const id of [pendingOrganizationId, "00000000-0000-4000-8000-00000000beef"]) {
      const reply = await post(stranger.token, { organizationId: id });
      expect(reply.status).toBe(404);
      expect(reply.body.error.code).toBe("not_found");
    }
    expect(await reviewRows({ organizationId: pendingOrganizationId })).toEqual([]);
  });

  it("refuses a member of a pending organization with 409 review_organization_not_approved", async () => {
    // The owner sees the pending organization (member row), but may not review it anyway: a member does.
    await addMember(pendingOrganizationId, member);
    const reply = await post(member.token, { organizationId: pendingOrganizationId });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("review_organization_not_approved");
  });
});
