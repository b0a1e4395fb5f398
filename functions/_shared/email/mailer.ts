// Sending through the Resend SDK. On hosted projects it talks to api.resend.com; locally
// RESEND_BASE_URL points it at the mail catcher. Results are reduced to what senders act on.
import { Resend } from "resend";
import type { EmailConfig } from "./email-config.ts";

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export type SendFailure = {
  ok: false;
  /** HTTP status from Resend, or null when no answer came (network, timeout). */
  status: number | null;
  name: string;
  message: string;
  retryAfterSeconds: number | null;
};

export type SendResult = { ok: true; ids: string[] } | SendFailure;

export interface BatchResult {
  ok: true;
  /** Per input index: the provider's id, or the reason Resend refused that e-mail. */
  outcomes: Array<{ id: string } | { error: string }>;
}

export interface Mailer {
  send(email: OutgoingEmail, options: { idempotencyKey: string }): Promise<SendResult>;
  /** Permissive batch: valid e-mails are sent, invalid ones are reported per index. */
  sendBatch(emails: OutgoingEmail[], options: { idempotencyKey: string }): Promise<BatchResult | SendFailure>;
}

interface ResendError {
  statusCode?: number | null;
  name?: string;
  message?: string;
}

function failure(error: ResendError, headers: Record<string, string> | null): SendFailure {
  const retryAfter = Number(headers?.["retry-after"]);
  return {
    ok: false,
    status: typeof error.statusCode === "number" ? error.statusCode : null,
    name: error.name ?? "application_error",
    message: error.message ?? "Unknown error from the e-mail provider",
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
  };
}

export function createResendMailer(config: EmailConfig, options: { timeoutMs?: number } = {}): Mailer {
  if (!config.resendApiKey) throw new Error('Missing environment variable "RESEND_API_KEY"');
  const resend = new Resend(config.resendApiKey, config.resendBaseUrl ? { baseUrl: config.resendBaseUrl } : {});
  const timeoutMs = options.timeoutMs ?? 30_000;
  const toApi = (email: OutgoingEmail) => ({
    from: config.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
  });
  return {
    async send(email, { idempotencyKey }) {
      // The SDK passes extra request options to fetch; the timeout keeps a send inside its lease.
      const { data, error, headers } = await resend.emails.send(toApi(email), {
        idempotencyKey,
        signal: AbortSignal.timeout(timeoutMs),
      } as { idempotencyKey: string });
      if (error || !data) return failure(error ?? {}, headers);
      return { ok: true, ids: [data.id] };
    },
    async sendBatch(emails, { idempotencyKey }) {
      const { data, error, headers } = await resend.batch.send(emails.map(toApi), {
        idempotencyKey,
        batchValidation: "permissive",
        signal: AbortSignal.timeout(timeoutMs),
      } as { idempotencyKey: string; batchValidation: "permissive" });
      if (error || !data) return failure(error ?? {}, headers);
      const refused = new Map<number, string>();
      for (const item of (data as { errors?: Array<{ index: number; message: string }> }).errors ?? []) refused.set(item.index, item.message);
      const ids = [...data.data];
      const outcomes = emails.map((_, index) => {
        const reason = refused.get(index);
        if (reason !== undefined) return { error: reason };
        const sent = ids.shift();
        return sent ? { id: sent.id } : { error: "The provider returned no id for this e-mail" };
      });
      return { ok: true, outcomes };
    },
  };
}
