// Product e-mails go to the outbox in the same transaction as their cause (DOMAIN.md §5.2);
// the e-mail branch owns private.enqueue_email and the dispatcher that sends to Resend.
import type { Tx } from "../database.ts";

export type OutboxTemplate = "role_decision" | "account_suspended" | "account_reactivated" | "event_cancelled" | "event_changed";

export interface OutboxEmail {
  recipientId: string;
  template: OutboxTemplate;
  data: Record<string, unknown>;
  /** Same key twice = one e-mail (retries of the same request). */
  dedupeKey: string;
}

/** Enqueues an e-mail; returns false when the outbox is not installed in this database. */
export async function enqueueEmail(tx: Tx, email: OutboxEmail): Promise<boolean> {
  const [present] = await tx<{ ok: boolean }[]>`
    select to_regprocedure('private.enqueue_email(uuid, text, jsonb, text)') is not null as ok`;
  if (!present?.ok) return false;
  await tx`select private.enqueue_email(${email.recipientId}::uuid, ${email.template}, ${tx.json(email.data as never)}, ${email.dedupeKey})`;
  return true;
}
