// The outbox end to end: real Postgres (throwaway, our migrations), real outbox worker processes
// (Deno), and the mail catcher standing in for Resend (the only remote part we fake). The catcher's
// fault injection plays a flaky Resend: random 500s, 429s with retry-after, and "accepted but the
// answer was lost" 500s.
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type EmailTestStack, startEmailTestStack } from "../../../scripts/lib/email-test-stack.mjs";
import { connect } from "../database.ts";
import { emailConfigFromEnv } from "./email-config.ts";
import { createResendMailer } from "./mailer.ts";
import { createOutboxDispatcher, defaultDispatcherOptions } from "./outbox-dispatcher.ts";
import { productTemplates } from "./product-templates.ts";

interface Stats {
  messages: number;
  distinctKeys: number;
  withoutKey: number;
  countByKey: Record<string, number>;
  duplicates: Array<{ key: string; count: number }>;
  requests: Record<string, number>;
}

let stack: EmailTestStack;
let sql: postgres.Sql;

async function stats(): Promise<Stats> {
  return (await (await fetch(`${stack.catcher.url}/api/stats`)).json()) as Stats;
}

async function setFaults(faults: Record<string, number>): Promise<void> {
  const response = await fetch(`${stack.catcher.url}/api/faults`, { method: "POST", body: JSON.stringify(faults) });
  expect(response.status).toBe(200);
}

async function statusCounts(): Promise<Record<string, number>> {
  const rows = await sql<Array<{ status: string; count: number }>>`select status, count(*)::int as count from private.email_outbox group by status`;
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

async function createUser(email: string): Promise<string> {
  const [row] = await sql<Array<{ id: string }>>`
    insert into auth.users (id, instance_id, aud, role, email, email_confirmed_at, is_sso_user, is_anonymous, raw_app_meta_data, raw_user_meta_data)
    values (gen_random_uuid(), '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', ${email}, now(), false, false, '{}', '{}')
    returning id`;
  return row!.id;
}

/** `count` reminder e-mails for one user, each with its own dedupe key. */
async function enqueueReminders(userId: string, count: number, prefix: string): Promise<void> {
  await sql`
    select private.enqueue_email(${userId}::uuid, 'event_reminder',
      jsonb_build_object('eventId', gen_random_uuid(), 'eventTitle', 'Event <' || g || '>', 'startsAt', '2026-12-01T10:00:00Z', 'startsIn', '24h'),
      ${prefix} || g)
    from generate_series(1, ${count}) as g`;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

function inProcessDispatcher(overrides: Partial<typeof defaultDispatcherOptions> = {}) {
  // emailConfigFromEnv requires the key, as the functions do at start; this file's own process sets it.
  process.env.RESEND_API_KEY = "re_local_test_key";
  const config = { ...emailConfigFromEnv(), resendBaseUrl: stack.catcher.url };
  return createOutboxDispatcher({
    sql: connect(stack.dbUrl, { max: 2 }),
    mailer: createResendMailer(config, { timeoutMs: 5_000 }),
    options: { ...defaultDispatcherOptions, siteUrl: "http://127.0.0.1:3000", ...overrides },
  });
}

beforeAll(async () => {
  stack = await startEmailTestStack({ label: "outbox" });
  sql = postgres(stack.dbUrl, { max: 4, onnotice: () => {} });
}, 120_000);
afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await stack?.stop();
});
beforeEach(async () => {
  await sql`delete from private.email_outbox`;
  await fetch(`${stack.catcher.url}/api/messages`, { method: "DELETE" });
  await setFaults({ rate500: 0, rate429: 0, rate500AfterAccept: 0, requestsPerSecond: 0, retryAfterSeconds: 1 });
});

