// The mail catcher stands in for Resend (the only remote part we fake); these tests drive it as
// a real Deno process through the real `resend` SDK.
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCatcher } from "../lib/services.mjs";

type Catcher = Awaited<ReturnType<typeof startMailCatcher>>;
let catcher: Catcher;
let resend: Resend;
const email = { from: "ATAS <no-reply@atas.local>", to: "ada@example.com", subject: "Hello", html: "<p>Hi <a href=\"https://atas.example.org/x\">x</a></p>", text: "Hi https://atas.example.org/x" };

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${catcher.url}${path}`, init);
  return await response.json() as T;
}
interface Stats { messages: number; duplicates: unknown[]; countByKey: Record<string, number>; requests: Record<string, number> }

beforeAll(async () => {
  catcher = await startMailCatcher();
  resend = new Resend("re_local_test", { baseUrl: catcher.url });
}, 30_000);
afterAll(async () => {
  await catcher?.stop();
});
beforeEach(async () => {
  await api("/api/messages", { method: "DELETE" });
  await api("/api/faults", { method: "POST", body: JSON.stringify({ rate500: 0, rate429: 0, rate500AfterAccept: 0, requestsPerSecond: 0 }) });
});

describe("mail catcher", () => {
  it("accepts POST /emails from the SDK and shows the message in the inbox", async () => {
    const { data, error } = await resend.emails.send(email);
    expect(error).toBeNull();
    expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
    const { messages } = await api<{ messages: Array<{ id: string; subject: string; to: string[] }> }>("/api/messages");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ id: data!.id, subject: "Hello", to: ["ada@example.com"] });
    const inbox = await (await fetch(catcher.url)).text();
    expect(inbox).toContain(`/messages/${data!.id}`);
    const page = await (await fetch(`${catcher.url}/messages/${data!.id}`)).text();
    expect(page).toContain('sandbox="allow-popups allow-popups-to-escape-sandbox"');
    expect(page).toContain('<a href="https://atas.example.org/x" target="_blank"'); // text part: clickable
  });

  it("answers a repeated Idempotency-Key with the first response and sends nothing twice", async () => {
    const first = await resend.emails.send(email, { idempotencyKey: "welcome-1" });
    const second = await resend.emails.send(email, { idempotencyKey: "welcome-1" });
    expect(second.data?.id).toBe(first.data?.id);
    const stats = await api<Stats>("/api/stats");
    expect(stats.messages).toBe(1);
    expect(stats.requests.idempotentReplays).toBe(1);
  });

  it("refuses the same Idempotency-Key with a different payload with 409 like Resend", async () => {
    await resend.emails.send(email, { idempotencyKey: "k-409" });
    const { error } = await resend.emails.send({ ...email, subject: "Other" }, { idempotencyKey: "k-409" });
    expect(error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect((await api<Stats>("/api/stats")).messages).toBe(1);
  });

  it("accepts POST /emails/batch and keys each message by its X-Entity-Ref-ID", async () => {
    const batch = Array.from({ length: 3 }, (_, i) => ({ ...email, headers: { "X-Entity-Ref-ID": `row-${i}` } }));
    const { data, error } = await resend.batch.send(batch, { idempotencyKey: "batch-a" });
    expect(error).toBeNull();
    expect(data?.data).toHaveLength(3);
    const stats = await api<Stats>("/api/stats");
    expect(stats.countByKey).toEqual({ "row-0": 1, "row-1": 1, "row-2": 1 });
  });

  it("refuses a batch of more than 100 e-mails with a validation error", async () => {
    const { error } = await resend.batch.send(Array.from({ length: 101 }, () => email));
    expect(error).toMatchObject({ statusCode: 422, name: "validation_error" });
    expect((await api<Stats>("/api/stats")).messages).toBe(0);
  });

  it("requires a Bearer re_ key", async () => {
    const missing = await fetch(`${catcher.url}/emails`, { method: "POST", body: JSON.stringify(email) });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ name: "missing_api_key" });
    const { error } = await new Resend("sk_wrong", { baseUrl: catcher.url }).emails.send(email);
    expect(error).toMatchObject({ statusCode: 403, name: "invalid_api_key" });
    expect((await api<Stats>("/api/stats")).messages).toBe(0);
  });

  it("names missing fields like Resend", async () => {
    const { error } = await resend.emails.send({ from: email.from, to: email.to, html: "<p>x</p>" } as unknown as typeof email);
    expect(error).toMatchObject({ statusCode: 422, name: "missing_required_field" });
  });

  it("injects 500 and 429 (with retry-after) when fault rates are set, storing nothing for them", async () => {
    await api("/api/faults", { method: "POST", body: JSON.stringify({ rate429: 1, retryAfterSeconds: 3 }) });
    const limited = await fetch(`${catcher.url}/emails`, { method: "POST", headers: { authorization: "Bearer re_x" }, body: JSON.stringify(email) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    await api("/api/faults", { method: "POST", body: JSON.stringify({ rate429: 0, rate500: 1 }) });
    const { error } = await resend.emails.send(email);
    expect(error).toMatchObject({ statusCode: 500 });
    expect((await api<Stats>("/api/stats")).messages).toBe(0);
  });

  it("refuses unknown or negative fault settings", async () => {
    const response = await fetch(`${catcher.url}/api/faults`, { method: "POST", body: JSON.stringify({ rate999: 1 }) });
    expect(response.status).toBe(400);
    const negative = await fetch(`${catcher.url}/api/faults`, { method: "POST", body: JSON.stringify({ rate500: -1 }) });
    expect(negative.status).toBe(400);
  });

  it("rate-limits to the configured requests per second with 429 and retry-after", async () => {
    await api("/api/faults", { method: "POST", body: JSON.stringify({ requestsPerSecond: 2 }) });
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await resend.emails.send({ ...email, subject: `n${i}` }));
    const limited = results.filter((result) => result.error?.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0]!.headers?.["retry-after"]).toMatch(/^\d+$/);
    expect((await api<Stats>("/api/stats")).messages).toBe(4 - limited.length);
  });

  it("renders every template with sample data on /templates", async () => {
    const page = await (await fetch(`${catcher.url}/templates`)).text();
    for (const key of ["auth_signup", "auth_email_change", "event_invitation", "admin_broadcast", "waitlist_promoted"]) {
      expect(page).toContain(`id="${key}"`);
    }
    expect(page).not.toContain("Cannot render");
  });
});
