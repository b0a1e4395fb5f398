// The caller's own account as GET /accounts/me shows it, read from the current rows.
import type { Tx } from "../_shared/database.ts";
import { notFound } from "../_shared/errors.ts";
import type { AppRole, Me, RoleEntry } from "../_shared/contracts/accounts.ts";
import { iso } from "../_shared/moderation/request-input.ts";

export interface UserRoleRow {
  role: AppRole;
  status: RoleEntry["status"];
  requested_at: Date;
  decided_at: Date | null;
  decision_reason: string | null;
  /** From the database's own cool-down rule (private.role_requestable_at); null unless rejected. */
  requestable_again_at: Date | null;
}

/** The columns of a user_roles row as toRoleEntry reads them. */
export const ROLE_COLUMNS = "role, status, requested_at, decided_at, decision_reason, " +
  "case when status = 'rejected' and decided_at is not null then private.role_requestable_at(decided_at) end as requestable_again_at";

export function toRoleEntry(row: UserRoleRow): RoleEntry {
  return {
    role: row.role,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    decidedAt: iso(row.decided_at),
    decisionReason: row.decision_reason,
    requestableAgainAt: iso(row.requestable_again_at),
  };
}

export async function readMe(tx: Tx, userId: string): Promise<Me> {
  const [user] = await tx<{
    id: string; email: string | null; status: Me["user"]["status"]; is_verified: boolean; deleted_at: Date | null; created_at: Date;
  }[]>`select id, email::text as email, status, is_verified, deleted_at, created_at from public.users where id = ${userId}`;
  if (!user) throw notFound("Your account has no profile yet: finish signing up first");
  const roles = await tx<UserRoleRow[]>`
    select ${tx.unsafe(ROLE_COLUMNS)} from public.user_roles
    where user_id = ${userId} order by requested_at`;
  const [profile] = await tx<{ full_name: string; is_onboarded: boolean; visibility: "public" | "private" }[]>`
    select full_name, is_onboarded, visibility from public.profiles where user_id = ${userId}`;
  const [onboarding] = await tx<{ status: NonNullable<Me["onboarding"]>["status"] }[]>`
    select status from public.user_onboardings where user_id = ${userId}`;
  return {
    user: {
      id: user.id,
      email: user.email,
      status: user.status,
      isVerified: user.is_verified,
      deletedAt: iso(user.deleted_at),
      createdAt: user.created_at.toISOString(),
    },
    roles: roles.map(toRoleEntry),
    effectiveRoles: roles.filter((role) => role.status === "approved").map((role) => role.role),
    profile: profile ? { fullName: profile.full_name, isOnboarded: profile.is_onboarded, visibility: profile.visibility } : null,
    onboarding: onboarding ? { status: onboarding.status } : null,
  };
}
