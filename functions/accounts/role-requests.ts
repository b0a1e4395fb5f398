// A user's own role request (DOMAIN.md §3.2): student is approved at once; teacher, expert and
// sponsor wait for an admin, who is notified; a rejected role may be asked again only after the
// cool-down; a revoked role only an admin restores. `admin` never gets here (the contract refuses
// it and the database's role trigger refuses it again). The cool-down is the database's rule
// (trigger private.guard_role_request_cooldown): this module translates its refusal.
import { AppError, conflict } from "../_shared/errors.ts";
import type { Tx } from "../_shared/database.ts";
import type { RequestableRole, RoleEntry } from "../_shared/contracts/accounts.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { activeAdminIds, notify } from "../_shared/moderation/notifications.ts";
import { ROLE_COLUMNS, toRoleEntry, type UserRoleRow } from "./me.ts";

/** The trigger's refusal → the contract's code, with the date it names (its DETAIL). */
function cooldownRefusal(error: unknown): AppError | null {
  const pg = error as { code?: string; constraint_name?: string; message?: string; detail?: string };
  if (pg?.code !== "23514" || pg.constraint_name !== "user_roles_request_cooldown") return null;
  return conflict("role_request_cooldown", pg.message ?? "Cannot request this role again yet", { requestableAgainAt: pg.detail });
}

export async function requestRole(tx: Tx, account: CurrentAccount, role: RequestableRole): Promise<RoleEntry> {
  if ((role as string) === "admin") throw new AppError(403, "forbidden", "The admin role cannot be requested");
  const [existing] = await tx<{ status: string; decided_at: Date | null }[]>`
    select status, decided_at from public.user_roles where user_id = ${account.id} and role = ${role} for update`;
  let row: UserRoleRow | undefined;
  if (!existing) {
    [row] = await tx<UserRoleRow[]>`
      insert into public.user_roles (user_id, role, status)
      values (${account.id}, ${role}, ${role === "student" ? "approved" : "pending"})
      returning ${tx.unsafe(ROLE_COLUMNS)}`;
  } else if (existing.status === "pending") {
    throw conflict("role_already_requested", `Cannot request the ${role} role: your request is already waiting for an admin`);
  } else if (existing.status === "approved") {
    throw conflict("role_already_requested", `Cannot request the ${role} role: you already hold it`);
  } else if (existing.status === "revoked") {
    throw conflict("role_revoked", `Cannot request the ${role} role: an admin revoked it, only an admin can restore it`);
  } else {
    try {
      [row] = await tx<UserRoleRow[]>`
        update public.user_roles set status = 'pending'
        where user_id = ${account.id} and role = ${role}
        returning ${tx.unsafe(ROLE_COLUMNS)}`;
    } catch (error) {
      throw cooldownRefusal(error) ?? error;
    }
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
