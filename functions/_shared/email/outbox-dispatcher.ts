// Delivers the outbox: claims a batch (private.claim_email_batch), renders each row, sends the
// batch through Resend's batch API under the batch's key and records every row's outcome. Used by
// the `outbox-dispatch` edge function (hosted, on a schedule) and scripts/local/outbox-worker.ts.
//
// Exactly once: a batch keeps its rows and its key (`outbox-batch/<batch_key>`) until it is done;
// if a dispatcher dies after Resend accepted the batch, the lease runs out, the batch is claimed
// again and resent under the same key, and Resend answers from its idempotency store (24 h) instead
// of sending again. Each message also carries its row key as X-Entity-Ref-ID.
import type { Sql } from "../database.ts";
import type { Mailer, OutgoingEmail, SendFailure } from "./mailer.ts";
import { renderEmail } from "./render-email.ts";

export interface DispatcherOptions {
  siteUrl: string;
  batchSize: number;
  leaseSeconds: number;
  /** After this many counted attempts a row is parked as failed with its last error. */
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultDispatcherOptions: Omit<DispatcherOptions, "siteUrl"> = {
  batchSize: 100,
  leaseSeconds: 60,
  maxAttempts: 8,
  baseBackoffMs: 2_000,
  maxBackoffMs: 10 * 60_000,
};

export interface BatchReport {
  claimed: number;
  sent: number;
  failed: number;
  postponed: number;
  /** Resend asked us to slow down: wait this long before the next request. */
  pauseMs: number;
}

export interface Dispatcher {
  dispatchBatch(): Promise<BatchReport>;
  /** Batches until the outbox has nothing due or the budget is spent. */
  drain(options: { budgetMs: number; signal?: AbortSignal }): Promise<BatchReport & { batches: number }>;
}

interface ClaimedRow {
  id: string;
  recipient_email: string;
  template: string;
  data: unknown;
  idempotency_key: string;
  batch_key: string;
  attempts: number;
}

/** `subject` goes to communication_logs; bodies never do (they hold links). */
type RowResult =
  | { id: string; status: "sent"; provider_message_id: string; subject: string }
  | { id: string; status: "failed"; error: string; subject?: string };

export interface DispatcherLog {
  info(message: string): void;
  error(message: string): void;
}

const emptyReport = (): BatchReport => ({ claimed: 0, sent: 0, failed: 0, postponed: 0, pauseMs: 0 });

function backoffMs(attempts: number, options: DispatcherOptions, random: () => number): number {
  const exponential = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (1 + random() * 0.25));
}

/** What a failed send means for the batch. */
function classify(failure: SendFailure): "rate_limited" | "retry" | "paused" | "refused" | "payload_changed" {
  if (failure.status === 429) return "rate_limited";
  if (failure.status === null || failure.status >= 500 || failure.name === "concurrent_idempotent_requests") return "retry";
  if (failure.name === "invalid_idempotent_request") return "payload_changed";
  // A bad or missing API key is our configuration, not the rows' fault: stop and keep them.
  if (failure.status === 401 || failure.status === 403) return "paused";
  return "refused";
}

