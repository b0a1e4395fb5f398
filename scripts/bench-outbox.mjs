// Outbox drain rate: enqueues N rows in a throwaway database, then times real outbox workers
// draining them into the mail catcher (standing in for Resend) under a requests-per-second limit.
//   node scripts/bench-outbox.mjs [--rows 10000] [--rps 10] [--concurrency 4] [--batch 100] [--workers 1] [--pace N]
// Prints rows/s. Not a test: numbers depend on the machine.
import postgres from "postgres";
import { parseOptions } from "./lib/args.mjs";
import { startEmailTestStack } from "./lib/email-test-stack.mjs";

// Client-side pacing in the worker (OUTBOX_REQUESTS_PER_SECOND); 0 = rely on 429 + retry-after.
const { rows, rps, concurrency, batch, workers, pace } = parseOptions({
  rows: { type: "number", default: 10_000, min: 1, help: "rows to enqueue" },
  rps: { type: "number", default: 10, min: 1, help: "the mail catcher's requests-per-second limit" },
  concurrency: { type: "number", default: 4, min: 1, help: "sends in flight per worker" },
  batch: { type: "number", default: 100, min: 1, help: "rows claimed per batch" },
  workers: { type: "number", default: 1, min: 1, help: "outbox workers" },
  pace: { type: "number", default: 0, min: 0, help: "client-side requests per second (0 = rely on 429 + retry-after)" },
}, { usage: "usage: node scripts/bench-outbox.mjs [options]" });

const stack = await startEmailTestStack({ label: "bench", catcherEnv: { RATE_LIMIT_RPS: String(rps) } });
const sql = postgres(stack.dbUrl, { max: 2, onnotice: () => {} });
const stopAll = async () => {
  await sql.end({ timeout: 5 });
  await stack.stop();
};
process.on("SIGINT", () => stopAll().then(() => process.exit(130)));

try {
  const [user] = await sql`
    insert into auth.users (id, instance_id, aud, role, email, email_confirmed_at, is_sso_user, is_anonymous, raw_app_meta_data, raw_user_meta_data)
    values (gen_random_uuid(), '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', 'bench@example.com', now(), false, false, '{}', '{}')
    returning id`;
  const enqueueStarted = performance.now();
  await sql`
    select private.enqueue_email(${user.id}::uuid, 'event_reminder',
      jsonb_build_object('eventId', gen_random_uuid(), 'eventTitle', 'Bench event ' || g, 'startsAt', '2026-12-01T10:00:00Z', 'startsIn', '24h'),
      'bench-' || g)
    from generate_series(1, ${rows}) as g`;
  const enqueueMs = performance.now() - enqueueStarted;

  const started = performance.now();
  const env = { OUTBOX_BATCH_SIZE: String(batch), OUTBOX_CONCURRENCY: String(concurrency), OUTBOX_POLL_MS: "100", OUTBOX_REQUESTS_PER_SECOND: String(pace) };
  for (let i = 0; i < workers; i++) await stack.startWorker(env);
  let sent = 0;
  let lastPrint = 0;
  while (sent < rows) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    [{ sent }] = await sql`select count(*)::int as sent from private.email_outbox where status = 'sent'`;
    if (performance.now() - lastPrint > 5000) {
      lastPrint = performance.now();
      process.stdout.write(`  … ${sent}/${rows} sent\n`);
    }
    if (performance.now() - started > 15 * 60_000) throw new Error(`gave up after 15 min with ${sent}/${rows} sent`);
  }
  const seconds = (performance.now() - started) / 1000;
  const stats = await (await fetch(`${stack.catcher.url}/api/stats`)).json();
  console.log(`outbox bench: ${rows} rows, catcher limit ${rps} req/s, batch ${batch}, ${workers} worker(s) × ${concurrency} loops, ${pace ? `paced at ${pace} req/s` : "unpaced"}`);
  console.log(`  enqueue: ${(rows / (enqueueMs / 1000)).toFixed(0)} rows/s (${enqueueMs.toFixed(0)} ms, one statement)`);
  console.log(`  drain:   ${(rows / seconds).toFixed(1)} rows/s (${seconds.toFixed(2)} s); ceiling at this limit ${rps * batch} rows/s`);
  console.log(`  catcher: ${stats.messages} messages, ${stats.duplicates.length} duplicate keys, ${stats.requests.accepted === rows ? "all accepted" : `${stats.requests.accepted} accepted`}, ${stats.requests.rateLimited} requests answered 429`);
} finally {
  await stopAll();
}
