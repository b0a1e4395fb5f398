// Organization membership (DOMAIN.md §2 organization_members, §4, rule 7.14): invitations and
// join requests become active only when the other side accepts; managers change roles and
// remove members but never the owner; the owner leaves only after a transfer; a transfer moves
// ownership to an active member with an active account, atomically (the database's deferred
// single-owner check holds at commit).
import type { Tx } from "../_shared/database.ts";
import { AppError, conflict, forbidden, notFound } from "../_shared/errors.ts";
import type {
  AssignableOrganizationRole, InviteMemberInput, Membership, MemberList, Organization,
} from "../_shared/contracts/organizations.ts";
import { writeAudit } from "../_shared/moderation/audit-log.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { notify } from "../_shared/moderation/notifications.ts";
import {
  lockOrganization, managerIds, membershipOf, type MembershipRow, organizationColumns, type OrganizationRow,
  readBankDetails, requireManager, requireOwner, toMembership, toOrganization,
} from "./organization-rows.ts";

const membershipColumns = ["org_id", "user_id", "role", "status", "created_at", "updated_at"] as const;

async function tell(tx: Tx, recipientId: string, org: OrganizationRow, content: string, actorId: string, data: Record<string, unknown>) {
  await notify(tx, { recipientId, kind: "org_membership", content, linkUrl: `/organizations/${org.id}`, data: { orgId: org.id, ...data }, actorId });
}

/**
 * How managers see the person in a membership notification: their profile name, never their
 * e-mail (issue 14, rule 7.7: e-mails are never shown to other users).
 */
async function publicName(tx: Tx, userId: string): Promise<string> {
  const [profile] = await tx<{ full_name: string | null }[]>`select full_name from public.profiles where user_id = ${userId}`;
  return profile?.full_name?.trim() || "A member";
}

async function requireActiveUser(tx: Tx, userId: string, what: string): Promise<void> {
  const [user] = await tx<{ status: string; deleted_at: Date | null }[]>`
    select status, deleted_at from public.users where id = ${userId}`;
  if (!user) throw notFound(`No user with id "${userId}"`);
  if (user.status !== "active" || user.deleted_at) {
    throw conflict("target_not_active", `Cannot ${what}: that account is not active`);
  }
}

export async function inviteMember(tx: Tx, account: CurrentAccount, orgId: string, input: InviteMemberInput): Promise<Membership> {
  const org = await lockOrganization(tx, orgId);
  await requireManager(tx, org, account, `invite members to "${org.name}"`);
  await requireActiveUser(tx, input.userId, `invite this user to "${org.name}"`);
  const existing = await membershipOf(tx, orgId, input.userId);
  if (existing) {
    throw conflict("membership_exists", `Cannot invite this user to "${org.name}": their membership is already ${existing.status}`);
  }
  const [row] = await tx<MembershipRow[]>`
    insert into public.organization_members (org_id, user_id, role, status, invited_by)
    values (${orgId}, ${input.userId}, ${input.role}, 'invited', ${account.id})
    returning ${tx(membershipColumns)}`;
  await tell(tx, input.userId, org, `You are invited to join "${org.name}" as ${input.role}`, account.id, { status: "invited", role: input.role });
  return toMembership(row!);
}

export async function answerInvitation(tx: Tx, account: CurrentAccount, orgId: string, accept: boolean): Promise<Membership | null> {
  const org = await lockOrganization(tx, orgId);
  const existing = await membershipOf(tx, orgId, account.id);
  if (existing?.status !== "invited") throw notFound(`You have no pending invitation to "${org.name}"`);
  let result: Membership | null = null;
  if (accept) {
    const [row] = await tx<MembershipRow[]>`
      update public.organization_members set status = 'active' where org_id = ${orgId} and user_id = ${account.id}
      returning ${tx(membershipColumns)}`;
    result = toMembership(row!);
  } else {
    await tx`delete from public.organization_members where org_id = ${orgId} and user_id = ${account.id}`;
  }
  const name = await publicName(tx, account.id);
  for (const managerId of await managerIds(tx, orgId, account.id)) {
    await tell(tx, managerId, org, `${name} ${accept ? "accepted" : "declined"} the invitation to "${org.name}"`,
      account.id, { userId: account.id, status: accept ? "active" : "declined" });
  }
  return result;
}

