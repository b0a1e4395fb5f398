// Replay protection beyond the signature: a webhook id that was already answered with a sent
// e-mail is refused. Ids whose delivery failed may come again, because Auth retries 429/503 with
// the same id (and Resend deduplicates by the same id as idempotency key).
import type { Sql } from "../_shared/database.ts";

export interface WebhookReceipts {
  /** False when this id was already delivered successfully (a replay). */
  begin(webhookId: string): Promise<boolean>;
  finish(webhookId: string, status: "sent" | "failed"): Promise<void>;
}

export function createWebhookReceipts(sql: Sql): WebhookReceipts {
  return {
    async begin(webhookId) {
      const rows = await sql`
        insert into private.auth_email_webhook_receipts as r (webhook_id)
        values (${webhookId})
        on conflict (webhook_id) do update
          set deliveries = r.deliveries + 1, last_seen_at = now(), status = 'processing'
          where r.status <> 'sent'
        returning r.webhook_id`;
      return rows.length === 1;
    },
    async finish(webhookId, status) {
      await sql`
        update private.auth_email_webhook_receipts
        set status = ${status}, completed_at = case when ${status} = 'sent' then now() end
        where webhook_id = ${webhookId}`;
    },
  };
}
