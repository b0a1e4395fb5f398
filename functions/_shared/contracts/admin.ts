// Contracts of the `admin` function: role decisions, suspension, moderation queues, broadcasts,
// the audit log and the shared taxonomies. Every route needs a CURRENTLY active, approved admin.
import { z } from "zod";
import { boundedText, EmptyBody, IsoDateTime, KeysetCursor, Reason, requiredWith, type RouteContract, Uuid } from "./common.ts";
import { AppRole, RoleStatus, UserStatus } from "./accounts.ts";

export const RoleDecisionAction = z.enum(["approve", "reject", "revoke", "grant"]);
export type RoleDecisionAction = z.infer<typeof RoleDecisionAction>;

/** Path of /users/:userId/roles/:role/:action. */
export const RoleDecisionParams = z.strictObject({ userId: Uuid, role: AppRole, action: RoleDecisionAction });
export type RoleDecisionParams = z.infer<typeof RoleDecisionParams>;

/** Reject needs a reason; approve, grant and revoke may carry one. */
export const RoleDecisionInput = z.strictObject({ reason: Reason.optional() });
export type RoleDecisionInput = z.infer<typeof RoleDecisionInput>;

export const UserIdParams = z.strictObject({ userId: Uuid });
export type UserIdParams = z.infer<typeof UserIdParams>;

export const SuspendUserInput = z.strictObject({ reason: Reason });
export type SuspendUserInput = z.infer<typeof SuspendUserInput>;

export const ReactivateUserInput = z.strictObject({ note: boundedText(500).optional() });
export type ReactivateUserInput = z.infer<typeof ReactivateUserInput>;

export const Pagination = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: KeysetCursor.optional(),
});
export type Pagination = z.infer<typeof Pagination>;

export const RoleRequestsQuery = Pagination.extend({ role: AppRole.exclude(["admin"]).optional() });
export type RoleRequestsQuery = z.infer<typeof RoleRequestsQuery>;

export const AuditLogQuery = Pagination.extend({
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/, "Invalid action prefix").max(100).optional(),
  actorId: Uuid.optional(),
  targetId: Uuid.optional(),
});
export type AuditLogQuery = z.infer<typeof AuditLogQuery>;

export const BroadcastAudience = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("all_active") }),
  z.strictObject({ kind: z.literal("role"), role: AppRole }),
  z.strictObject({ kind: z.literal("event_participants"), eventId: Uuid }),
  z.strictObject({
    kind: z.literal("users"),
    userIds: z.array(Uuid).min(1).max(1000).refine((ids) => new Set(ids).size === ids.length, "User ids must not repeat"),
  }),
]);
export type BroadcastAudience = z.infer<typeof BroadcastAudience>;

/**
 * POST /admin/broadcasts — an in-app notification to a chosen audience; suspended and deleted
 * accounts never get it. With `email`, each recipient is also e-mailed (template admin_broadcast,
 * through the outbox; users who turned admin_broadcast e-mails off are skipped). With
 * `testSend: true` only the calling admin gets the e-mail, nobody is notified: check it first.
 */
export const BroadcastInput = requiredWith(z.strictObject({
  audience: BroadcastAudience,
  content: boundedText(500),
  /** An app path such as `/events/…`. */
  linkUrl: z.string().regex(/^\/\S*$/, "Must be an app path starting with /").max(500).optional(),
  email: z.strictObject({
    subject: boundedText(200),
    /** Plain text; blank lines separate paragraphs; escaped when rendered. */
    body: boundedText(20_000),
  }).optional(),
  testSend: z.literal(true).optional(),
}), "testSend", "email", "A test send needs the email to test");
export type BroadcastInput = z.infer<typeof BroadcastInput>;

export const Taxonomy = z.enum(["tags", "skills", "categories"]);
export type Taxonomy = z.infer<typeof Taxonomy>;

export const TaxonomyInput = z.strictObject({ name: boundedText(50) });
export type TaxonomyInput = z.infer<typeof TaxonomyInput>;

export const TaxonomyParams = z.strictObject({ id: Uuid });
export type TaxonomyParams = z.infer<typeof TaxonomyParams>;

export const TaxonomyTerm = z.object({ id: Uuid, name: z.string(), createdAt: IsoDateTime });
export type TaxonomyTerm = z.infer<typeof TaxonomyTerm>;

export const RoleDecisionResult = z.object({
  userId: Uuid,
  role: AppRole,
  status: RoleStatus,
  decidedAt: IsoDateTime.nullable(),
  decisionReason: z.string().nullable(),
});
export type RoleDecisionResult = z.infer<typeof RoleDecisionResult>;

export const SessionRevocation = z.object({
  /** Rows removed from auth.sessions (their refresh tokens go with them). */
  deletedSessions: z.number().int(),
  /** What the Auth admin API said: `banned`/`unbanned` hosted, `unavailable` where no Auth server runs (local). */
  authAdmin: z.enum(["banned", "unbanned", "unavailable", "failed"]),
});
export type SessionRevocation = z.infer<typeof SessionRevocation>;

export const AccountStatusResult = z.object({
  userId: Uuid,
  status: UserStatus,
  suspendedReason: z.string().nullable(),
  eventsReturnedToDraft: z.array(Uuid),
  sessions: SessionRevocation,
});
export type AccountStatusResult = z.infer<typeof AccountStatusResult>;