export async function requestToJoin(tx: Tx, account: CurrentAccount, orgId: string): Promise<Membership> {
  const org = await lockOrganization(tx, orgId);
  if (org.status !== "approved" || org.visibility !== "public") {
    const existing = await membershipOf(tx, orgId, account.id);
    if (!existing) throw notFound(`No organization with id "${orgId}"`);
    throw conflict("organization_not_open", `Cannot ask to join "${org.name}": it is not an approved public organization`);
  }
  const existing = await membershipOf(tx, orgId, account.id);
  if (existing) throw conflict("membership_exists", `Cannot ask to join "${org.name}": your membership is already ${existing.status}`);
  const [row] = await tx<MembershipRow[]>`
    insert into public.organization_members (org_id, user_id, role, status)
    values (${orgId}, ${account.id}, 'member', 'requested') returning ${tx(membershipColumns)}`;
  const name = await publicName(tx, account.id);
  for (const managerId of await managerIds(tx, orgId, account.id)) {
    await tell(tx, managerId, org, `${name} asks to join "${org.name}"`, account.id, { userId: account.id, status: "requested" });
  }
  return toMembership(row!);
}

export async function decideJoinRequest(
  tx: Tx, account: CurrentAccount, orgId: string, userId: string, accept: boolean,
): Promise<Membership | null> {
  const org = await lockOrganization(tx, orgId);
  await requireManager(tx, org, account, `decide join requests of "${org.name}"`);
  const existing = await membershipOf(tx, orgId, userId);
  if (existing?.status !== "requested") throw notFound(`No join request from this user to "${org.name}"`);
  let result: Membership | null = null;
  if (accept) {
    await requireActiveUser(tx, userId, `accept this join request`);
    const [row] = await tx<MembershipRow[]>`
      update public.organization_members set status = 'active' where org_id = ${orgId} and user_id = ${userId}
      returning ${tx(membershipColumns)}`;
    result = toMembership(row!);
  } else {
    await tx`delete from public.organization_members where org_id = ${orgId} and user_id = ${userId}`;
  }
  await tell(tx, userId, org, `Your request to join "${org.name}" was ${accept ? "accepted" : "declined"}`, account.id,
    { status: accept ? "active" : "declined" });
  return result;
}

export async function changeMemberRole(
  tx: Tx, account: CurrentAccount, orgId: string, userId: string, role: AssignableOrganizationRole,
): Promise<Membership> {
  const org = await lockOrganization(tx, orgId);
  await requireManager(tx, org, account, `change member roles in "${org.name}"`);
  const existing = await membershipOf(tx, orgId, userId);
  if (!existing) throw notFound(`This user is not a member of "${org.name}"`);
  if (existing.role === "owner") {
    throw forbidden(`Cannot change the owner's role in "${org.name}": transfer ownership instead`);
  }
  const [row] = await tx<MembershipRow[]>`
    update public.organization_members set role = ${role} where org_id = ${orgId} and user_id = ${userId}
    returning ${tx(membershipColumns)}`;
  await tell(tx, userId, org, `Your role in "${org.name}" is now ${role}`, account.id, { role });
  return toMembership(row!);
}

export async function removeMember(tx: Tx, account: CurrentAccount, orgId: string, userId: string): Promise<Membership> {
  const org = await lockOrganization(tx, orgId);
  await requireManager(tx, org, account, `remove members from "${org.name}"`);
  const existing = await membershipOf(tx, orgId, userId);
  if (!existing) throw notFound(`This user is not a member of "${org.name}"`);
  if (existing.role === "owner") throw forbidden(`Cannot remove the owner of "${org.name}"`);
  await tx`delete from public.organization_members where org_id = ${orgId} and user_id = ${userId}`;
  if (userId !== account.id) {
    await tell(tx, userId, org, `You were removed from "${org.name}"`, account.id, { status: "removed" });
  }
  return toMembership(existing);
}

