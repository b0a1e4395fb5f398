// Organizations through their review (DOMAIN.md §3.3, rule 7.19): created pending with the
// creator as owner and admins told; managers edit; a rejected one is resubmitted; admins approve
// or reject with a reason (owner told, audited); owner or admin soft-deletes (rule 7.20).
import type { Tx } from "../_shared/database.ts";
import { AppError, notFound } from "../_shared/errors.ts";
import type { BankDetails, CreateOrganizationInput, Organization, UpdateOrganizationInput } from "../_shared/contracts/organizations.ts";
import { writeAudit } from "../_shared/moderation/audit-log.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { activeAdminIds, notify } from "../_shared/moderation/notifications.ts";
import {
  lockOrganization, membershipOf, organizationColumns, type OrganizationRow, readBankDetails, requireManager, requireOwner,
  toOrganization,
} from "./organization-rows.ts";

async function tellAdminsAboutSubmission(tx: Tx, org: OrganizationRow, actorId: string, resubmitted: boolean): Promise<void> {
  for (const adminId of await activeAdminIds(tx, actorId)) {
    await notify(tx, {
      recipientId: adminId,
      kind: "org_submitted",
      content: `"${org.name}" ${resubmitted ? "was resubmitted" : "asks to be listed"}: review it`,
      linkUrl: "/admin/organizations",
      data: { orgId: org.id, resubmitted },
      actorId,
    });
  }
}

export async function createOrganization(tx: Tx, account: CurrentAccount, input: CreateOrganizationInput): Promise<Organization> {
  const [row] = await tx<OrganizationRow[]>`
    insert into public.organizations (owner_id, name, description, website_url, location, type, visibility)
    values (${account.id}, ${input.name}, ${input.description ?? null}, ${input.websiteUrl ?? null}, ${input.location ?? null},
            ${input.type ?? "community"}, ${input.visibility ?? "public"})
    returning ${tx(organizationColumns)}`;
  const org = row!;
  if (input.bankDetails) await saveBankDetails(tx, org.id, input.bankDetails);
  await tellAdminsAboutSubmission(tx, org, account.id, false);
  return toOrganization(org, input.bankDetails ?? null);
}

async function saveBankDetails(tx: Tx, orgId: string, details: BankDetails): Promise<void> {
  await tx`
    insert into public.organization_bank_details (organization_id, bank_name, account_number, holder_name)
    values (${orgId}, ${details.bankName}, ${details.accountNumber}, ${details.holderName})
    on conflict (organization_id) do update
      set bank_name = excluded.bank_name, account_number = excluded.account_number, holder_name = excluded.holder_name`;
}

/**
 * What the caller may see: read under RLS (anon/authenticated policies decide), bank details
 * only where the bank-details policy lets the caller read them (managers and admins).
 */
export function readOrganization(
  asCaller: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
  orgId: string,
  canSeeBank: boolean,
): Promise<Organization> {
  return asCaller(async (tx) => {
    const [row] = await tx<OrganizationRow[]>`select ${tx(organizationColumns)} from public.organizations where id = ${orgId}`;
    if (!row) throw notFound(`No organization with id "${orgId}"`);
    return toOrganization(row, canSeeBank ? await readBankDetails(tx, orgId) : undefined);
  });
}

export async function updateOrganization(
  tx: Tx,
  account: CurrentAccount,
  orgId: string,
  input: UpdateOrganizationInput,
): Promise<Organization> {
  const org = await lockOrganization(tx, orgId);
  await requireManager(tx, org, account, `edit organization "${org.name}"`);
  const changes: Record<string, string | null> = {};
  const columns = {
    name: "name", description: "description", websiteUrl: "website_url", location: "location", logoUrl: "logo_url",
    coverUrl: "cover_url", type: "type", visibility: "visibility",
  } as const;
  for (const [key, column] of Object.entries(columns) as [keyof typeof columns, string][]) {
    const value = input[key];
    if (value !== undefined) changes[column] = value;
  }
  const [row] = await tx<OrganizationRow[]>`
    update public.organizations set ${tx(changes)} where id = ${orgId} returning ${tx(organizationColumns)}`;
  return toOrganization(row!, await readBankDetails(tx, orgId));
}

