// Reading organizations and memberships for the `organizations` function, and who may act on one.
import type { Tx } from "../_shared/database.ts";
import { forbidden, notFound } from "../_shared/errors.ts";
import type { BankDetails, Membership, Organization } from "../_shared/contracts/organizations.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { iso } from "../_shared/moderation/request-input.ts";

export interface OrganizationRow {
  id: string;
  owner_id: string;
  name: string;
  description: string | null;
  website_url: string | null;
  location: string | null;
  logo_url: string | null;
  cover_url: string | null;
  type: Organization["type"];
  visibility: Organization["visibility"];
  status: Organization["status"];
  decision_reason: string | null;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const organizationColumns = [
  "id", "owner_id", "name", "description", "website_url", "location", "logo_url", "cover_url", "type", "visibility",
  "status", "decision_reason", "deleted_at", "created_at", "updated_at",
] as const;

export interface MembershipRow {
  org_id: string;
  user_id: string;
  role: Membership["role"];
  status: Membership["status"];
  created_at: Date;
  updated_at: Date;
}

export function toOrganization(row: OrganizationRow, bankDetails?: BankDetails | null): Organization {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    description: row.description,
    websiteUrl: row.website_url,
    location: row.location,
    logoUrl: row.logo_url,
    coverUrl: row.cover_url,
    type: row.type,
    visibility: row.visibility,
    status: row.status,
    decisionReason: row.decision_reason,
    deletedAt: iso(row.deleted_at),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(bankDetails === undefined ? {} : { bankDetails }),
  };
}

export function toMembership(row: MembershipRow): Membership {
  return {
    orgId: row.org_id,
    userId: row.user_id,
    role: row.role,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function readBankDetails(tx: Tx, orgId: string): Promise<BankDetails | null> {
  const [row] = await tx<{ bank_name: string; account_number: string; holder_name: string }[]>`
    select bank_name, account_number, holder_name from public.organization_bank_details where organization_id = ${orgId}`;
  return row ? { bankName: row.bank_name, accountNumber: row.account_number, holderName: row.holder_name } : null;
}

/** The live organization, locked for the change; 404 when it does not exist or is deleted. */
export async function lockOrganization(tx: Tx, orgId: string): Promise<OrganizationRow> {
  const [row] = await tx<OrganizationRow[]>`
    select ${tx(organizationColumns)} from public.organizations where id = ${orgId} and deleted_at is null for update`;
  if (!row) throw notFound(`No organization with id "${orgId}"`);
  return row;
}

export async function membershipOf(tx: Tx, orgId: string, userId: string): Promise<MembershipRow | null> {
  const [row] = await tx<MembershipRow[]>`
    select org_id, user_id, role, status, created_at, updated_at from public.organization_members
    where org_id = ${orgId} and user_id = ${userId}`;
  return row ?? null;
}

export type Authority = "platform_admin" | "owner" | "admin";

/**
 * An organization manager (active owner/admin membership) or a platform admin. Strangers who
 * cannot see the organization at all get a 404, so its existence does not leak.
 */
export async function requireManager(tx: Tx, org: OrganizationRow, account: CurrentAccount, action: string): Promise<Authority> {
  if (account.isAdmin) return "platform_admin";
  const membership = await membershipOf(tx, org.id, account.id);
  if (membership?.status === "active" && (membership.role === "owner" || membership.role === "admin")) return membership.role;
  if (!membership && !(org.status === "approved" && org.visibility === "public")) {
    throw notFound(`No organization with id "${org.id}"`);
  }
  throw forbidden(`Cannot ${action}: only the organization's owner or admins may`);
}

/** The active owner or a platform admin. */
export async function requireOwner(tx: Tx, org: OrganizationRow, account: CurrentAccount, action: string): Promise<Authority> {
  if (account.isAdmin) return "platform_admin";
  if (org.owner_id === account.id) return "owner";
  await requireManager(tx, org, account, action);
  throw forbidden(`Cannot ${action}: only the organization's owner may`);
}

/** Owner and admins of the organization (active), for notifications. */
export async function managerIds(tx: Tx, orgId: string, except: string | null = null): Promise<string[]> {
  const rows = await tx<{ user_id: string }[]>`
    select m.user_id from public.organization_members m join public.users u on u.id = m.user_id
    where m.org_id = ${orgId} and m.status = 'active' and m.role in ('owner', 'admin')
      and u.status = 'active' and u.deleted_at is null and m.user_id is distinct from ${except}::uuid`;
  return rows.map((row) => row.user_id);
}
