// Suspension and reactivation by an admin (DOMAIN.md §3.1, rule 7.2). Suspension: reason
// required, never one's own account; the account stops writing at once (policies and functions
// read the current status), its auth sessions are deleted, its published future events go back
// to draft with participants told (§8 #3), it disappears from discovery (profile visibility
// helpers require active), the user is e-mailed, and it is audited. Reactivation reverses the
// status (events stay draft: the organizer republishes them) and also restores a deleted account.
import type { Tx } from "../_shared/database.ts";
import { AppError, forbidden, notFound } from "../_shared/errors.ts";
import type { AccountStatusResult, ReactivateUserInput, SuspendUserInput } from "../_shared/contracts/admin.ts";
import { writeAudit } from "../_shared/moderation/audit-log.ts";
import { deleteAuthSessions } from "../_shared/moderation/auth-sessions.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { enqueueEmail } from "../_shared/moderation/email-outbox.ts";
import { returnFutureEventsToDraft } from "../_shared/moderation/organizer-events.ts";

interface Target {
  status: AccountStatusResult["status"];
  deleted_at: Date | null;
  full_name: string | null;
}

async function lockTarget(tx: Tx, userId: string): Promise<Target> {
  const [target] = await tx<Target[]>`
    select u.status, u.deleted_at, p.full_name from public.users u left join public.profiles p on p.user_id = u.id
    where u.id = ${userId} for update of u`;
  if (!target) throw notFound(`No user with id "${userId}"`);
  return target;
}

export type StatusChange = Omit<AccountStatusResult, "sessions"> & { deletedSessions: number };

export async function suspendUser(tx: Tx, admin: CurrentAccount, userId: string, input: SuspendUserInput): Promise<StatusChange> {
  if (userId === admin.id) throw forbidden("Cannot suspend your own account");
  const target = await lockTarget(tx, userId);
  if (target.status !== "active" || target.deleted_at) {
    throw new AppError(409, "users_status_transition", `Cannot suspend this account: it is ${target.deleted_at ? "deleted" : target.status}`);
  }
  await tx`update public.users set status = 'suspended', suspended_reason = ${input.reason} where id = ${userId}`;
  const eventsReturnedToDraft = await returnFutureEventsToDraft(tx, userId, admin.id);
  const deletedSessions = await deleteAuthSessions(tx, userId);
  await enqueueEmail(tx, {
    recipientId: userId,
    template: "account_suspended",
    data: { ...(target.full_name ? { recipientName: target.full_name } : {}), reason: input.reason },
    dedupeKey: `account_suspended:${userId}:${Date.now()}`,
  });
  await writeAudit(tx, {
    actorId: admin.id,
    action: "user.suspend",
    targetType: "user",
    targetId: userId,
    details: { reason: input.reason, eventsReturnedToDraft, deletedSessions },
  });
  return { userId, status: "suspended", suspendedReason: input.reason, eventsReturnedToDraft, deletedSessions };
}

export async function reactivateUser(tx: Tx, admin: CurrentAccount, userId: string, input: ReactivateUserInput): Promise<StatusChange> {
  if (userId === admin.id) throw forbidden("Cannot reactivate your own account");
  const target = await lockTarget(tx, userId);
  if (target.status === "active" && !target.deleted_at) {
    throw new AppError(409, "users_status_transition", "Cannot reactivate this account: it is already active");
  }
  if (target.status === "inactive" && !target.deleted_at) {
    throw new AppError(409, "users_status_transition", "Cannot reactivate this account: it has not confirmed its e-mail address yet");
  }
  await tx`update public.users set status = 'active', suspended_reason = null, deleted_at = null where id = ${userId}`;
  await enqueueEmail(tx, {
    recipientId: userId,
    template: "account_reactivated",
    data: target.full_name ? { recipientName: target.full_name } : {},
    dedupeKey: `account_reactivated:${userId}:${Date.now()}`,
  });
  await writeAudit(tx, {
    actorId: admin.id,
    action: target.deleted_at ? "user.restore" : "user.reactivate",
    targetType: "user",
    targetId: userId,
    details: { previousStatus: target.status, wasDeleted: target.deleted_at !== null, ...(input.note ? { note: input.note } : {}) },
  });
  return { userId, status: "active", suspendedReason: null, eventsReturnedToDraft: [], deletedSessions: 0 };
}
