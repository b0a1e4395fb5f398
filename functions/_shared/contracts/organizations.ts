// Contracts of the `organizations` function: review by admins, membership, ownership, bank details.
import { z } from "zod";
import { boundedText, EmptyBody, HttpsUrl, IsoDateTime, Reason, type RouteContract, Uuid } from "./common.ts";

export const OrganizationType = z.enum(["company", "university", "community", "nonprofit", "government"]);
export type OrganizationType = z.infer<typeof OrganizationType>;
export const OrganizationStatus = z.enum(["pending", "approved", "rejected"]);
export type OrganizationStatus = z.infer<typeof OrganizationStatus>;
export const OrganizationRole = z.enum(["owner", "admin", "member"]);
export type OrganizationRole = z.infer<typeof OrganizationRole>;
/** Roles a manager may give; `owner` moves only by transfer. */
export const AssignableOrganizationRole = z.enum(["admin", "member"], {
  error: "Must be admin or member (ownership moves only by transfer)",
});
export type AssignableOrganizationRole = z.infer<typeof AssignableOrganizationRole>;
export const MembershipStatus = z.enum(["invited", "requested", "active"]);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const BankDetails = z.strictObject({
  bankName: boundedText(100),
  // 4–34 characters once trimmed, said by the pattern itself (schemathesis sent " xSV": four
  // characters before trim() and three after).
  accountNumber: z.string().trim().regex(/^ *[0-9A-Za-z-][0-9A-Za-z -]{2,32}[0-9A-Za-z-] *$/, "Must be 4–34 letters, digits, spaces or dashes"),
  holderName: boundedText(100),
});
export type BankDetails = z.infer<typeof BankDetails>;

const organizationFields = {
  // At least 2 characters once trimmed, in the published pattern too.
  name: boundedText(120, 2),
  description: boundedText(5000).optional(),
  websiteUrl: HttpsUrl.optional(),
  location: boundedText(200).optional(),
  logoUrl: boundedText(500).optional(),
  coverUrl: boundedText(500).optional(),
  type: OrganizationType.optional(),
  visibility: z.enum(["public", "private"]).optional(),
};

/**
 * POST /organizations — starts pending; the creator becomes the owner. No logo or cover: a file
 * lives in the organization's own folder (`organization-logos/<id>/…`, checked by the database),
 * and the id exists only once it is created; upload, then PATCH (schemathesis found that any
 * logoUrl sent here could only be refused).
 */
const { logoUrl: _logoUrl, coverUrl: _coverUrl, ...creatableFields } = organizationFields;
export const CreateOrganizationInput = z.strictObject({ ...creatableFields, bankDetails: BankDetails.optional() });
export type CreateOrganizationInput = z.infer<typeof CreateOrganizationInput>;

/** PATCH /organizations/:id — managers edit; null clears an optional field. */
export const UpdateOrganizationInput = z.strictObject({
  name: organizationFields.name.optional(),
  description: organizationFields.description.unwrap().nullable().optional(),
  websiteUrl: HttpsUrl.nullable().optional(),
  location: organizationFields.location.unwrap().nullable().optional(),
  logoUrl: organizationFields.logoUrl.unwrap().nullable().optional(),
  coverUrl: organizationFields.coverUrl.unwrap().nullable().optional(),
  type: OrganizationType.optional(),
  visibility: z.enum(["public", "private"]).optional(),
}).refine((input) => Object.keys(input).length > 0, "Send at least one field to change");
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInput>;

export const OrganizationParams = z.strictObject({ id: Uuid });
export type OrganizationParams = z.infer<typeof OrganizationParams>;
export const MemberParams = z.strictObject({ id: Uuid, userId: Uuid });
export type MemberParams = z.infer<typeof MemberParams>;

export const RejectOrganizationInput = z.strictObject({ reason: Reason });
export type RejectOrganizationInput = z.infer<typeof RejectOrganizationInput>;