export async function leaveOrganization(tx: Tx, account: CurrentAccount, orgId: string): Promise<Membership> {
  const org = await lockOrganization(tx, orgId);
  const existing = await membershipOf(tx, orgId, account.id);
  if (!existing) throw notFound(`You are not a member of "${org.name}"`);
  if (existing.role === "owner") {
    throw conflict("owner_must_transfer", `Cannot leave "${org.name}": you are its owner, transfer ownership first`);
  }
  await tx`delete from public.organization_members where org_id = ${orgId} and user_id = ${account.id}`;
  return toMembership(existing);
}

export async function transferOwnership(tx: Tx, account: CurrentAccount, orgId: string, newOwnerId: string): Promise<Organization> {
  const org = await lockOrganization(tx, orgId);
  await requireOwner(tx, org, account, `transfer ownership of "${org.name}"`);
  if (newOwnerId === org.owner_id) throw conflict("transfer_target_is_owner", `Cannot transfer "${org.name}": that user already owns it`);
  const target = await membershipOf(tx, orgId, newOwnerId);
  const [user] = await tx<{ status: string; deleted_at: Date | null }[]>`
    select status, deleted_at from public.users where id = ${newOwnerId}`;
  if (target?.status !== "active" || user?.status !== "active" || user.deleted_at) {
    throw new AppError(409, "transfer_target_not_active_member",
      `Cannot transfer "${org.name}": the new owner must be an active member with an active account`);
  }
  // The single-owner unique index is immediate: demote first, then promote, then move owner_id.
  await tx`update public.organization_members set role = 'admin' where org_id = ${orgId} and user_id = ${org.owner_id}`;
  await tx`update public.organization_members set role = 'owner' where org_id = ${orgId} and user_id = ${newOwnerId}`;
  const [row] = await tx<OrganizationRow[]>`
    update public.organizations set owner_id = ${newOwnerId} where id = ${orgId} returning ${tx(organizationColumns)}`;
  await tell(tx, newOwnerId, org, `You are now the owner of "${org.name}"`, account.id, { role: "owner" });
  if (org.owner_id !== account.id) {
    await tell(tx, org.owner_id, org, `Ownership of "${org.name}" was transferred by an admin`, account.id, { role: "admin" });
  }
  await writeAudit(tx, {
    actorId: account.id, action: "organization.transfer", targetType: "organization", targetId: orgId,
    details: { from: org.owner_id, to: newOwnerId },
  });
  return toOrganization(row!, await readBankDetails(tx, orgId));
}

export async function listMembers(
  tx: Tx, asCaller: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>, account: CurrentAccount | null, orgId: string,
): Promise<MemberList> {
  const [visible] = await asCaller((inner) => inner`select id from public.organizations where id = ${orgId}`);
  if (!visible) throw notFound(`No organization with id "${orgId}"`);
  const [count] = await tx<{ n: number }[]>`
    select count(*)::int as n from public.organization_members where org_id = ${orgId} and status = 'active'`;
  const own = account ? await membershipOf(tx, orgId, account.id) : null;
  const isInsider = account !== null && account.status === "active" && !account.deletedAt
    && (account.isAdmin || own?.status === "active");
  if (!isInsider) return { activeCount: count?.n ?? 0, members: null };
  const rows = await asCaller((inner) => inner<(MembershipRow & { full_name: string | null })[]>`
    select m.org_id, m.user_id, m.role, m.status, m.created_at, m.updated_at, p.full_name
    from public.organization_members m left join public.profiles p on p.user_id = m.user_id
    where m.org_id = ${orgId} order by m.role desc, m.created_at`);
  return { activeCount: count?.n ?? 0, members: rows.map((row) => ({ ...toMembership(row), fullName: row.full_name })) };
}
