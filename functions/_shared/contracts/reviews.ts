// Inputs and outputs of the `reviews` function (DOMAIN.md §3.7). Reads go through PostgREST
// (`review_cards` view, RLS decides who sees what); writes carry rules, so they go through here.
import { z } from "zod";
import type { RouteContract } from "./common.ts";

export const REVIEW_COMMENT_MAX_CHARS = 2000;
export const REVIEW_WINDOW_DAYS = 14;

export const ReviewRating = z.number({ error: "rating must be a number" })
  .int("rating must be a whole number of stars")
  .min(1, "rating must be at least 1")
  .max(5, "rating must be at most 5");
export type ReviewRating = z.infer<typeof ReviewRating>;

/** Optional free text; blank text is stored as no comment. `null` clears it on edit. */
export const ReviewComment = z.string()
  .trim()
  .max(REVIEW_COMMENT_MAX_CHARS, `comment must be at most ${REVIEW_COMMENT_MAX_CHARS} characters`)
  .transform((text) => (text === "" ? null : text))
  .nullable();
export type ReviewComment = z.infer<typeof ReviewComment>;

export const ReviewId = z.guid("review id must be a UUID");
export type ReviewId = z.infer<typeof ReviewId>;

/** A person reviewed for what they did in one ended event. */
export const CreatePersonReviewInput = z.object({
  target: z.literal("person"),
  eventId: z.guid("eventId must be a UUID"),
  revieweeId: z.guid("revieweeId must be a UUID"),
  rating: ReviewRating,
  comment: ReviewComment.optional(),
}).strict();
export type CreatePersonReviewInput = z.infer<typeof CreatePersonReviewInput>;

/** An organization reviewed by one of its active members or attendees of its ended events. */
export const CreateOrganizationReviewInput = z.object({
  target: z.literal("organization"),
  organizationId: z.guid("organizationId must be a UUID"),
  rating: ReviewRating,
  comment: ReviewComment.optional(),
}).strict();
export type CreateOrganizationReviewInput = z.infer<typeof CreateOrganizationReviewInput>;

export const CreateReviewInput = z.discriminatedUnion("target", [CreatePersonReviewInput, CreateOrganizationReviewInput], {
  error: 'target must be "person" (with eventId and revieweeId) or "organization" (with organizationId)',
});
export type CreateReviewInput = z.infer<typeof CreateReviewInput>;

export const UpdateReviewInput = z.object({
  rating: ReviewRating.optional(),
  comment: ReviewComment.optional(),
}).strict().refine((input) => input.rating !== undefined || input.comment !== undefined, {
  message: "Send rating or comment (or both) to edit a review",
});
export type UpdateReviewInput = z.infer<typeof UpdateReviewInput>;

/** A review as its author (or an admin) sees it after a write. */
export const Review = z.object({
  id: z.guid(),
  target: z.enum(["person", "organization"]),
  eventId: z.guid().nullable(),
  organizationId: z.guid().nullable(),
  reviewerId: z.guid(),
  revieweeId: z.guid().nullable(),
  rating: ReviewRating,
  comment: z.string().nullable(),
  /** Two-way pairs stay hidden from the other side until both wrote theirs or the window closed. */
  sealedUntil: z.iso.datetime({ offset: true }).nullable(),
  /** Last moment the review may be edited (event reviews); null for organization reviews. */
  editableUntil: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  deletedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Review = z.infer<typeof Review>;

export const ReviewReply = z.object({ review: Review });
export type ReviewReply = z.infer<typeof ReviewReply>;

export const ReviewIdParams = z.strictObject({ id: ReviewId });
export type ReviewIdParams = z.infer<typeof ReviewIdParams>;

const reviewWindowErrors = [
  { status: 409, code: "review_event_not_ended", when: "the event has not ended yet" },
  { status: 409, code: "review_event_cancelled", when: "the event was cancelled" },
  { status: 409, code: "review_window_closed", when: "the 14-day review window after the event's end has closed" },
];

export const routes: RouteContract[] = [
  {
    function: "reviews",
    method: "POST",
    path: "/",
    summary: "Write a review of a person in an ended event, or of an organization",
    description:
      "Person reviews: within 14 days after an ended (never cancelled) event; the organizer, accepted team/speakers/sponsors and attendees may review; allowed pairs are audience → organizer or speaker and organizer ↔ speaker, sponsor or committee. Two-way pairs are sealed from the reviewee until both wrote or the window closed. Organization reviews: active members and attendees of its ended events, once each. The reviewee (or the organization's owner) is notified.",
    auth: "user",
    body: CreateReviewInput,
    responses: { 201: { description: "The review as stored", schema: ReviewReply } },
    errors: [
      { status: 403, code: "forbidden", when: "the caller's account is not active" },
      { status: 403, code: "review_reviewer_not_eligible", when: "the caller earned no review rights (not attended, not accepted, stranger)" },
      { status: 403, code: "review_pair_not_allowed", when: "the reviewee is not someone the caller may review in this event" },
      { status: 404, code: "not_found", when: "the event or organization does not exist or is hidden from the caller" },
      { status: 409, code: "reviews_not_self_review", when: "reviewing oneself or one's own organization" },
      { status: 409, code: "reviews_one_per_event_pair", when: "the caller already has a live review of this person in this event" },
      { status: 409, code: "reviews_one_per_organization", when: "the caller already has a live review of this organization" },
      { status: 409, code: "review_organization_not_approved", when: "the organization is not approved" },
      ...reviewWindowErrors,
    ],
  },
  {
    function: "reviews",
    method: "PATCH",
    path: "/:id",
    summary: "Edit the rating or comment of one's own review",
    description: "Only the author; person reviews only while the review window is open.",
    auth: "user",
    params: ReviewIdParams,
    body: UpdateReviewInput,
    responses: { 200: { description: "The review after the edit", schema: ReviewReply } },
    errors: [
      { status: 403, code: "forbidden", when: "the caller is not the author, or the caller's account is not active" },
      { status: 404, code: "not_found", when: "the review does not exist, is deleted or hidden from the caller" },
      { status: 409, code: "review_window_closed", when: "the review window has closed" },
    ],
  },
  {
    function: "reviews",
    method: "DELETE",
    path: "/:id",
    summary: "Soft-delete a review (its author or a platform admin)",
    description: "The row stays as history; aggregates drop it at once. Admin deletions are audited (review.delete).",
    auth: "user",
    params: ReviewIdParams,
    responses: { 200: { description: "The review, now deleted", schema: ReviewReply } },
    errors: [
      { status: 403, code: "forbidden", when: "the caller is neither the author nor an admin, or the account is not active" },
      { status: 404, code: "not_found", when: "the review does not exist or is hidden from the caller" },
      { status: 409, code: "review_already_deleted", when: "an admin deletes a review that is already deleted" },
    ],
  },
];