export const InviteMemberInput = z.strictObject({ userId: Uuid, role: AssignableOrganizationRole.default("member") });
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const AnswerInvitationInput = z.strictObject({ accept: z.boolean() });
export type AnswerInvitationInput = z.infer<typeof AnswerInvitationInput>;

export const DecideJoinRequestInput = z.strictObject({ accept: z.boolean() });
export type DecideJoinRequestInput = z.infer<typeof DecideJoinRequestInput>;

export const ChangeMemberRoleInput = z.strictObject({ role: AssignableOrganizationRole });
export type ChangeMemberRoleInput = z.infer<typeof ChangeMemberRoleInput>;

export const TransferOwnershipInput = z.strictObject({ userId: Uuid });
export type TransferOwnershipInput = z.infer<typeof TransferOwnershipInput>;

export const Organization = z.object({
  id: Uuid,
  ownerId: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  websiteUrl: z.string().nullable(),
  location: z.string().nullable(),
  logoUrl: z.string().nullable(),
  coverUrl: z.string().nullable(),
  type: OrganizationType,
  visibility: z.enum(["public", "private"]),
  status: OrganizationStatus,
  decisionReason: z.string().nullable(),
  deletedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Only for the organization's managers and platform admins; otherwise absent. */
  bankDetails: BankDetails.nullable().optional(),
});
export type Organization = z.infer<typeof Organization>;

