// The review rules of DOMAIN.md §3.7 as pure decisions over facts the handler reads. The database
// holds the same invariants (trigger private.check_review_rules); this module gives the caller a
// precise reason first, and is what the unit tests pin down.
import { REVIEW_WINDOW_DAYS } from "../_shared/contracts/reviews.ts";

export type EventStatus = "draft" | "published" | "ended" | "cancelled";
export type ParticipantRole = "organizer" | "committee" | "speaker" | "sponsor" | "audience" | "student" | "teacher";
export type ParticipantStatus = "pending" | "accepted" | "waitlisted" | "rejected" | "attended" | "absent";

/** What a person was in an event, for reviewing: only earned places count (rule 7.10). */
export type ReviewSide = "organizer" | "committee" | "speaker" | "sponsor" | "audience";

export interface Participation {
  role: ParticipantRole;
  status: ParticipantStatus;
}

export interface RuleViolation {
  status: 403 | 404 | 409;
  code: string;
  message: string;
}

export type Decision<T> = { ok: true; value: T } | { ok: false; violation: RuleViolation };

const DAY_MS = 24 * 60 * 60 * 1000;
const WINDOW_MS = REVIEW_WINDOW_DAYS * DAY_MS;
const TEAM_SIDES: Readonly<Partial<Record<ParticipantRole, ReviewSide>>> = {
  organizer: "organizer",
  committee: "committee",
  speaker: "speaker",
  sponsor: "sponsor",
};
const TWO_WAY_PARTNERS: ReadonlySet<ReviewSide> = new Set(["speaker", "sponsor", "committee"]);

function allow<T>(value: T): Decision<T> {
  return { ok: true, value };
}

function deny<T>(status: RuleViolation["status"], code: string, message: string): Decision<T> {
  return { ok: false, violation: { status, code, message } };
}

/**
 * The side a person reviews from (or is reviewed as). The organizer is `events.organizer_id`;
 * team, speakers and sponsors count once accepted; audience only once they attended.
 */
export function reviewSideOf(options: { personId: string; organizerId: string; participation: Participation | null }): ReviewSide | null {
  if (options.personId === options.organizerId) return "organizer";
  const participation = options.participation;
  if (!participation) return null;
  const { role, status } = participation;
  const teamSide = TEAM_SIDES[role];
  if (!teamSide) return status === "attended" ? "audience" : null; // audience, student, teacher
  return status === "accepted" || status === "attended" ? teamSide : null;
}

/** Audience → organizer or speaker; organizer ↔ speaker, sponsor, committee; nothing else. */
export function isAllowedPair(reviewer: ReviewSide, reviewee: ReviewSide): boolean {
  if (reviewer === "audience") return reviewee === "organizer" || reviewee === "speaker";
  if (reviewer === "organizer") return TWO_WAY_PARTNERS.has(reviewee);
  return reviewee === "organizer";
}

/** Two-way pairs review blind: neither sees the other's review until both wrote or the window closed. */
export function isBlindPair(reviewer: ReviewSide, reviewee: ReviewSide): boolean {
  return (reviewer === "organizer" && TWO_WAY_PARTNERS.has(reviewee)) || (reviewee === "organizer" && TWO_WAY_PARTNERS.has(reviewer));
}

/** The window closes 14 days after the event's end (FRD "RATED"). */
export function reviewWindowClosesAt(endsAt: Date): Date {
  return new Date(endsAt.getTime() + WINDOW_MS);
}

export interface ReviewedEvent {
  id: string;
  title: string;
  status: EventStatus;
  organizerId: string;
  endsAt: Date | null;
}

/** Only an ended (never cancelled) event, from its end until 14 days later. */
export function checkReviewWindow(event: ReviewedEvent, now: Date): Decision<{ closesAt: Date }> {
  if (event.status === "cancelled") {
    return deny(409, "review_event_cancelled", `Cannot review people of "${event.title}": the event was cancelled`);
  }
  if (event.status !== "ended" || event.endsAt === null || now.getTime() < event.endsAt.getTime()) {
    return deny(409, "review_event_not_ended", `Cannot review people of "${event.title}" yet: the event has not ended`);
  }
  const closesAt = reviewWindowClosesAt(event.endsAt);
  if (now.getTime() >= closesAt.getTime()) {
    return deny(
      409,
      "review_window_closed",
      `Cannot review people of "${event.title}": the ${REVIEW_WINDOW_DAYS}-day review window closed on ${closesAt.toISOString()}`,
    );
  }
  return allow({ closesAt });
}

export interface PersonReviewFacts {
  now: Date;
  event: ReviewedEvent;
  reviewer: { id: string; isActive: boolean; participation: Participation | null };
  reviewee: { id: string; participation: Participation | null };
  /** The reviewer already has a live review of this reviewee in this event. */
  hasLiveReview: boolean;
  /** The reviewee already has a live review of the reviewer in this event (two-way pairs). */
  hasLiveReverseReview: boolean;
}

export interface PersonReviewPlan {
  reviewerSide: ReviewSide;
  revieweeSide: ReviewSide;
  isBlind: boolean;
  /** When a blind review becomes visible to its reviewee without their reply; null = visible now. */
  sealedUntil: Date | null;
  editableUntil: Date;
}

