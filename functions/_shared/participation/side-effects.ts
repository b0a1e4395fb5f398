// Every transition writes its notification rows and outbox e-mails in its own transaction
// (DOMAIN.md §5). Notifications go through private.notify (data-model); e-mails through
// private.enqueue_email (email branch), which the outbox dispatcher delivers to Resend.
import type { Tx } from "../database.ts";

export type NotificationKind =
  | "event_invitation" | "invitation_answered" | "join_request" | "participation_decided" | "participant_left"
  | "participant_removed" | "role_changed" | "payment_proof_uploaded" | "payment_decided" | "walk_in_registered"
  | "attendance_recorded";

export type EmailTemplate = "event_invitation" | "participation_decision" | "participant_removed" | "role_updated"
  | "event_request_received";

export interface NotificationInput {
  recipientId: string;
  kind: NotificationKind;
  content: string;
  eventId: string;
  actorId: string | null;
  data?: Record<string, string | number | boolean | null>;
}

export async function notify(tx: Tx, input: NotificationInput): Promise<void> {
  // Keys are stored in snake_case (private.notify converts them): data.event_id for every notification.
  const data = { event_id: input.eventId, ...(input.data ?? {}) };
  await tx`
    select private.notify(
      ${input.recipientId}::uuid, ${input.kind}::public.notification_kind, ${input.content},
      ${`/events/${input.eventId}`}, ${tx.json(data)}::jsonb, ${input.actorId}::uuid)`;
}

export interface EmailInput {
  recipientId: string;
  template: EmailTemplate;
  data: Record<string, string | undefined>;
  /** Unique per cause: the dispatcher sends each key once. */
  dedupeKey: string;
}

/** Writes an outbox row. Skipped only while the outbox migration is not part of the schema. */
export async function enqueueEmail(tx: Tx, input: EmailInput): Promise<void> {
  const [present] = await tx<{ ok: boolean }[]>`
    select to_regprocedure('private.enqueue_email(uuid,text,jsonb,text)') is not null as ok`;
  if (!present?.ok) return;
  const data = Object.fromEntries(Object.entries(input.data).filter(([, value]) => value !== undefined)) as Record<string, string>;
  await tx`select private.enqueue_email(${input.recipientId}::uuid, ${input.template}, ${tx.json(data)}::jsonb, ${input.dedupeKey})`;
}

/** The recipient's public name for e-mail greetings (never their e-mail address). */
export async function profileName(tx: Tx, userId: string): Promise<string | undefined> {
  const [row] = await tx<{ full_name: string | null }[]>`select full_name from public.profiles where user_id = ${userId}`;
  return row?.full_name ?? undefined;
}