export const RoleRequest = z.object({
  userId: Uuid,
  email: z.string().nullable(),
  fullName: z.string().nullable(),
  role: AppRole,
  requestedAt: IsoDateTime,
});
export type RoleRequest = z.infer<typeof RoleRequest>;

export const PendingOrganization = z.object({
  id: Uuid,
  name: z.string(),
  type: z.string(),
  ownerId: Uuid,
  ownerEmail: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PendingOrganization = z.infer<typeof PendingOrganization>;

export const AuditEntry = z.object({
  id: Uuid,
  actorId: Uuid.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: Uuid.nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: IsoDateTime,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const BroadcastResult = z.object({
  /** Users notified (0 for a test send). */
  recipients: z.number().int(),
  /** E-mails queued in the outbox (a test send: 1, to the admin). */
  emailsQueued: z.number().int(),
  /** How many users the audience holds (what a real send would reach). */
  audienceSize: z.number().int(),
  test: z.boolean(),
});
export type BroadcastResult = z.infer<typeof BroadcastResult>;

const notAdmin = { status: 403, code: "forbidden", when: "the caller is not an active, approved admin right now" };
const ownAccount = { status: 403, code: "forbidden", when: "an admin acts on their own account" };

export const routes: RouteContract[] = [
  {
    function: "admin", method: "GET", path: "/role-requests", auth: "user", query: RoleRequestsQuery,
    summary: "Pending role requests, oldest first",
    responses: { 200: { description: "A page of requests", schema: page(RoleRequest) } },
    errors: [notAdmin],
  },
  {
    function: "admin", method: "POST", path: "/users/:userId/roles/:role/:action", auth: "user",
    params: RoleDecisionParams, body: RoleDecisionInput,
    summary: "Approve, reject (reason required) or revoke a role, or grant one directly; user notified + e-mailed, audited",
    responses: { 200: { description: "The role after the decision", schema: RoleDecisionResult } },
    errors: [notAdmin, ownAccount, { status: 404, code: "not_found", when: "no such user or role request" },
      { status: 409, code: "user_roles_status_transition", when: "the role is not in a state this action applies to" }],
  },
  {
    function: "admin", method: "POST", path: "/users/:userId/suspend", auth: "user", params: UserIdParams,
    body: SuspendUserInput,
    summary: "Suspend an account: sessions revoked, future events back to draft, hidden, e-mailed, audited",
    responses: { 200: { description: "Suspended", schema: AccountStatusResult } },
    errors: [notAdmin, ownAccount, { status: 409, code: "users_status_transition", when: "the account is not active" }],
  },
  {
    function: "admin", method: "POST", path: "/users/:userId/reactivate", auth: "user", params: UserIdParams,
    body: ReactivateUserInput,
    summary: "Reactivate a suspended or deleted account: e-mailed, audited",
    responses: { 200: { description: "Active again", schema: AccountStatusResult } },
    errors: [notAdmin, ownAccount, { status: 409, code: "users_status_transition", when: "the account is already active" }],
  },
  {
    function: "admin", method: "GET", path: "/organizations/pending", auth: "user", query: Pagination,
    summary: "Organizations waiting for review, oldest first",
    responses: { 200: { description: "A page of organizations", schema: page(PendingOrganization) } },
    errors: [notAdmin],
  },
  {
    function: "admin", method: "POST", path: "/broadcasts", auth: "user", body: BroadcastInput,
    summary: "Notify a chosen audience (never suspended or deleted accounts), optionally by e-mail too; testSend e-mails only the admin",
    responses: { 201: { description: "Notifications written", schema: BroadcastResult } },
    errors: [notAdmin],
  },
  {
    function: "admin", method: "GET", path: "/audit-logs", auth: "user", query: AuditLogQuery,
    summary: "The audit log, newest first",
    responses: { 200: { description: "A page of entries", schema: page(AuditEntry) } },
    errors: [notAdmin],
  },
  ...Taxonomy.options.flatMap((taxonomy): RouteContract[] => [
    {
      function: "admin", method: "POST", path: `/${taxonomy}`, auth: "user", body: TaxonomyInput,
      summary: `Create one of the ${taxonomy}`,
      responses: { 201: { description: "Created", schema: TaxonomyTerm } },
      errors: [notAdmin, { status: 409, code: `${taxonomy}_name_is_unique`, when: "the name exists (case-insensitive)" }],
    },
    {
      function: "admin", method: "PATCH", path: `/${taxonomy}/:id`, auth: "user", params: TaxonomyParams,
      body: TaxonomyInput, summary: `Rename one of the ${taxonomy}`,
      responses: { 200: { description: "Renamed", schema: TaxonomyTerm } },
      errors: [notAdmin, { status: 404, code: "not_found", when: "no such term" }],
    },
    {
      function: "admin", method: "DELETE", path: `/${taxonomy}/:id`, auth: "user", params: TaxonomyParams,
      body: EmptyBody, summary: `Delete one of the ${taxonomy} (its links to profiles/events go with it)`,
      responses: { 200: { description: "Deleted", schema: TaxonomyTerm } },
      errors: [notAdmin, { status: 404, code: "not_found", when: "no such term" }],
    },
  ]),
];