describe("outbox dispatcher", () => {
  it("delivers 1,200 rows exactly once through random 500/429, lost answers and a worker killed mid-batch", async () => {
    const ROWS = 1200;
    const userId = await createUser("fault-test@example.com");
    await enqueueReminders(userId, ROWS, "fault-");
    await setFaults({ rate500: 0.2, rate429: 0.2, rate500AfterAccept: 0.1, retryAfterSeconds: 1 });
    const workerEnv = { OUTBOX_BATCH_SIZE: "40", OUTBOX_LEASE_SECONDS: "3", OUTBOX_BASE_BACKOFF_MS: "100", OUTBOX_MAX_BACKOFF_MS: "1000", OUTBOX_CONCURRENCY: "3", OUTBOX_POLL_MS: "200" };

    // given: a worker that gets part of the way, then dies (SIGKILL) while batches are leased
    const first = await stack.startWorker(workerEnv);
    await waitUntil(async () => {
      const counts = await statusCounts();
      return (counts.sent ?? 0) >= 200 && (counts.sending ?? 0) > 0;
    }, 60_000, "the first worker to send 200 rows and hold a lease");
    await first.stop("SIGKILL");
    const [leaseRow] = await sql<Array<{ leased: number }>>`
      select count(*)::int as leased from private.email_outbox where status = 'sending' and locked_until > now()`;
    const leased = leaseRow!.leased;
    const sentBeforeKill = (await statusCounts()).sent ?? 0;

    // when: two workers take over (they compete for batches with skip locked)
    const takeovers = [await stack.startWorker(workerEnv), await stack.startWorker(workerEnv)];
    try {
      await waitUntil(async () => (await statusCounts()).sent === ROWS, 120_000, `all ${ROWS} rows to be sent`);
    } finally {
      await Promise.all(takeovers.map((worker) => worker.stop()));
    }

    // then: every row reached the catcher exactly once
    const counts = await statusCounts();
    const catcher = await stats();
    const keys = await sql<Array<{ idempotency_key: string }>>`select idempotency_key from private.email_outbox`;
    const lost = keys.filter((row) => catcher.countByKey[row.idempotency_key] === undefined);
    console.log(`fault test: ${ROWS} rows; killed worker after ${sentBeforeKill} sent with ${leased} rows leased; catcher saw`, catcher.requests);
    expect(counts).toEqual({ sent: ROWS });
    expect(lost).toHaveLength(0);
    expect(catcher.duplicates).toEqual([]);
    expect(catcher.messages).toBe(ROWS);
    expect(catcher.distinctKeys).toBe(ROWS);
    // the faults really happened
    expect(catcher.requests.injected500).toBeGreaterThan(0);
    expect(catcher.requests.injected429).toBeGreaterThan(0);
    // every answer lost after Resend accepted a batch was settled by resending under the same key
    expect(catcher.requests.idempotentReplays).toBeGreaterThanOrEqual(catcher.requests.injected500AfterAccept!);
    expect(leased).toBeGreaterThan(0);
  }, 240_000);

  it("parks a batch as failed with its last error after the last attempt", async () => {
    const userId = await createUser(`park-${Date.now()}@example.com`);
    await enqueueReminders(userId, 3, "park-");
    await setFaults({ rate500: 1 });
    const dispatcher = inProcessDispatcher({ maxAttempts: 2, baseBackoffMs: 1, maxBackoffMs: 1 });
    const first = await dispatcher.dispatchBatch();
    expect(first).toMatchObject({ claimed: 3, postponed: 3, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await dispatcher.dispatchBatch();
    expect(second).toMatchObject({ claimed: 3, failed: 3 });
    const rows = await sql<Array<{ status: string; attempts: number; last_error: string }>>`select status, attempts, last_error from private.email_outbox`;
    expect(rows.every((row) => row.status === "failed" && row.attempts === 2)).toBe(true);
    expect(rows[0]!.last_error).toMatch(/^Resend answered 500 internal_server_error/);
    expect((await stats()).messages).toBe(0);
  });

  it("does not count a 429 as an attempt and pauses for retry-after", async () => {
    const userId = await createUser(`limited-${Date.now()}@example.com`);
    await enqueueReminders(userId, 2, "limited-");
    await setFaults({ rate429: 1, retryAfterSeconds: 2 });
    const report = await inProcessDispatcher({ maxAttempts: 1 }).dispatchBatch();
    expect(report).toMatchObject({ claimed: 2, postponed: 2, failed: 0, pauseMs: 2000 });
    const rows = await sql<Array<{ status: string; attempts: number; wait: number }>>`
      select status, attempts, extract(epoch from locked_until - now())::float8 as wait from private.email_outbox`;
    for (const row of rows) {
      expect(row.status).toBe("sending");
      expect(row.attempts).toBe(0);
      expect(row.wait).toBeGreaterThan(1);
    }
  });

  it("parks a row whose data no longer fits its template without sending it, and sends the rest", async () => {
    const userId = await createUser(`render-${Date.now()}@example.com`);
    await enqueueReminders(userId, 2, "render-");
    await sql`select private.enqueue_email(${userId}::uuid, 'event_reminder', '{"eventTitle": "no id, no start"}'::jsonb, 'broken')`;
    const report = await inProcessDispatcher().dispatchBatch();
    expect(report).toMatchObject({ claimed: 3, sent: 2, failed: 1 });
    const [broken] = await sql<Array<{ status: string; last_error: string }>>`
      select status, last_error from private.email_outbox where idempotency_key = 'event_reminder/broken'`;
    expect(broken!.status).toBe("failed");
    expect(broken!.last_error).toMatch(/^Cannot render template "event_reminder"/);
    expect((await stats()).messages).toBe(2);
  });

  it("logs each final outcome in communication_logs with the subject and never the body", async () => {
    const userId = await createUser(`logs-${Date.now()}@example.com`);
    await enqueueReminders(userId, 2, "logs-");
    await sql`select private.enqueue_email(${userId}::uuid, 'event_reminder', '{"eventTitle": "broken"}'::jsonb, 'logs-broken')`;
    await inProcessDispatcher().dispatchBatch();
    const logs = await sql<Array<{ status: string; subject: string | null; content: string | null; last_error: string | null; template_name: string }>>`
      select status::text, subject, content, last_error, template_name from public.communication_logs where recipient_id = ${userId}::uuid order by status, subject`;
    expect(logs.map((log) => log.status)).toEqual(["failed", "sent", "sent"]);
    expect(logs[1]!.subject).toMatch(/^Reminder: "Event <\d+>" starts within 24 hours$/);
    expect(logs.every((log) => log.content === null && log.template_name === "event_reminder")).toBe(true);
    expect(logs[0]!.last_error).toMatch(/^Cannot render template/);
  });

  it("accepts exactly the product template keys the renderer knows", async () => {
    const [row] = await sql<Array<{ definition: string }>>`
      select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'email_outbox_template_is_known'`;
    const databaseKeys = [...row!.definition.matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1]).sort();
    expect(databaseKeys).toEqual(productTemplates.map((template) => template.key).sort());
  });

  it("agrees with the database on which product e-mails are essential", async () => {
    const rows = await sql<Array<{ template: string; kind: string | null }>>`
      select t as template, private.email_preference_kind(t)::text as kind from unnest(${productTemplates.map((t) => t.key)}::text[]) as t`;
    for (const row of rows) {
      const template = productTemplates.find((t) => t.key === row.template)!;
      expect(row.kind === null, row.template).toBe(template.isEssential);
    }
  });

  it("makes a repeated enqueue with the same dedupe key a no-op", async () => {
    const userId = await createUser(`dedupe-${Date.now()}@example.com`);
    const data = { eventId: crypto.randomUUID(), eventTitle: "Once", startsAt: "2026-12-01T10:00:00Z", startsIn: "1h" };
    const [first] = await sql<Array<{ id: string | null }>>`select private.enqueue_email(${userId}::uuid, 'event_reminder', ${JSON.stringify(data)}::text::jsonb, 'same') as id`;
    const [second] = await sql<Array<{ id: string | null }>>`select private.enqueue_email(${userId}::uuid, 'event_reminder', ${JSON.stringify(data)}::text::jsonb, 'same') as id`;
    expect(first!.id).not.toBeNull();
    expect(second!.id).toBeNull();
    expect((await statusCounts()).pending).toBe(1);
  });

  it("refuses an unknown template in the caller's transaction", async () => {
    const userId = await createUser(`unknown-${Date.now()}@example.com`);
    await expect(sql`select private.enqueue_email(${userId}::uuid, 'no_such_template', '{}'::jsonb, 'x')`).rejects.toMatchObject({
      constraint_name: "email_outbox_template_is_known",
    });
  });

  it("is not callable by the API roles", async () => {
    for (const role of ["anon", "authenticated", "service_role"]) {
      await expect(sql.begin(async (tx) => {
        await tx.unsafe(`set local role ${role}`);
        await tx`select private.enqueue_email(gen_random_uuid(), 'account_reactivated', '{}'::jsonb, 'x')`;
      }), role).rejects.toMatchObject({ code: "42501" });
    }
  });
});
