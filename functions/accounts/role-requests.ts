// A user's own role request (DOMAIN.md §3.2): student is approved at once; teacher, expert and
// sponsor wait for an admin, who is notified; a rejected role may be asked again only after the
// cool-down; a revoked role only an admin restores. `admin` never gets here (the contract refuses
// it and the database's role trigger refuses it again).
import { AppError, conflict } from "../_shared/errors.ts";
import type { Tx } from "../_shared/database.ts";
import { ROLE_REQUEST_COOLDOWN_DAYS, type RequestableRole, type RoleEntry } from "../_shared/contracts/accounts.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { activeAdminIds, notify } from "../_shared/moderation/notifications.ts";
import { toRoleEntry, type UserRoleRow } from "./me.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function requestRole(tx: Tx, account: CurrentAccount, role: RequestableRole): Promise<RoleEntry> {
  if ((role as string) === "admin") throw new AppError(403, "forbidden", "The admin role cannot be requested");
  const [existing] = await tx<{ status: string; decided_at: Date | null }[]>`
    select status, decided_at from public.user_roles where user_id = ${account.id} and role = ${role} for update`;
  const [clock] = await tx<{ now: Date }[]>`select now() as now`;
  const now = clock?.now ?? new Date();
  let row: UserRoleRow | undefined;
  if (!existing) {
    [row] = await tx<UserRoleRow[]>`
      insert into public.user_roles (user_id, role, status)
      values (${account.id}, ${role}, ${role === "student" ? "approved" : "pending"})
      returning role, status, requested_at, decided_at, decision_reason`;
  } else if (existing.status === "pending") {
    throw conflict("role_already_requested", `Cannot request the ${role} role: your request is already waiting for an admin`);
  } else if (existing.status === "approved") {
    throw conflict("role_already_requested", `Cannot request the ${role} role: you already hold it`);
  } else if (existing.status === "revoked") {
    throw conflict("role_revoked", `Cannot request the ${role} role: an admin revoked it, only an admin can restore it`);
  } else {
    const againAt = new Date((existing.decided_at ?? now).getTime() + ROLE_REQUEST_COOLDOWN_DAYS * DAY_MS);
    if (now < againAt) {
      throw conflict(
        "role_request_cooldown",
        `Cannot request the ${role} role again before ${againAt.toISOString()}: it was rejected less than ${ROLE_REQUEST_COOLDOWN_DAYS} days ago`,
        { requestableAgainAt: againAt.toISOString() },
      );
    }
    [row] = await tx<UserRoleRow[]>`
      update public.user_roles set status = 'pending'
      where user_id = ${account.id} and role = ${role}
      returning role, status, requested_at, decided_at, decision_reason`;
  }
  if (!row) throw new Error("role row missing after write");
  if (row.status === "pending") {
    for (const adminId of await activeAdminIds(tx, account.id)) {
      await notify(tx, {
        recipientId: adminId,
        kind: "role_requested",
        content: `${account.email ?? "A user"} asks to be verified as ${role}`,
        linkUrl: "/admin/role-requests",
        data: { userId: account.id, role },
        actorId: account.id,
      });
    }
  }
  return toRoleEntry(row);
}
