// Reading the audit log, newest first (keyset pagination). Admins only; nobody edits it.
import type { Tx } from "../_shared/database.ts";
import type { AuditEntry, AuditLogQuery } from "../_shared/contracts/admin.ts";
import { cursorInstant, cursorMicroseconds, decodeCursor, encodeCursor } from "../_shared/moderation/request-input.ts";
import type { Page } from "./queues.ts";

export async function readAuditLog(tx: Tx, query: AuditLogQuery): Promise<Page<AuditEntry>> {
  const before = decodeCursor(query.cursor);
  const actionPrefix = query.action ? `${query.action.replace(/_/g, "\\_")}%` : null;
  const rows = await tx<{ id: string; actor_id: string | null; action: string; target_type: string; target_id: string | null; details: Record<string, unknown>; created_at: Date; cursor_us: string }[]>`
    select id, actor_id, action, target_type, target_id, details, created_at, ${cursorMicroseconds(tx, "created_at")} as cursor_us
    from public.audit_logs
    where (${actionPrefix}::text is null or action like ${actionPrefix}::text)
      and (${query.actorId ?? null}::uuid is null or actor_id = ${query.actorId ?? null}::uuid)
      and (${query.targetId ?? null}::uuid is null or target_id = ${query.targetId ?? null}::uuid)
      ${before ? tx`and (created_at, id) < (${cursorInstant(tx, before.microseconds)}, ${before.id}::uuid)` : tx``}
    order by created_at desc, id desc
    limit ${query.limit + 1}`;
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({
      id: row.id, actorId: row.actor_id, action: row.action, targetType: row.target_type, targetId: row.target_id,
      details: row.details, createdAt: row.created_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursor_us, last.id) : null,
  };
}
