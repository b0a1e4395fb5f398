// Replay protection beyond the signature: a webhook id that was already answered with a sent
// e-mail is refused. Ids whose delivery failed may come again, because Auth retries 429/503 with
// the same id (and Resend deduplicates by the same id as idempotency key). Each outcome is also
// logged in public.communication_logs with template and subject only (never codes or links).
import type { Sql } from "../_shared/database.ts";

export interface DeliveryLog {
  userId: string;
  entries: Array<{ to: string; template: string; subject: string }>;
  error?: string;
}

export interface WebhookReceipts {
  /** False when this id was already delivered successfully (a replay). */
  begin(webhookId: string): Promise<boolean>;
  finish(webhookId: string, status: "sent" | "failed", log: DeliveryLog): Promise<void>;
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
    async finish(webhookId, status, log) {
      await sql.begin(async (tx) => {
        await tx`
          update private.auth_email_webhook_receipts
          set status = ${status}, completed_at = case when ${status} = 'sent' then now() end
          where webhook_id = ${webhookId}`;
        await tx`
          insert into public.communication_logs (type, status, recipient_id, recipient_email, template_name, subject, attempts, last_error, sent_at)
          select 'email', ${status}::public.communication_status,
                 (select u.id from public.users as u where u.id = ${log.userId}::uuid),
                 e ->> 'to', e ->> 'template', left(e ->> 'subject', 200), 1,
                 ${log.error ?? null}, case when ${status} = 'sent' then now() end
          from jsonb_array_elements(${JSON.stringify(log.entries)}::text::jsonb) as e`;
      });
    },
  };
}