/** May this reviewer write this review now? Checks in the order a person would want to hear them. */
export function decidePersonReview(facts: PersonReviewFacts): Decision<PersonReviewPlan> {
  const { event, reviewer, reviewee, now } = facts;
  if (!reviewer.isActive) return deny(403, "forbidden", "Cannot write reviews: your account is not active");
  if (reviewer.id === reviewee.id) return deny(409, "reviews_not_self_review", "Cannot review yourself");
  const window = checkReviewWindow(event, now);
  if (!window.ok) return window;

  const reviewerSide = reviewSideOf({ personId: reviewer.id, organizerId: event.organizerId, participation: reviewer.participation });
  if (!reviewerSide) {
    return deny(
      403,
      "review_reviewer_not_eligible",
      `Cannot review people of "${event.title}": only its organizer, accepted team, speakers and sponsors, and attendees may`,
    );
  }
  const revieweeSide = reviewSideOf({ personId: reviewee.id, organizerId: event.organizerId, participation: reviewee.participation });
  if (!revieweeSide || !isAllowedPair(reviewerSide, revieweeSide)) {
    return deny(403, "review_pair_not_allowed", allowedPairsMessage(reviewerSide, event.title));
  }
  if (facts.hasLiveReview) {
    return deny(409, "reviews_one_per_event_pair", `You already reviewed this person for "${event.title}": edit that review instead`);
  }
  const isBlind = isBlindPair(reviewerSide, revieweeSide);
  return allow({
    reviewerSide,
    revieweeSide,
    isBlind,
    sealedUntil: isBlind && !facts.hasLiveReverseReview ? window.value.closesAt : null,
    editableUntil: window.value.closesAt,
  });
}

function allowedPairsMessage(reviewerSide: ReviewSide, eventTitle: string): string {
  const whom = reviewerSide === "audience"
    ? "its organizer or a speaker"
    : reviewerSide === "organizer"
    ? "an accepted speaker, sponsor or committee member"
    : "its organizer";
  return `Cannot review this person for "${eventTitle}": as ${articleFor(reviewerSide)} ${reviewerSide} you may review ${whom}`;
}

function articleFor(side: ReviewSide): string {
  return side === "audience" ? "a member of the" : side === "organizer" ? "the" : "a";
}

export interface OrganizationReviewFacts {
  organization: { id: string; name: string; isApproved: boolean; isDeleted: boolean; ownerId: string };
  reviewer: { id: string; isActive: boolean; isActiveMember: boolean; attendedEndedEvent: boolean };
  hasLiveReview: boolean;
}

/** Active members and attendees of its ended events, once each; never its owner. */
export function decideOrganizationReview(facts: OrganizationReviewFacts): Decision<{ editableUntil: null }> {
  const { organization, reviewer } = facts;
  if (!reviewer.isActive) return deny(403, "forbidden", "Cannot write reviews: your account is not active");
  if (organization.isDeleted || !organization.isApproved) {
    return deny(409, "review_organization_not_approved", `Cannot review "${organization.name}": it is not an approved organization`);
  }
  if (reviewer.id === organization.ownerId) {
    return deny(409, "reviews_not_self_review", `Cannot review "${organization.name}": you own it`);
  }
  if (!reviewer.isActiveMember && !reviewer.attendedEndedEvent) {
    return deny(
      403,
      "review_reviewer_not_eligible",
      `Cannot review "${organization.name}": only its active members and attendees of its ended events may`,
    );
  }
  if (facts.hasLiveReview) {
    return deny(409, "reviews_one_per_organization", `You already reviewed "${organization.name}": edit that review instead`);
  }
  return allow({ editableUntil: null });
}

export interface ExistingReview {
  id: string;
  reviewerId: string;
  isDeleted: boolean;
  /** The reviewed event (person reviews); null for organization reviews. */
  event: ReviewedEvent | null;
}

/** Only the author edits, and (event reviews) only while the window is open. */
export function decideReviewEdit(options: { now: Date; callerId: string; callerIsActive: boolean; review: ExistingReview }): Decision<null> {
  const { review, now } = options;
  if (review.isDeleted) return deny(404, "not_found", `Review "${review.id}" was not found`);
  if (review.reviewerId !== options.callerId) return deny(403, "forbidden", "Cannot edit this review: only its author may");
  if (!options.callerIsActive) return deny(403, "forbidden", "Cannot edit reviews: your account is not active");
  if (review.event) {
    const window = checkReviewWindow(review.event, now);
    if (!window.ok) {
      return deny(409, "review_window_closed", `Cannot edit this review: the review window of "${review.event.title}" is closed`);
    }
  }
  return allow(null);
}

/** Soft delete by the author or a platform admin; organizers cannot delete reviews about themselves. */
export function decideReviewDeletion(options: { callerId: string; callerIsActive: boolean; callerIsAdmin: boolean; review: ExistingReview }): Decision<null> {
  const { review } = options;
  if (review.isDeleted) {
    return options.callerIsAdmin
      ? deny(409, "review_already_deleted", `Review "${review.id}" is already deleted`)
      : deny(404, "not_found", `Review "${review.id}" was not found`);
  }
  if (!options.callerIsActive) return deny(403, "forbidden", "Cannot delete reviews: your account is not active");
  if (review.reviewerId !== options.callerId && !options.callerIsAdmin) {
    return deny(403, "forbidden", "Cannot delete this review: only its author or an admin may");
  }
  return allow(null);
}