export function createOutboxDispatcher(deps: {
  sql: Sql;
  mailer: Mailer;
  options: DispatcherOptions;
  log?: DispatcherLog;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Waits for a send slot (a client-side rate limit shared by all loops of a worker). */
  beforeSend?: () => Promise<void>;
}): Dispatcher {
  const { sql, mailer, options } = deps;
  const log = deps.log ?? { info: () => {}, error: (message: string) => console.error(message) };
  const random = deps.random ?? Math.random;
  const sleep = deps.sleep ?? ((ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    }));

  async function record(batchKey: string, results: RowResult[]): Promise<void> {
    if (results.length === 0) return;
    await sql`select private.record_email_results(${batchKey}::uuid, ${JSON.stringify(results)}::text::jsonb)`;
  }

  async function postpone(batchKey: string, error: string, delayMs: number, countsAsAttempt: boolean): Promise<{ postponed: number; failed: number }> {
    const rows = await sql<Array<{ status: string }>>`
      select status from private.postpone_email_batch(
        ${batchKey}::uuid, ${error}, now() + ${delayMs} * interval '1 millisecond', ${options.maxAttempts}, ${countsAsAttempt})`;
    const failed = rows.filter((row) => row.status === "failed").length;
    return { postponed: rows.length - failed, failed };
  }

  async function dispatchBatch(): Promise<BatchReport> {
    const report = emptyReport();
    const claimed = await sql<ClaimedRow[]>`
      select id::text, recipient_email, template, data, idempotency_key, batch_key::text, attempts
      from private.claim_email_batch(${options.batchSize}, ${options.leaseSeconds} * interval '1 second')`;
    if (claimed.length === 0) return report;
    const rows = [...claimed].sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    const batchKey = rows[0]!.batch_key;
    report.claimed = rows.length;

    // Rendering is deterministic, so a resent batch is byte-identical to the first send.
    const unrenderable: RowResult[] = [];
    const sendable: Array<{ row: ClaimedRow; email: OutgoingEmail }> = [];
    for (const row of rows) {
      try {
        const rendered = renderEmail(row.template, row.data, { siteUrl: options.siteUrl, recipientEmail: row.recipient_email });
        sendable.push({
          row,
          email: {
            to: row.recipient_email,
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
            headers: { ...rendered.headers, "X-Entity-Ref-ID": row.idempotency_key },
          },
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
        unrenderable.push({ id: row.id, status: "failed", error: `Cannot render template "${row.template}": ${reason}` });
      }
    }
    // Parked before sending, so every later try of this batch sends the same rows.
    await record(batchKey, unrenderable);
    report.failed += unrenderable.length;
    if (sendable.length === 0) return report;

    await deps.beforeSend?.();
    const result = await mailer.sendBatch(sendable.map((item) => item.email), { idempotencyKey: `outbox-batch/${batchKey}` });
    if (result.ok) {
      const outcomes: RowResult[] = result.outcomes.map((outcome, index) => {
        const { row, email } = sendable[index]!;
        return "id" in outcome
          ? { id: row.id, status: "sent", provider_message_id: outcome.id, subject: email.subject }
          : { id: row.id, status: "failed", error: `Resend refused the e-mail: ${outcome.error}`.slice(0, 2000), subject: email.subject };
      });
      await record(batchKey, outcomes);
      report.sent += outcomes.filter((outcome) => outcome.status === "sent").length;
      report.failed += outcomes.filter((outcome) => outcome.status === "failed").length;
      log.info(`outbox: batch ${batchKey} sent ${report.sent}, failed ${report.failed}`);
      return report;
    }

    const error = `Resend answered ${result.status ?? "nothing"} ${result.name}: ${result.message}`;
    const attempts = Math.max(...sendable.map((item) => item.row.attempts));
    switch (classify(result)) {
      case "rate_limited": {
        const waitMs = Math.max(1_000, (result.retryAfterSeconds ?? 1) * 1_000);
        const { postponed, failed } = await postpone(batchKey, error, waitMs, false);
        Object.assign(report, { postponed, failed: report.failed + failed, pauseMs: waitMs });
        break;
      }
      case "retry": {
        const { postponed, failed } = await postpone(batchKey, error, backoffMs(attempts, options, random), true);
        Object.assign(report, { postponed, failed: report.failed + failed });
        break;
      }
      case "paused": {
        const { postponed, failed } = await postpone(batchKey, error, 30_000, false);
        Object.assign(report, { postponed, failed: report.failed + failed, pauseMs: 30_000 });
        log.error(`outbox: ${error}: check RESEND_API_KEY; pausing 30 s`);
        break;
      }
      case "payload_changed":
      case "refused": {
        // Never resent under a new key: that could send twice. An operator decides.
        const refused: RowResult[] = sendable.map((item) => ({ id: item.row.id, status: "failed", error, subject: item.email.subject }));
        await record(batchKey, refused);
        report.failed += refused.length;
        break;
      }
    }
    log.info(`outbox: batch ${batchKey} (${sendable.length} rows, attempt ${attempts}) not sent: ${error}`);
    return report;
  }

  return {
    dispatchBatch,
    async drain({ budgetMs, signal }) {
      const deadline = Date.now() + budgetMs;
      const total = { ...emptyReport(), batches: 0 };
      while (Date.now() < deadline && !signal?.aborted) {
        const report = await dispatchBatch();
        if (report.claimed === 0) break;
        total.batches++;
        total.claimed += report.claimed;
        total.sent += report.sent;
        total.failed += report.failed;
        total.postponed += report.postponed;
        if (report.pauseMs > 0) {
          total.pauseMs += report.pauseMs;
          if (Date.now() + report.pauseMs >= deadline) break;
          await sleep(report.pauseMs, signal);
        }
      }
      return total;
    },
  };
}
