// Writes one row of the insert-only audit log (public.audit_logs) in the caller's transaction.
import type { Tx } from "../database.ts";

export interface AuditEntryInput {
  actorId: string | null;
  /** Dotted, lowercase, e.g. `user.suspend`, `role.approve.expert`, `organization.reject`. */
  action: string;
  targetType: "user" | "user_role" | "organization" | "organization_member" | "tag" | "skill" | "category" | "notification";
  targetId: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(tx: Tx, entry: AuditEntryInput): Promise<void> {
  await tx`
    insert into public.audit_logs (actor_id, action, target_type, target_id, details)
    values (${entry.actorId}, ${entry.action}, ${entry.targetType}, ${entry.targetId}, ${tx.json((entry.details ?? {}) as never)})`;
}
