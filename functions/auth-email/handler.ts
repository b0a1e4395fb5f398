// Send Email Hook: Supabase Auth calls this for every Auth e-mail. We verify the Standard Webhooks
// signature (npm `standardwebhooks`, not hand-rolled crypto), refuse replays, render our template
// and send it through Resend with the webhook id as idempotency key.
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { SendEmailHookPayload } from "../_shared/contracts/email.ts";
import { connect, type Sql } from "../_shared/database.ts";
import { emailConfigFromEnv } from "../_shared/email/email-config.ts";
import { createResendMailer, type Mailer, type SendResult } from "../_shared/email/mailer.ts";
import { readEnv, requireEnv } from "../_shared/env.ts";
import { type AuthMessage, buildAuthMessages } from "./auth-messages.ts";
import { hookError, hookOk } from "./hook-response.ts";
import { createWebhookReceipts, type WebhookReceipts } from "./webhook-receipts.ts";

export interface AuthEmailDeps {
  /** `v1,whsec_…` as in config.toml; several may be joined by `|` (key rotation). */
  hookSecrets: string;
  receipts: WebhookReceipts;
  mailer: Mailer;
  siteUrl: string;
  otpExpiryMinutes: number;
}

const MAX_PAYLOAD_BYTES = 200_000;

function webhooksFor(secrets: string): Webhook[] {
  return secrets.split("|").map((secret) => secret.trim()).filter(Boolean).map((secret) => new Webhook(secret.replace(/^v1,/, "")));
}

/** Auth joins several signatures with ", "; the library splits on spaces only. */
function normalizeSignatureHeader(value: string): string {
  return value.split(/\s+/).map((part) => part.replace(/,$/, "")).filter(Boolean).join(" ");
}

function verify(webhooks: Webhook[], body: string, req: Request): { ok: true; webhookId: string } | { ok: false; reason: string } {
  const headers = {
    "webhook-id": req.headers.get("webhook-id") ?? "",
    "webhook-timestamp": req.headers.get("webhook-timestamp") ?? "",
    "webhook-signature": normalizeSignatureHeader(req.headers.get("webhook-signature") ?? ""),
  };
  let reason = "No matching signature found";
  for (const webhook of webhooks) {
    try {
      webhook.verify(body, headers);
      return { ok: true, webhookId: headers["webhook-id"] };
    } catch (error) {
      reason = error instanceof WebhookVerificationError ? error.message : "Signature check failed";
      if (reason !== "No matching signature found") break; // missing headers or bad timestamp: same for every secret
    }
  }
  return { ok: false, reason };
}

function retryableFailure(result: Exclude<SendResult, { ok: true }>): boolean {
  return result.status === null || result.status === 429 || result.status >= 500 || result.name === "concurrent_idempotent_requests";
}