export const Membership = z.object({
  orgId: Uuid,
  userId: Uuid,
  role: OrganizationRole,
  status: MembershipStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Membership = z.infer<typeof Membership>;

export const MemberList = z.object({
  /** Outsiders see the count only. */
  activeCount: z.number().int(),
  members: z.array(Membership.extend({ fullName: z.string().nullable() })).nullable(),
});
export type MemberList = z.infer<typeof MemberList>;

const manager = { status: 403, code: "forbidden", when: "the caller is not an owner/admin of the organization (or a platform admin)" };
const notFound = { status: 404, code: "not_found", when: "no such organization, or the caller may not see it" };
const notMember = (when: string) => ({ status: 404, code: "not_found", when });
// Every route on one organization loads it first: a missing, deleted or invisible one is a 404.
const org = (summary: string, extra: Partial<RouteContract> & Pick<RouteContract, "method" | "path" | "responses">): RouteContract => ({
  function: "organizations", auth: "user", summary, ...extra,
  errors: [...(extra.path.startsWith("/:id") ? [notFound] : []), ...(extra.errors ?? [])],
});
const mediaPath = (column: "logo_url" | "cover_url") => ({
  status: 409, code: `organizations_${column}_is_storage_path`, when: `${column === "logo_url" ? "logoUrl" : "coverUrl"} is not a file in organization-logos/<this organization's id>/`,
});

export const routes: RouteContract[] = [
  org("Create an organization (pending; creator is owner; admins notified)", {
    method: "POST", path: "/", body: CreateOrganizationInput,
    responses: { 201: { description: "Created", schema: Organization } },
  }),
  org("Read an organization (bank details for managers and admins only)", {
    method: "GET", path: "/:id", params: OrganizationParams,
    responses: { 200: { description: "The organization", schema: Organization } },
  }),
  org("Update an organization (managers, admin)", {
    method: "PATCH", path: "/:id", params: OrganizationParams, body: UpdateOrganizationInput,
    responses: { 200: { description: "Updated", schema: Organization } },
    errors: [manager, mediaPath("logo_url"), mediaPath("cover_url")],
  }),
  org("Set bank details (managers, admin)", {
    method: "PUT", path: "/:id/bank-details", params: OrganizationParams, body: BankDetails,
    responses: { 200: { description: "Saved", schema: BankDetails } }, errors: [manager],
  }),
  org("Resubmit a rejected organization for review (managers)", {
    method: "POST", path: "/:id/resubmit", params: OrganizationParams, body: EmptyBody,
    responses: { 200: { description: "Pending again", schema: Organization } },
    errors: [manager, { status: 409, code: "organizations_status_transition", when: "not rejected" }],
  }),
  org("Approve a pending organization (platform admin; owner notified, audited)", {
    method: "POST", path: "/:id/approve", params: OrganizationParams, body: EmptyBody,
    responses: { 200: { description: "Approved", schema: Organization } },
    errors: [{ status: 403, code: "forbidden", when: "not a platform admin" }],
  }),
  org("Reject a pending organization with a reason (platform admin; owner notified, audited)", {
    method: "POST", path: "/:id/reject", params: OrganizationParams, body: RejectOrganizationInput,
    responses: { 200: { description: "Rejected", schema: Organization } },
    errors: [{ status: 403, code: "forbidden", when: "not a platform admin" }],
  }),
  org("Soft-delete an organization (owner or platform admin)", {
    method: "DELETE", path: "/:id", params: OrganizationParams, body: EmptyBody,
    responses: { 200: { description: "Deleted", schema: Organization } }, errors: [manager],
  }),
  org("List members (members and admins; outsiders get the count only)", {
    method: "GET", path: "/:id/members", params: OrganizationParams,
    responses: { 200: { description: "Members", schema: MemberList } },
  }),
  org("Invite a user (managers)", {
    method: "POST", path: "/:id/invitations", params: OrganizationParams, body: InviteMemberInput,
    responses: { 201: { description: "Invited", schema: Membership } },
    errors: [manager, notMember("no user with that id"), { status: 409, code: "target_not_active", when: "the user's account is not active" },
      { status: 409, code: "organization_members_pkey", when: "already a member, invited or requested" }],
  }),
  org("Answer one's own invitation", {
    method: "POST", path: "/:id/invitation", params: OrganizationParams, body: AnswerInvitationInput,
    responses: { 200: { description: "Accepted (membership) or declined (null)", schema: Membership.nullable() } },
    errors: [{ status: 404, code: "not_found", when: "no pending invitation" }],
  }),
  org("Ask to join an approved organization", {
    method: "POST", path: "/:id/join-requests", params: OrganizationParams, body: EmptyBody,
    responses: { 201: { description: "Requested", schema: Membership } },
    errors: [
      { status: 409, code: "membership_exists", when: "already a member, invited or requested" },
      { status: 409, code: "organization_not_open", when: "not an approved public organization" },
    ],
  }),
  org("Decide a join request (managers)", {
    method: "POST", path: "/:id/join-requests/:userId", params: MemberParams, body: DecideJoinRequestInput,
    responses: { 200: { description: "Accepted (membership) or declined (null)", schema: Membership.nullable() } },
    errors: [manager, notMember("no join request from this user")],
  }),
  org("Change a member's role (managers; the owner is never demoted)", {
    method: "PATCH", path: "/:id/members/:userId", params: MemberParams, body: ChangeMemberRoleInput,
    responses: { 200: { description: "Changed", schema: Membership } }, errors: [manager, notMember("the user is not a member")],
  }),
  org("Remove a member or withdraw an invitation/request (managers; never the owner)", {
    method: "DELETE", path: "/:id/members/:userId", params: MemberParams, body: EmptyBody,
    responses: { 200: { description: "Removed", schema: Membership } },
    errors: [manager, notMember("the user is not a member, invited or requesting")],
  }),
  org("Leave an organization (the owner must transfer first)", {
    method: "POST", path: "/:id/leave", params: OrganizationParams, body: EmptyBody,
    responses: { 200: { description: "Left", schema: Membership } },
    errors: [notMember("the caller is not a member"), { status: 409, code: "owner_must_transfer", when: "the caller is the owner" }],
  }),
  org("Transfer ownership to an active member with an active account (owner or platform admin)", {
    method: "POST", path: "/:id/transfer", params: OrganizationParams, body: TransferOwnershipInput,
    responses: { 200: { description: "New owner", schema: Organization } },
    errors: [manager, { status: 409, code: "transfer_target_not_active_member", when: "target is not an active member" }],
  }),
];
