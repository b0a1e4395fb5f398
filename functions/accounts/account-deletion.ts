// A user deletes their own account (DOMAIN.md §3.1): soft (inactive + deleted_at), the profile is
// hidden, their future events are cancelled with participants told (§8 #3), memberships end,
// sessions are deleted. An organization owner must hand the organization over first.
import type { Tx } from "../_shared/database.ts";
import { conflict } from "../_shared/errors.ts";
import type { AccountDeleted, DeleteAccountInput } from "../_shared/contracts/accounts.ts";
import { writeAudit } from "../_shared/moderation/audit-log.ts";
import { deleteAuthSessions } from "../_shared/moderation/auth-sessions.ts";
import type { CurrentAccount } from "../_shared/moderation/current-account.ts";
import { cancelFutureEvents } from "../_shared/moderation/organizer-events.ts";

export async function deleteOwnAccount(tx: Tx, account: CurrentAccount, input: DeleteAccountInput): Promise<AccountDeleted> {
  const owned = await tx<{ id: string; name: string }[]>`
    select id, name from public.organizations where owner_id = ${account.id} and deleted_at is null order by name`;
  if (owned.length > 0) {
    throw conflict(
      "organization_owner_must_transfer",
      `Cannot delete your account: you own ${owned.map((org) => `"${org.name}"`).join(", ")}; transfer or delete it first`,
      { organizationIds: owned.map((org) => org.id) },
    );
  }
  const [user] = await tx<{ deleted_at: Date }[]>`
    update public.users set status = 'inactive', deleted_at = now()
    where id = ${account.id} returning deleted_at`;
  await tx`update public.profiles set visibility = 'private' where user_id = ${account.id}`;
  await tx`delete from public.organization_members where user_id = ${account.id} and role <> 'owner'`;
  const cancelledEventIds = await cancelFutureEvents(tx, account.id, "The organizer deleted their account");
  const sessionsRevoked = await deleteAuthSessions(tx, account.id);
  await writeAudit(tx, {
    actorId: account.id,
    action: "user.delete_self",
    targetType: "user",
    targetId: account.id,
    details: { cancelledEventIds, sessionsRevoked, ...(input.reason ? { reason: input.reason } : {}) },
  });
  return { userId: account.id, deletedAt: user!.deleted_at.toISOString(), cancelledEventIds, sessionsRevoked };
}
