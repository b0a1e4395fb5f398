// In-app notifications through private.notify (the data model's single writer of notifications).
import type { Tx } from "../database.ts";

export type NotificationKind =
  | "welcome" | "role_requested" | "role_decided" | "org_decided" | "org_membership" | "org_submitted"
  | "event_changed" | "event_cancelled" | "admin_broadcast";

export interface NotificationInput {
  recipientId: string;
  kind: NotificationKind;
  content: string;
  linkUrl?: string | null;
  data?: Record<string, unknown>;
  actorId?: string | null;
}

export async function notify(tx: Tx, input: NotificationInput): Promise<void> {
  await tx`
    select private.notify(${input.recipientId}::uuid, ${input.kind}::public.notification_kind, ${input.content},
      ${input.linkUrl ?? null}, ${tx.json((input.data ?? {}) as never)}, ${input.actorId ?? null}::uuid)`;
}

/** Every active, undeleted platform admin (optionally except one, e.g. the actor). */
export async function activeAdminIds(tx: Tx, except: string | null = null): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    select u.id from public.users u
    join public.user_roles r on r.user_id = u.id and r.role = 'admin' and r.status = 'approved'
    where u.status = 'active' and u.deleted_at is null and u.id is distinct from ${except}::uuid`;
  return rows.map((row) => row.id);
}