export async function setBankDetails(tx: Tx, account: CurrentAccount, orgId: string, details: BankDetails): Promise<BankDetails> {
  const org = await lockOrganization(tx, orgId);
  await requireManager(tx, org, account, `change the bank details of "${org.name}"`);
  await saveBankDetails(tx, orgId, details); // audited by trigger (organization.bank_details), whatever the path
  return details;
}

export async function resubmitOrganization(tx: Tx, account: CurrentAccount, orgId: string): Promise<Organization> {
  const org = await lockOrganization(tx, orgId);
  await requireManager(tx, org, account, `resubmit "${org.name}"`);
  if (org.status !== "rejected") {
    throw new AppError(409, "organizations_status_transition", `Cannot resubmit "${org.name}": it is ${org.status}, not rejected`);
  }
  const [row] = await tx<OrganizationRow[]>`
    update public.organizations set status = 'pending' where id = ${orgId} returning ${tx(organizationColumns)}`;
  await tellAdminsAboutSubmission(tx, row!, account.id, true);
  return toOrganization(row!, await readBankDetails(tx, orgId));
}

export async function decideOrganization(
  tx: Tx,
  admin: CurrentAccount,
  orgId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<Organization> {
  const org = await lockOrganization(tx, orgId);
  if (org.status !== "pending") {
    throw new AppError(409, "organizations_status_transition", `Cannot decide "${org.name}": it is ${org.status}, not pending`);
  }
  const reason = decision.approve ? null : decision.reason;
  const status = decision.approve ? "approved" : "rejected";
  const [row] = await tx<OrganizationRow[]>`
    update public.organizations set status = ${status}, decision_reason = ${reason}
    where id = ${orgId} returning ${tx(organizationColumns)}`;
  await notify(tx, {
    recipientId: org.owner_id,
    kind: "org_decided",
    content: decision.approve ? `"${org.name}" was approved` : `"${org.name}" was rejected: ${reason}`,
    linkUrl: `/organizations/${orgId}`,
    data: { orgId, status, ...(reason ? { reason } : {}) },
    actorId: admin.id,
  });
  await writeAudit(tx, {
    actorId: admin.id, action: `organization.${decision.approve ? "approve" : "reject"}`, targetType: "organization",
    targetId: orgId, details: { name: org.name, ...(reason ? { reason } : {}) },
  });
  return toOrganization(row!, await readBankDetails(tx, orgId));
}

export async function deleteOrganization(tx: Tx, account: CurrentAccount, orgId: string): Promise<Organization> {
  const org = await lockOrganization(tx, orgId);
  const authority = await requireOwner(tx, org, account, `delete "${org.name}"`);
  const [row] = await tx<OrganizationRow[]>`
    update public.organizations set deleted_at = now() where id = ${orgId} returning ${tx(organizationColumns)}`;
  if (authority === "platform_admin" && org.owner_id !== account.id) {
    await notify(tx, {
      recipientId: org.owner_id, kind: "org_decided", content: `"${org.name}" was removed by an admin`,
      linkUrl: "/organizations", data: { orgId, status: "deleted" }, actorId: account.id,
    });
  }
  await writeAudit(tx, {
    actorId: account.id, action: "organization.delete", targetType: "organization", targetId: orgId,
    details: { name: org.name, by: authority },
  });
  return toOrganization(row!);
}

/** Whether the caller may read bank details (manager or platform admin): decides what GET shows. */
export async function canSeeBankDetails(tx: Tx, account: CurrentAccount | null, orgId: string): Promise<boolean> {
  if (!account || account.status !== "active" || account.deletedAt) return false;
  if (account.isAdmin) return true;
  const membership = await membershipOf(tx, orgId, account.id);
  return membership?.status === "active" && membership.role !== "member";
}
