// The local outbox worker: runs the same dispatcher as the `outbox-dispatch` edge function, but
// continuously (npm start runs it). Wakes on NOTIFY email_outbox (sent by private.enqueue_email on
// commit) and polls as a fallback; after a 429 every loop waits for Resend's retry-after.
//   deno run -A --config deno.json scripts/local/outbox-worker.ts
//   env: SUPABASE_DB_URL, RESEND_BASE_URL, RESEND_API_KEY, SITE_URL, EMAIL_FROM,
//        OUTBOX_CONCURRENCY (2), OUTBOX_BATCH_SIZE (100), OUTBOX_LEASE_SECONDS (60),
//        OUTBOX_MAX_ATTEMPTS (8), OUTBOX_BASE_BACKOFF_MS (2000), OUTBOX_POLL_MS (1000),
//        OUTBOX_REQUESTS_PER_SECOND (0 = unpaced; Resend's default limit is 2)
import { connect } from "../../functions/_shared/database.ts";
import { emailConfigFromEnv } from "../../functions/_shared/email/email-config.ts";
import { createResendMailer } from "../../functions/_shared/email/mailer.ts";
import { createOutboxDispatcher, defaultDispatcherOptions } from "../../functions/_shared/email/outbox-dispatcher.ts";
import { requireEnv } from "../../functions/_shared/env.ts";

function numberFromEnv(name: string, fallback: number): number {
  const raw = Deno.env.get(name);
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`outbox worker: ${name}="${raw}" is not a non-negative number`);
    Deno.exit(2);
  }
  return value;
}

const config = emailConfigFromEnv();
const concurrency = Math.max(1, numberFromEnv("OUTBOX_CONCURRENCY", 2));
const pollMs = numberFromEnv("OUTBOX_POLL_MS", 1000);
const leaseSeconds = numberFromEnv("OUTBOX_LEASE_SECONDS", defaultDispatcherOptions.leaseSeconds);
const options = {
  siteUrl: config.siteUrl,
  batchSize: numberFromEnv("OUTBOX_BATCH_SIZE", defaultDispatcherOptions.batchSize),
  leaseSeconds,
  maxAttempts: numberFromEnv("OUTBOX_MAX_ATTEMPTS", defaultDispatcherOptions.maxAttempts),
  baseBackoffMs: numberFromEnv("OUTBOX_BASE_BACKOFF_MS", defaultDispatcherOptions.baseBackoffMs),
  maxBackoffMs: numberFromEnv("OUTBOX_MAX_BACKOFF_MS", defaultDispatcherOptions.maxBackoffMs),
};
const sql = connect(requireEnv("SUPABASE_DB_URL"), { max: concurrency + 1 });
// A send must end well inside its lease, or another dispatcher could claim the batch meanwhile.
const mailer = createResendMailer(config, { timeoutMs: Math.min(30_000, Math.floor(leaseSeconds * 1000 * 0.5)) });
const verbose = Deno.env.get("OUTBOX_VERBOSE") === "1";
// Resend allows 2 requests per second per team by default: pacing sends avoids 429s and their
// pauses. 0 = no pacing (429 + retry-after still slow us down).
const requestsPerSecond = numberFromEnv("OUTBOX_REQUESTS_PER_SECOND", 0);
let nextSendAt = 0;
function waitForSendSlot(): Promise<void> {
  if (requestsPerSecond <= 0) return Promise.resolve();
  const now = Date.now();
  const slot = Math.max(now, nextSendAt);
  nextSendAt = slot + 1000 / requestsPerSecond;
  return new Promise((resolve) => setTimeout(resolve, slot - now));
}
const dispatcher = createOutboxDispatcher({
  sql,
  mailer,
  options,
  log: { info: (message) => verbose && console.log(message), error: (message) => console.error(message) },
  beforeSend: waitForSendSlot,
});

const stopping = new AbortController();
let pausedUntil = 0;
const waiters = new Set<() => void>();
let totals = { sent: 0, failed: 0, postponed: 0 };

/** Sleeps up to `ms`, or until a NOTIFY arrives or the worker stops. */
function waitForWork(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      stopping.signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    waiters.add(done);
    stopping.signal.addEventListener("abort", done, { once: true });
  });
}

async function loop(index: number): Promise<void> {
  while (!stopping.signal.aborted) {
    const pause = pausedUntil - Date.now();
    if (pause > 0) {
      await waitForWork(pause);
      continue;
    }
    try {
      const report = await dispatcher.dispatchBatch();
      totals = { sent: totals.sent + report.sent, failed: totals.failed + report.failed, postponed: totals.postponed + report.postponed };
      if (report.pauseMs > 0) pausedUntil = Math.max(pausedUntil, Date.now() + report.pauseMs);
      if (report.claimed === 0) await waitForWork(pollMs);
    } catch (error) {
      console.error(`outbox worker ${index}: ${error instanceof Error ? error.message : error}`);
      await waitForWork(Math.max(pollMs, 1000));
    }
  }
}

await sql.listen("email_outbox", () => {
  for (const done of [...waiters]) done();
});
console.log(`outbox worker ready (${concurrency} loops, batch ${options.batchSize}, lease ${leaseSeconds} s, Resend at ${config.resendBaseUrl ?? "https://api.resend.com"})`);
const loops = Array.from({ length: concurrency }, (_, index) => loop(index));
const reporter = setInterval(() => {
  if (totals.sent + totals.failed + totals.postponed > 0) {
    console.log(`outbox worker: sent ${totals.sent}, failed ${totals.failed}, postponed ${totals.postponed}`);
    totals = { sent: 0, failed: 0, postponed: 0 };
  }
}, 10_000);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.addSignalListener(signal, async () => {
    // Finish the batch in hand, then stop; an unfinished lease would only delay its rows.
    stopping.abort();
    clearInterval(reporter);
    await Promise.allSettled(loops);
    await sql.end({ timeout: 5 });
    Deno.exit(0);
  });
}
