// The `reviews` function: write, edit and soft-delete reviews (DOMAIN.md §3.7). Reads go through
// PostgREST (`review_cards`). Each request is one transaction: what the caller may see is read
// under RLS, the rules are decided in TypeScript (review-rules.ts), the write runs with the
// function's own role, and the database re-checks every rule in a trigger.
import {
  CreateOrganizationReviewInput,
  CreatePersonReviewInput,
  CreateReviewInput,
  ReviewId,
  UpdateReviewInput,
} from "../_shared/contracts/reviews.ts";
import { type Caller, requireUser } from "../_shared/auth.ts";
import { type CallerTransaction, inCallerTransaction } from "../_shared/database.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { AppError, forbidden, notFound } from "../_shared/errors.ts";
import { json, readJson } from "../_shared/http.ts";
import { createRouter, type RouteContext } from "../_shared/router.ts";
import {
  type Decision,
  decideOrganizationReview,
  decidePersonReview,
  decideReviewDeletion,
  decideReviewEdit,
} from "./review-rules.ts";
import {
  findParticipation,
  findReviewForChange,
  findVisibleEvent,
  findVisibleOrganization,
  hasLivePersonReview,
  insertOrganizationReview,
  insertPersonReview,
  isActiveAccount,
  isCallerAdmin,
  isReviewVisible,
  organizationReviewerFacts,
  softDeleteReview,
  updateReview,
} from "./review-store.ts";

function enforce<T>(decision: Decision<T>): T {
  if (!decision.ok) throw new AppError(decision.violation.status, decision.violation.code, decision.violation.message);
  return decision.value;
}

async function createPersonReview(deps: Deps, caller: Caller, input: CreatePersonReviewInput) {
  return inCallerTransaction(deps.sql, caller, async ({ asCaller, tx }) => {
    const event = await asCaller((t) => findVisibleEvent(t, input.eventId));
    if (!event) throw notFound(`Event "${input.eventId}" was not found`);
    const [isActive, reviewerParticipation, revieweeParticipation, hasLiveReview, hasLiveReverseReview] = [
      await isActiveAccount(tx, caller.id),
      await findParticipation(tx, event.id, caller.id),
      await findParticipation(tx, event.id, input.revieweeId),
      await hasLivePersonReview(tx, { eventId: event.id, reviewerId: caller.id, revieweeId: input.revieweeId }),
      await hasLivePersonReview(tx, { eventId: event.id, reviewerId: input.revieweeId, revieweeId: caller.id }),
    ];
    enforce(decidePersonReview({
      now: deps.clock.now(),
      event,
      reviewer: { id: caller.id, isActive, participation: reviewerParticipation },
      reviewee: { id: input.revieweeId, participation: revieweeParticipation },
      hasLiveReview,
      hasLiveReverseReview,
    }));
    return insertPersonReview(tx, {
      eventId: event.id,
      reviewerId: caller.id,
      revieweeId: input.revieweeId,
      rating: input.rating,
      comment: input.comment ?? null,
    });
  });
}

async function createOrganizationReview(deps: Deps, caller: Caller, input: CreateOrganizationReviewInput) {
  return inCallerTransaction(deps.sql, caller, async ({ asCaller, tx }) => {
    const organization = await asCaller((t) => findVisibleOrganization(t, input.organizationId));
    if (!organization) throw notFound(`Organization "${input.organizationId}" was not found`);
    const isActive = await isActiveAccount(tx, caller.id);
    const facts = await organizationReviewerFacts(tx, { organizationId: organization.id, userId: caller.id });
    enforce(decideOrganizationReview({
      organization,
      reviewer: { id: caller.id, isActive, isActiveMember: facts.isActiveMember, attendedEndedEvent: facts.attendedEndedEvent },
      hasLiveReview: facts.hasLiveReview,
    }));
    return insertOrganizationReview(tx, {
      organizationId: organization.id,
      reviewerId: caller.id,
      rating: input.rating,
      comment: input.comment ?? null,
    });
  });
}

/**
 * The review if the caller may see it (admins see deleted ones too), locked for the change. An
 * inactive account sees no private reviews, so it hears about its account first.
 */
async function reviewToChange({ asCaller, tx }: CallerTransaction, options: { reviewId: string; callerId: string; action: string }) {
  const { reviewId } = options;
  if (!(await isActiveAccount(tx, options.callerId))) throw forbidden(`Cannot ${options.action} reviews: your account is not active`);
  const visible = await asCaller((t) => isReviewVisible(t, reviewId));
  const review = visible ? await findReviewForChange(tx, reviewId) : null;
  if (!review) throw notFound(`Review "${reviewId}" was not found`);
  return review;
}

export function createHandler(deps: Deps): (req: Request) => Promise<Response> {
  const router = createRouter("reviews")
    .on("POST", "/", async ({ req }: RouteContext) => {
      const caller = await requireUser(deps.auth, req);
      const input = CreateReviewInput.parse(await readJson(req));
      const review = input.target === "person"
        ? await createPersonReview(deps, caller, input)
        : await createOrganizationReview(deps, caller, input);
      return json({ review }, 201);
    })
    .on("PATCH", "/:id", async ({ req, params }: RouteContext) => {
      const caller = await requireUser(deps.auth, req);
      const reviewId = ReviewId.parse(params.id);
      const input = UpdateReviewInput.parse(await readJson(req));
      const review = await inCallerTransaction(deps.sql, caller, async (t) => {
        const existing = await reviewToChange(t, { reviewId, callerId: caller.id, action: "edit" });
        enforce(decideReviewEdit({ now: deps.clock.now(), callerId: caller.id, callerIsActive: true, review: existing }));
        return updateReview(t.tx, reviewId, input);
      });
      return json({ review });
    })
    .on("DELETE", "/:id", async ({ req, params }: RouteContext) => {
      const caller = await requireUser(deps.auth, req);
      const reviewId = ReviewId.parse(params.id);
      const review = await inCallerTransaction(deps.sql, caller, async (t) => {
        const existing = await reviewToChange(t, { reviewId, callerId: caller.id, action: "delete" });
        const callerIsAdmin = await isCallerAdmin(t.tx);
        enforce(decideReviewDeletion({ callerId: caller.id, callerIsActive: true, callerIsAdmin, review: existing }));
        return softDeleteReview(t.tx, { reviewId, actorId: caller.id, byAdmin: existing.reviewerId !== caller.id });
      });
      return json({ review });
    });
  return (req) => router.handle(req);
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler(depsFromEnv());
}