export function createHandler(deps: AuthEmailDeps): (req: Request) => Promise<Response> {
  const webhooks = webhooksFor(deps.hookSecrets);
  if (webhooks.length === 0) throw new Error('Missing environment variable "SEND_EMAIL_HOOK_SECRET"');
  return async function handle(req) {
    if (req.method !== "POST") return hookError(405, `Method ${req.method} is not allowed: Auth sends POST`);
    const declared = Number(req.headers.get("content-length") ?? "0");
    if (declared > MAX_PAYLOAD_BYTES) return hookError(413, `The hook payload is larger than ${MAX_PAYLOAD_BYTES} bytes`);
    const body = await req.text();
    if (body.length > MAX_PAYLOAD_BYTES) return hookError(413, `The hook payload is larger than ${MAX_PAYLOAD_BYTES} bytes`);

    const verdict = verify(webhooks, body, req);
    if (!verdict.ok) return hookError(401, `Invalid webhook: ${verdict.reason}`);
    const { webhookId } = verdict;
    if (webhookId.length > 256) return hookError(401, "Invalid webhook: the webhook id is longer than 256 characters");

    let payload: SendEmailHookPayload;
    try {
      payload = SendEmailHookPayload.parse(JSON.parse(body));
    } catch {
      return hookError(400, "Cannot send the e-mail: the hook payload is not a valid Send Email Hook payload");
    }
    let messages: AuthMessage[];
    try {
      messages = buildAuthMessages(payload, { siteUrl: deps.siteUrl, otpExpiryMinutes: deps.otpExpiryMinutes });
    } catch (error) {
      console.error(`auth-email: cannot render ${payload.email_data.email_action_type}: ${error instanceof Error ? error.message : error}`);
      return hookError(500, "Cannot send the e-mail: its template could not be rendered");
    }

    try {
      return await deliver(webhookId, payload, messages);
    } catch (error) {
      // Database or network trouble: Auth retries 503 with the same id, and the same key keeps
      // Resend from sending twice.
      console.error(`auth-email: delivery of webhook ${webhookId} failed: ${error instanceof Error ? error.message : error}`);
      return hookError(503, "The e-mail service is busy: try again in a moment", { "retry-after": "2" });
    }
  };

  async function deliver(webhookId: string, payload: SendEmailHookPayload, messages: AuthMessage[]): Promise<Response> {
    if (!(await deps.receipts.begin(webhookId))) return hookError(401, `Invalid webhook: id "${webhookId}" was already processed`);

    // One key for the whole delivery: a retry by Auth (same id) cannot send it twice.
    const outgoing = messages.map((message) => ({
      ...message,
      headers: { ...message.headers, "X-Entity-Ref-ID": message.part ? `${webhookId}:${message.part}` : webhookId },
    }));
    const result: SendResult = outgoing.length === 1
      ? await deps.mailer.send(outgoing[0]!, { idempotencyKey: webhookId })
      : await deps.mailer.sendBatch(outgoing, { idempotencyKey: webhookId }).then((batch) => {
        if (!batch.ok) return batch;
        const refused = batch.outcomes.find((outcome) => "error" in outcome);
        return refused && "error" in refused
          ? { ok: false as const, status: 422, name: "validation_error", message: refused.error, retryAfterSeconds: null }
          : { ok: true as const, ids: batch.outcomes.map((outcome) => ("id" in outcome ? outcome.id : "")) };
      });

    // The log names the template and subject only: the body holds the code and the link.
    const log = {
      userId: payload.user.id,
      entries: messages.map((message) => ({ to: message.to, template: message.template, subject: message.subject })),
    };
    if (result.ok) {
      await deps.receipts.finish(webhookId, "sent", log);
      return hookOk();
    }
    await deps.receipts.finish(webhookId, "failed", { ...log, error: `Resend answered ${result.status ?? "nothing"} ${result.name}: ${result.message}` });
    console.error(`auth-email: Resend refused ${payload.email_data.email_action_type} (webhook ${webhookId}): ${result.status} ${result.name}: ${result.message}`);
    if (retryableFailure(result)) {
      return hookError(503, "The e-mail service is busy: try again in a moment", {
        "retry-after": String(Math.max(1, Math.ceil(result.retryAfterSeconds ?? 2))),
      });
    }
    return hookError(500, "Cannot send the e-mail right now: contact support if this persists");
  }
}

function buildFromEnv(): (req: Request) => Promise<Response> {
  const config = emailConfigFromEnv();
  const hookSecrets = requireEnv("SEND_EMAIL_HOOK_SECRET");
  const sql: Sql = connect(requireEnv("SUPABASE_DB_URL"), { max: 4 });
  return createHandler({
    hookSecrets,
    receipts: createWebhookReceipts(sql),
    mailer: createResendMailer(config, { timeoutMs: 4_000 }),
    siteUrl: config.siteUrl,
    otpExpiryMinutes: Math.round(Number(readEnv("AUTH_EMAIL_OTP_EXPIRY_SECONDS") ?? "3600") / 60),
  });
}

/** Built at start: without its secrets the function refuses to start (a clear error, not a 500 later). */
export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return buildFromEnv();
}
