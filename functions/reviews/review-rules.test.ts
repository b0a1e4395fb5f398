import { describe, expect, it } from "vitest";
import {
  checkReviewWindow,
  decideOrganizationReview,
  decidePersonReview,
  decideReviewDeletion,
  decideReviewEdit,
  type EventStatus,
  isAllowedPair,
  isBlindPair,
  type Participation,
  type PersonReviewFacts,
  type ReviewedEvent,
  type ReviewSide,
  reviewSideOf,
  reviewWindowClosesAt,
} from "./review-rules.ts";

// Pure rules: the clock is a parameter, so these tests name their instants.
const END = new Date("2026-11-10T12:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const at = (daysAfterEnd: number) => new Date(END.getTime() + daysAfterEnd * DAY);

const ORGANIZER = "00000000-0000-4000-8000-000000000001";
const SPEAKER = "00000000-0000-4000-8000-000000000002";
const ATTENDEE = "00000000-0000-4000-8000-000000000003";

function event(overrides: Partial<ReviewedEvent> = {}): ReviewedEvent {
  return { id: "e1", title: "Rust 101", status: "ended", organizerId: ORGANIZER, endsAt: END, ...overrides };
}

function facts(overrides: Partial<PersonReviewFacts> = {}): PersonReviewFacts {
  return {
    now: at(1),
    event: event(),
    reviewer: { id: ATTENDEE, isActive: true, participation: { role: "audience", status: "attended" } },
    reviewee: { id: SPEAKER, participation: { role: "speaker", status: "accepted" } },
    hasLiveReview: false,
    hasLiveReverseReview: false,
    ...overrides,
  };
}

function violationCode(decision: { ok: boolean; violation?: { code: string } }): string | null {
  return decision.ok ? null : decision.violation?.code ?? null;
}

describe("reviewSideOf()", () => {
  const side = (participation: Participation | null, personId = SPEAKER) => reviewSideOf({ personId, organizerId: ORGANIZER, participation });

  it("treats the event's organizer_id as the organizer even without a participant row", () => {
    expect(side(null, ORGANIZER)).toBe("organizer");
  });
  it("counts audience roles only once they attended", () => {
    for (const role of ["audience", "student", "teacher"] as const) {
      expect(side({ role, status: "attended" })).toBe("audience");
      for (const status of ["pending", "accepted", "waitlisted", "rejected", "absent"] as const) {
        expect(side({ role, status })).toBeNull();
      }
    }
  });
  it("counts team, speakers and sponsors once accepted (or attended), never pending or rejected", () => {
    for (const role of ["committee", "speaker", "sponsor"] as const) {
      expect(side({ role, status: "accepted" })).toBe(role);
      expect(side({ role, status: "attended" })).toBe(role);
      for (const status of ["pending", "waitlisted", "rejected", "absent"] as const) expect(side({ role, status })).toBeNull();
    }
  });
  it("gives no side to someone without a row", () => {
    expect(side(null)).toBeNull();
  });
});

describe("isAllowedPair() and isBlindPair()", () => {
  const sides: ReviewSide[] = ["organizer", "committee", "speaker", "sponsor", "audience"];
  const allowed = new Set([
    "audience>organizer", "audience>speaker",
    "organizer>speaker", "organizer>sponsor", "organizer>committee",
    "speaker>organizer", "sponsor>organizer", "committee>organizer",
  ]);
  const blind = new Set([...allowed].filter((pair) => !pair.startsWith("audience")));

  it("allows exactly audience → organizer/speaker and organizer ↔ speaker/sponsor/committee", () => {
    for (const reviewer of sides) {
      for (const reviewee of sides) {
        expect(isAllowedPair(reviewer, reviewee), `${reviewer}>${reviewee}`).toBe(allowed.has(`${reviewer}>${reviewee}`));
      }
    }
  });
  it("makes exactly the two-way pairs blind", () => {
    for (const reviewer of sides) {
      for (const reviewee of sides) {
        expect(isBlindPair(reviewer, reviewee), `${reviewer}>${reviewee}`).toBe(blind.has(`${reviewer}>${reviewee}`));
      }
    }
  });
});

describe("checkReviewWindow()", () => {
  it("opens at the event's end and closes 14 days later", () => {
    expect(reviewWindowClosesAt(END).toISOString()).toBe("2026-11-24T12:00:00.000Z");
    expect(checkReviewWindow(event(), END).ok).toBe(true);
    expect(checkReviewWindow(event(), new Date(at(14).getTime() - 1)).ok).toBe(true);
    expect(violationCode(checkReviewWindow(event(), at(14)))).toBe("review_window_closed");
  });
  it("refuses before the end and for events not ended", () => {
    expect(violationCode(checkReviewWindow(event(), at(-0.01)))).toBe("review_event_not_ended");
    for (const status of ["draft", "published"] as EventStatus[]) {
      expect(violationCode(checkReviewWindow(event({ status }), at(1)))).toBe("review_event_not_ended");
    }
    expect(violationCode(checkReviewWindow(event({ endsAt: null }), at(1)))).toBe("review_event_not_ended");
  });
  it("never opens for a cancelled event", () => {
    expect(violationCode(checkReviewWindow(event({ status: "cancelled" }), at(1)))).toBe("review_event_cancelled");
  });
});

describe("decidePersonReview()", () => {
  it("lets an attendee review a speaker, not blind, editable until the window closes", () => {
    const decision = decidePersonReview(facts());
    expect(decision).toEqual({
      ok: true,
      value: { reviewerSide: "audience", revieweeSide: "speaker", isBlind: false, sealedUntil: null, editableUntil: at(14) },
    });
  });
  it("seals an organizer's review of a speaker until the window closes when the speaker has not written theirs", () => {
    const decision = decidePersonReview(facts({
      reviewer: { id: ORGANIZER, isActive: true, participation: { role: "organizer", status: "accepted" } },
    }));
    expect(decision.ok && decision.value).toMatchObject({ isBlind: true, sealedUntil: at(14) });
  });
  it("does not seal the second review of a two-way pair", () => {
    const decision = decidePersonReview(facts({
      reviewer: { id: SPEAKER, isActive: true, participation: { role: "speaker", status: "accepted" } },
      reviewee: { id: ORGANIZER, participation: null },
      hasLiveReverseReview: true,
    }));
    expect(decision.ok && decision.value).toMatchObject({ isBlind: true, sealedUntil: null });
  });
  it("refuses an inactive reviewer", () => {
    expect(decidePersonReview(facts({ reviewer: { id: ATTENDEE, isActive: false, participation: { role: "audience", status: "attended" } } })))
      .toMatchObject({ ok: false, violation: { status: 403, code: "forbidden" } });
  });
  it("refuses a self-review", () => {
    expect(violationCode(decidePersonReview(facts({ reviewee: { id: ATTENDEE, participation: { role: "audience", status: "attended" } } }))))
      .toBe("reviews_not_self_review");
  });
  it("refuses outside the window and for cancelled events", () => {
    expect(violationCode(decidePersonReview(facts({ now: at(15) })))).toBe("review_window_closed");
    expect(violationCode(decidePersonReview(facts({ now: at(-1) })))).toBe("review_event_not_ended");
    expect(violationCode(decidePersonReview(facts({ event: event({ status: "cancelled" }) })))).toBe("review_event_cancelled");
  });
  it("refuses a registered-but-absent audience member and a stranger", () => {
    for (const participation of [{ role: "audience", status: "absent" } as const, { role: "student", status: "accepted" } as const, null]) {
      expect(decidePersonReview(facts({ reviewer: { id: ATTENDEE, isActive: true, participation } })))
        .toMatchObject({ ok: false, violation: { status: 403, code: "review_reviewer_not_eligible" } });
    }
  });
  it("refuses audience ↔ audience and a pending speaker as reviewee", () => {
    const otherAttendee = { id: "00000000-0000-4000-8000-000000000009", participation: { role: "audience", status: "attended" } as const };
    expect(violationCode(decidePersonReview(facts({ reviewee: otherAttendee })))).toBe("review_pair_not_allowed");
    expect(violationCode(decidePersonReview(facts({ reviewee: { id: SPEAKER, participation: { role: "speaker", status: "pending" } } }))))
      .toBe("review_pair_not_allowed");
  });
  it("refuses a speaker reviewing an attendee (one-way pair)", () => {
    const decision = decidePersonReview(facts({
      reviewer: { id: SPEAKER, isActive: true, participation: { role: "speaker", status: "accepted" } },
      reviewee: { id: ATTENDEE, participation: { role: "audience", status: "attended" } },
    }));
    expect(decision).toMatchObject({ ok: false, violation: { code: "review_pair_not_allowed" } });
    expect(decision.ok ? "" : decision.violation.message).toMatch(/you may review its organizer$/);
  });
  it("refuses a second live review of the same person in the same event", () => {
    expect(violationCode(decidePersonReview(facts({ hasLiveReview: true })))).toBe("reviews_one_per_event_pair");
  });
});

describe("decideOrganizationReview()", () => {
  const organization = { id: "o1", name: "Rustaceans", isApproved: true, isDeleted: false, ownerId: ORGANIZER };
  const reviewer = { id: ATTENDEE, isActive: true, isActiveMember: false, attendedEndedEvent: true };

  it("lets an attendee of an ended event or an active member review once", () => {
    expect(decideOrganizationReview({ organization, reviewer, hasLiveReview: false }).ok).toBe(true);
    expect(decideOrganizationReview({ organization, reviewer: { ...reviewer, attendedEndedEvent: false, isActiveMember: true }, hasLiveReview: false }).ok)
      .toBe(true);
    expect(violationCode(decideOrganizationReview({ organization, reviewer, hasLiveReview: true }))).toBe("reviews_one_per_organization");
  });
  it("refuses strangers, the owner, inactive accounts and unapproved or deleted organizations", () => {
    expect(violationCode(decideOrganizationReview({ organization, reviewer: { ...reviewer, attendedEndedEvent: false }, hasLiveReview: false })))
      .toBe("review_reviewer_not_eligible");
    expect(violationCode(decideOrganizationReview({ organization, reviewer: { ...reviewer, id: ORGANIZER, isActiveMember: true }, hasLiveReview: false })))
      .toBe("reviews_not_self_review");
    expect(violationCode(decideOrganizationReview({ organization, reviewer: { ...reviewer, isActive: false }, hasLiveReview: false }))).toBe("forbidden");
    expect(violationCode(decideOrganizationReview({ organization: { ...organization, isApproved: false }, reviewer, hasLiveReview: false })))
      .toBe("review_organization_not_approved");
    expect(violationCode(decideOrganizationReview({ organization: { ...organization, isDeleted: true }, reviewer, hasLiveReview: false })))
      .toBe("review_organization_not_approved");
  });
});

describe("decideReviewEdit() and decideReviewDeletion()", () => {
  const review = { id: "r1", reviewerId: ATTENDEE, isDeleted: false, event: event() };

  it("lets the author edit inside the window only", () => {
    expect(decideReviewEdit({ now: at(3), callerId: ATTENDEE, callerIsActive: true, review }).ok).toBe(true);
    expect(violationCode(decideReviewEdit({ now: at(14), callerId: ATTENDEE, callerIsActive: true, review }))).toBe("review_window_closed");
    expect(decideReviewEdit({ now: at(400), callerId: ATTENDEE, callerIsActive: true, review: { ...review, event: null } }).ok).toBe(true);
  });
  it("refuses edits by anyone else, by an inactive author, and of deleted reviews", () => {
    expect(decideReviewEdit({ now: at(3), callerId: SPEAKER, callerIsActive: true, review })).toMatchObject({ ok: false, violation: { status: 403 } });
    expect(decideReviewEdit({ now: at(3), callerId: ATTENDEE, callerIsActive: false, review })).toMatchObject({ ok: false, violation: { status: 403 } });
    expect(decideReviewEdit({ now: at(3), callerId: ATTENDEE, callerIsActive: true, review: { ...review, isDeleted: true } }))
      .toMatchObject({ ok: false, violation: { status: 404 } });
  });
  it("lets the author or an admin delete, even after the window, and nobody else (not the reviewee)", () => {
    expect(decideReviewDeletion({ callerId: ATTENDEE, callerIsActive: true, callerIsAdmin: false, review }).ok).toBe(true);
    expect(decideReviewDeletion({ callerId: "admin", callerIsActive: true, callerIsAdmin: true, review }).ok).toBe(true);
    expect(decideReviewDeletion({ callerId: SPEAKER, callerIsActive: true, callerIsAdmin: false, review }))
      .toMatchObject({ ok: false, violation: { status: 403 } });
    expect(decideReviewDeletion({ callerId: ATTENDEE, callerIsActive: false, callerIsAdmin: false, review }))
      .toMatchObject({ ok: false, violation: { status: 403 } });
  });
  it("answers 404 to the author and 409 to an admin for an already deleted review", () => {
    const deleted = { ...review, isDeleted: true };
    expect(decideReviewDeletion({ callerId: ATTENDEE, callerIsActive: true, callerIsAdmin: false, review: deleted }))
      .toMatchObject({ ok: false, violation: { status: 404 } });
    expect(violationCode(decideReviewDeletion({ callerId: "admin", callerIsActive: true, callerIsAdmin: true, review: deleted })))
      .toBe("review_already_deleted");
  });
});
