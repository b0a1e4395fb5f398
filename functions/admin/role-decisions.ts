// Role decisions by an admin (DOMAIN.md §3.2): approve or reject a pending request, revoke an
// approved role, or grant one directly (the only way to make an admin). The user is notified and
// e-mailed; every decision is audited. The database's role trigger checks the transition and
// that an admin decides, never on their own account.
import type { Tx } from "../_shared/database.ts";
import { AppError, badRequest, forbidden, notFound } from "../_shared/errors.ts";
import type { RoleDecisionInput, RoleDecisionParams, RoleDecisionResult } from "../_shared/contracts/admin.ts";
import { writeAudit } from "../_shared/moderation/audit-log.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { enqueueEmail } from "../_shared/moderation/email-outbox.ts";
import { notify } from "../_shared/moderation/notifications.ts";
import { iso } from "../_shared/moderation/request-input.ts";

interface RoleRow {
  role: RoleDecisionResult["role"];
  status: RoleDecisionResult["status"];
  decided_at: Date | null;
  decision_reason: string | null;
}

const nextStatus = { approve: "approved", reject: "rejected", revoke: "revoked", grant: "approved" } as const;
const wording = { approve: "approved", reject: "rejected", revoke: "revoked", grant: "granted" } as const;

export async function decideRole(
  tx: Tx,
  admin: CurrentAccount,
  params: RoleDecisionParams,
  input: RoleDecisionInput,
): Promise<RoleDecisionResult> {
  const { userId, role, action } = params;
  if (userId === admin.id) throw forbidden("Cannot decide a role on your own account");
  if (action === "reject" && !input.reason) throw badRequest("A rejection needs a reason", [{ path: "reason", message: "Required" }]);
  const [target] = await tx<{ status: string; deleted_at: Date | null; full_name: string | null }[]>`
    select u.status, u.deleted_at, p.full_name from public.users u left join public.profiles p on p.user_id = u.id
    where u.id = ${userId} for update of u`;
  if (!target) throw notFound(`No user with id "${userId}"`);
  const [current] = await tx<{ status: string }[]>`
    select status from public.user_roles where user_id = ${userId} and role = ${role} for update`;
  const reason = input.reason ?? null;
  let row: RoleRow | undefined;
  if (action === "grant") {
    if (target.status !== "active" || target.deleted_at) {
      throw new AppError(409, "target_not_active", `Cannot grant the ${role} role: the account is ${target.deleted_at ? "deleted" : target.status}`);
    }
    if (current?.status === "approved") throw new AppError(409, "role_already_held", `Cannot grant the ${role} role: the user already holds it`);
    if (current?.status === "revoked") {
      // revoked is terminal for the row (§3.2); a fresh grant starts a new row, the audit log keeps the history.
      await tx`delete from public.user_roles where user_id = ${userId} and role = ${role}`;
    } else if (current?.status === "rejected") {
      await tx`update public.user_roles set status = 'pending' where user_id = ${userId} and role = ${role}`;
    }
    if (current && current.status !== "revoked") {
      [row] = await tx<RoleRow[]>`
        update public.user_roles set status = 'approved', decision_reason = ${reason}, decided_by = ${admin.id}
        where user_id = ${userId} and role = ${role}
        returning role, status, decided_at, decision_reason`;
    } else {
      [row] = await tx<RoleRow[]>`
        insert into public.user_roles (user_id, role, status, decision_reason, decided_by)
        values (${userId}, ${role}, 'approved', ${reason}, ${admin.id})
        returning role, status, decided_at, decision_reason`;
    }
  } else {
    if (!current) throw notFound(`The user has no ${role} role or request`);
    const from = action === "revoke" ? "approved" : "pending";
    if (current.status !== from) {
      throw new AppError(409, "user_roles_status_transition",
        `Cannot ${action} the ${role} role: it is ${current.status}, not ${from}`);
    }
    [row] = await tx<RoleRow[]>`
      update public.user_roles set status = ${nextStatus[action]}, decision_reason = ${reason}, decided_by = ${admin.id}
      where user_id = ${userId} and role = ${role}
      returning role, status, decided_at, decision_reason`;
  }
  if (!row) throw new Error("role row missing after decision");

  const verb = wording[action];
  await notify(tx, {
    recipientId: userId,
    kind: "role_decided",
    content: `Your ${role} role was ${verb}${reason ? `: ${reason}` : ""}`,
    linkUrl: "/profile",
    data: { role, status: row.status, action, ...(reason ? { reason } : {}) },
    actorId: admin.id,
  });
  await enqueueEmail(tx, {
    recipientId: userId,
    template: "role_decision",
    data: {
      ...(target.full_name ? { recipientName: target.full_name } : {}),
      role,
      // The template words a grant as an approval; "revoked" needs the e-mail branch's RoleDecision enum.
      decision: action === "grant" ? "approved" : verb,
      ...(reason ? { reason } : {}),
    },
    dedupeKey: `role_decision:${userId}:${role}:${row.status}:${iso(row.decided_at)}`,
  });
  await writeAudit(tx, {
    actorId: admin.id,
    action: `role.${action}.${role}`,
    targetType: "user_role",
    targetId: userId,
    details: { role, status: row.status, ...(reason ? { reason } : {}) },
  });
  return { userId, role: row.role, status: row.status, decidedAt: iso(row.decided_at), decisionReason: row.decision_reason };
}
