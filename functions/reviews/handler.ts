// The `reviews` function: write, edit and soft-delete reviews (DOMAIN.md §3.7). Reads go through
// PostgREST (`review_cards`). Each request is one transaction: what the caller may see is read
// under RLS, then the write runs with the function's own role and the caller's claims, and the
// rules are decided once, by the database (trigger private.check_review_rules): each refusal
// names its contract code, which toAppError passes on (see TRANSLATIONS for the one it renames).
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
import { AppError, forbidden, notFound, toAppError } from "../_shared/errors.ts";
import { json, readJson } from "../_shared/http.ts";
import { createRouter, type RouteContext } from "../_shared/router.ts";
import {
  findReviewForChange,
  findVisibleEvent,
  findVisibleOrganization,
  insertOrganizationReview,
  insertPersonReview,
  isActiveAccount,
  isReviewVisible,
  softDeleteReview,
  updateReview,
} from "./review-store.ts";

/**
 * The database's name for a refusal → the contract's code, where they differ. An admin deleting an
 * already deleted review meets `reviews_deletion_is_final`; the contract calls it
 * `review_already_deleted`.
 */
const TRANSLATIONS: Readonly<Record<string, string>> = { reviews_deletion_is_final: "review_already_deleted" };

async function translated<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const appError = toAppError(error);
    const code = TRANSLATIONS[appError.code];
    throw code ? new AppError(appError.status, code, appError.message, appError.details) : appError;
  }
}

async function createPersonReview(deps: Deps, caller: Caller, input: CreatePersonReviewInput) {
  return inCallerTransaction(deps.sql, caller, async ({ asCaller, tx }) => {
    const event = await asCaller((t) => findVisibleEvent(t, input.eventId));
    if (!event) throw notFound(`Event "${input.eventId}" was not found`);
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
 * inactive account sees no private reviews, so it hears about its account first (a read, not a
 * copy of a rule: the trigger refuses inactive writers too). A deleted review is not there to edit.
 */
async function reviewToChange({ asCaller, tx }: CallerTransaction, options: { reviewId: string; callerId: string; action: string }) {
  const { reviewId } = options;
  if (!(await isActiveAccount(tx, options.callerId))) throw forbidden(`Cannot ${options.action} reviews: your account is not active`);
  const visible = await asCaller((t) => isReviewVisible(t, reviewId));
  const review = visible ? await findReviewForChange(tx, reviewId) : null;
  if (!review || (review.isDeleted && options.action === "edit")) throw notFound(`Review "${reviewId}" was not found`);
  return review;
}

export function createHandler(deps: Deps): (req: Request) => Promise<Response> {
  const router = createRouter("reviews")
    .on("POST", "/", async ({ req }: RouteContext) => {
      const caller = await requireUser(deps.auth, req);
      const input = CreateReviewInput.parse(await readJson(req));
      const review = await translated(
        input.target === "person" ? createPersonReview(deps, caller, input) : createOrganizationReview(deps, caller, input),
      );
      return json({ review }, 201);
    })
    .on("PATCH", "/:id", async ({ req, params }: RouteContext) => {
      const caller = await requireUser(deps.auth, req);
      const reviewId = ReviewId.parse(params.id);
      const input = UpdateReviewInput.parse(await readJson(req));
      const review = await translated(inCallerTransaction(deps.sql, caller, async (t) => {
        await reviewToChange(t, { reviewId, callerId: caller.id, action: "edit" });
        return updateReview(t.tx, reviewId, input);
      }));
      return json({ review });
    })
    .on("DELETE", "/:id", async ({ req, params }: RouteContext) => {
      const caller = await requireUser(deps.auth, req);
      const reviewId = ReviewId.parse(params.id);
      const review = await translated(inCallerTransaction(deps.sql, caller, async (t) => {
        const existing = await reviewToChange(t, { reviewId, callerId: caller.id, action: "delete" });
        return softDeleteReview(t.tx, { reviewId, actorId: caller.id, byAdmin: existing.reviewerId !== caller.id });
      }));
      return json({ review });
    });
  return (req) => router.handle(req);
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler(depsFromEnv());
}
