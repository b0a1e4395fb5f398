// outbox-dispatch over real HTTP: the functions gateway in Deno, a throwaway Postgres, and the
// mail catcher standing in for Resend (the only remote part we fake).
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, type EmailTestStack, SERVICE_ROLE_KEY, startEmailTestStack } from "../../scripts/lib/email-test-stack.mjs";

let stack: EmailTestStack;
let url: string;
let sql: postgres.Sql;

beforeAll(async () => {
  stack = await startEmailTestStack({ label: "dispatchfn" });
  url = `${(await stack.startFunctions()).url}/outbox-dispatch`;
  sql = postgres(stack.dbUrl, { max: 2, onnotice: () => {} });
  await sql`
    with u as (
      insert into auth.users (id, instance_id, aud, role, email, email_confirmed_at, is_sso_user, is_anonymous, raw_app_meta_data, raw_user_meta_data)
      values (gen_random_uuid(), '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', 'dispatch@example.com', now(), false, false, '{}', '{}')
      returning id)
    select private.enqueue_email(u.id, 'account_reactivated', '{}'::jsonb, 'fn-' || g) from u, generate_series(1, 150) as g`;
}, 120_000);
afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await stack?.stop();
});

describe("outbox-dispatch", () => {
  it("answers 401 without a token and 403 for the anon key, sending nothing", async () => {
    expect((await fetch(url, { method: "POST" })).status).toBe(401);
    const anon = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${ANON_KEY}` } });
    expect(anon.status).toBe(403);
    expect(((await anon.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    const [row] = await sql<Array<{ pending: number }>>`select count(*)::int as pending from private.email_outbox where status = 'pending'`;
    expect(row!.pending).toBe(150);
  });

  it("refuses an invalid body with 400 invalid_request", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${SERVICE_ROLE_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ batchSize: 500 }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
  });

  it("drains the due outbox for the service role and reports what it did", async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${SERVICE_ROLE_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ budgetMs: 10_000 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ claimed: 150, sent: 150, failed: 0, batches: 2 });
    const stats = (await (await fetch(`${stack.catcher.url}/api/stats`)).json()) as { messages: number; duplicates: unknown[] };
    expect(stats.messages).toBe(150);
    expect(stats.duplicates).toEqual([]);
  });
});
