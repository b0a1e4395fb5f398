// The reviews function's database side: what the caller may see (read under RLS) and the writes.
// The rules themselves are the database's (trigger private.check_review_rules), never copied here.
import type { Review } from "../_shared/contracts/reviews.ts";
import type { Tx } from "../_shared/database.ts";

export type EventStatus = "draft" | "published" | "ended" | "cancelled";

export interface ReviewedEvent {
  id: string;
  title: string;
  status: EventStatus;
  organizerId: string;
  endsAt: Date | null;
}

export interface ExistingReview {
  id: string;
  reviewerId: string;
  isDeleted: boolean;
  /** The reviewed event (person reviews); null for organization reviews. */
  event: ReviewedEvent | null;
}

interface EventRow {
  id: string;
  title: string;
  status: EventStatus;
  organizer_id: string;
  end_datetime: Date | null;
}

function toReviewedEvent(row: EventRow): ReviewedEvent {
  return { id: row.id, title: row.title, status: row.status, organizerId: row.organizer_id, endsAt: row.end_datetime };
}

/** The event as the caller may see it (RLS decides; hidden and missing look the same). */
export async function findVisibleEvent(tx: Tx, eventId: string): Promise<ReviewedEvent | null> {
  const [row] = await tx<EventRow[]>`
    select id, title, status, organizer_id, end_datetime from public.events where id = ${eventId}`;
  return row ? toReviewedEvent(row) : null;
}

export async function isActiveAccount(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx<{ active: boolean }[]>`
    select exists (select 1 from public.users where id = ${userId} and status = 'active' and deleted_at is null) as active`;
  return row?.active ?? false;
}

export interface OrganizationFacts {
  id: string;
  name: string;
  isApproved: boolean;
  isDeleted: boolean;
  ownerId: string;
}

/** The organization as the caller may see it (RLS decides). */
export async function findVisibleOrganization(tx: Tx, organizationId: string): Promise<OrganizationFacts | null> {
  const [row] = await tx<{ id: string; name: string; status: string; deleted_at: Date | null; owner_id: string }[]>`
    select id, name, status, deleted_at, owner_id from public.organizations where id = ${organizationId}`;
  if (!row) return null;
  return { id: row.id, name: row.name, isApproved: row.status === "approved", isDeleted: row.deleted_at !== null, ownerId: row.owner_id };
}

/** Is this review visible to the caller (RLS)? Hidden and missing reviews both answer false. */
export async function isReviewVisible(tx: Tx, reviewId: string): Promise<boolean> {
  const [row] = await tx<{ id: string }[]>`select id from public.reviews where id = ${reviewId}`;
  return row !== undefined;
}

interface ReviewForChangeRow {
  id: string;
  reviewer_id: string;
  deleted_at: Date | null;
  event_id: string | null;
  event_title: string | null;
  event_status: EventStatus | null;
  event_organizer_id: string | null;
  event_end_datetime: Date | null;
}

/** The review with its event, locked for the edit or delete that follows. */
export async function findReviewForChange(tx: Tx, reviewId: string): Promise<ExistingReview | null> {
  const [row] = await tx<ReviewForChangeRow[]>`
    select r.id, r.reviewer_id, r.deleted_at, r.event_id,
           e.title as event_title, e.status as event_status, e.organizer_id as event_organizer_id,
           e.end_datetime as event_end_datetime
    from public.reviews r left join public.events e on e.id = r.event_id
    where r.id = ${reviewId}
    for update of r`;
  if (!row) return null;
  const event = row.event_id && row.event_title && row.event_status && row.event_organizer_id
    ? toReviewedEvent({
      id: row.event_id,
      title: row.event_title,
      status: row.event_status,
      organizer_id: row.event_organizer_id,
      end_datetime: row.event_end_datetime,
    })
    : null;
  return { id: row.id, reviewerId: row.reviewer_id, isDeleted: row.deleted_at !== null, event };
}

interface ReviewRow {
  id: string;
  event_id: string | null;
  org_id: string | null;
  reviewer_id: string;
  reviewee_id: string | null;
  rating: number;
  comment: string | null;
  sealed_until: Date | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  editable_until: Date | null;
}

const REVIEW_COLUMNS = "r.id, r.event_id, r.org_id, r.reviewer_id, r.reviewee_id, r.rating, r.comment, r.sealed_until, r.deleted_at, r.created_at, r.updated_at";

function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    target: row.org_id ? "organization" : "person",
    eventId: row.event_id,
    organizationId: row.org_id,
    reviewerId: row.reviewer_id,
    revieweeId: row.reviewee_id,
    rating: row.rating,
    comment: row.comment,
    sealedUntil: row.sealed_until?.toISOString() ?? null,
    editableUntil: row.editable_until?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

async function readReview(tx: Tx, reviewId: string): Promise<Review> {
  const [row] = await tx.unsafe<ReviewRow[]>(
    `select ${REVIEW_COLUMNS}, private.review_window_closes_at(e.end_datetime) as editable_until
     from public.reviews r left join public.events e on e.id = r.event_id where r.id = $1`,
    [reviewId],
  );
  if (!row) throw new Error(`Review ${reviewId} vanished inside its own transaction`);
  return toReview(row);
}

export async function insertPersonReview(
  tx: Tx,
  review: { eventId: string; reviewerId: string; revieweeId: string; rating: number; comment: string | null },
): Promise<Review> {
  const [row] = await tx<{ id: string }[]>`
    insert into public.reviews (event_id, reviewer_id, reviewee_id, rating, comment)
    values (${review.eventId}, ${review.reviewerId}, ${review.revieweeId}, ${review.rating}, ${review.comment})
    returning id`;
  return readReview(tx, row!.id);
}

export async function insertOrganizationReview(
  tx: Tx,
  review: { organizationId: string; reviewerId: string; rating: number; comment: string | null },
): Promise<Review> {
  const [row] = await tx<{ id: string }[]>`
    insert into public.reviews (org_id, reviewer_id, rating, comment)
    values (${review.organizationId}, ${review.reviewerId}, ${review.rating}, ${review.comment})
    returning id`;
  return readReview(tx, row!.id);
}

export async function updateReview(tx: Tx, reviewId: string, changes: { rating?: number | undefined; comment?: string | null | undefined }): Promise<Review> {
  const fields: Record<string, number | string | null> = {};
  if (changes.rating !== undefined) fields.rating = changes.rating;
  if (changes.comment !== undefined) fields.comment = changes.comment;
  await tx`update public.reviews set ${tx(fields)} where id = ${reviewId}`;
  return readReview(tx, reviewId);
}

export async function softDeleteReview(tx: Tx, options: { reviewId: string; actorId: string; byAdmin: boolean }): Promise<Review> {
  await tx`update public.reviews set deleted_at = now() where id = ${options.reviewId}`;
  if (options.byAdmin) {
    await tx`
      insert into public.audit_logs (actor_id, action, target_type, target_id, details)
      values (${options.actorId}, 'review.delete', 'review', ${options.reviewId}, '{}'::jsonb)`;
  }
  return readReview(tx, options.reviewId);
}
