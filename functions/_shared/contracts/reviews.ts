// Inputs and outputs of the `reviews` function (DOMAIN.md §3.7). Reads go through PostgREST
// (`review_cards` view, RLS decides who sees what); writes carry rules, so they go through here.
import { z } from "zod";

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

/** A route of an edge function, for the OpenAPI generator. */
export interface RouteContract {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path after /functions/v1, with `:param` segments. */
  path: string;
  function: string;
  summary: string;
  body?: z.ZodType;
  response?: z.ZodType;
}

export const routes: RouteContract[] = [
  {
    method: "POST",
    path: "/reviews",
    function: "reviews",
    summary:
      "Write a review: of a person in an ended event (14-day window, eligible reviewer and pair) or of an organization (members and attendees, once)",
    body: CreateReviewInput,
    response: ReviewReply,
  },
  {
    method: "PATCH",
    path: "/reviews/:id",
    function: "reviews",
    summary: "Edit the rating or comment of one's own review (event reviews: inside the review window)",
    body: UpdateReviewInput,
    response: ReviewReply,
  },
  {
    method: "DELETE",
    path: "/reviews/:id",
    function: "reviews",
    summary: "Soft-delete a review: its author or a platform admin",
    response: ReviewReply,
  },
];
