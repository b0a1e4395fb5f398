// The Send Email Hook over real HTTP: real Deno (the functions gateway), a throwaway Postgres with
// our migrations, and the mail catcher standing in for Resend (the only remote part we fake).
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type EmailTestStack, localHookSecret, startEmailTestStack } from "../../scripts/lib/email-test-stack.mjs";

interface CatchedMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  idempotencyKey: string | null;
  requestIdempotencyKey: string | null;
}

const AUTH_URL = "http://127.0.0.1:54321/auth/v1";
const REDIRECT = "http://127.0.0.1:3000/welcome?from=mail";
let stack: EmailTestStack;
let hookUrl: string;
const webhook = new Webhook(localHookSecret().replace(/^v1,/, ""));

function payload(type: string, overrides: { user?: Record<string, unknown>; email_data?: Record<string, unknown> } = {}) {
  return {
    user: { id: randomUUID(), email: "ada@example.com", aud: "authenticated", role: "authenticated", ...overrides.user },
    email_data: {
      token: "123456",
      token_hash: "a1b2c3d4e5f6",
      redirect_to: REDIRECT,
      email_action_type: type,
      site_url: AUTH_URL,
      token_new: "",
      token_hash_new: "",
      ...overrides.email_data,
    },
  };
}

function signedRequest(body: string, options: { id?: string; at?: Date; signature?: string } = {}): RequestInit & { id: string } {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  return {
    id,
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": options.signature ?? webhook.sign(id, at, body),
    },
    body,
  };
}

async function messages(): Promise<CatchedMessage[]> {
  const response = await fetch(`${stack.catcher.url}/api/messages`);
  return ((await response.json()) as { messages: CatchedMessage[] }).messages;
}

async function setFaults(faults: Record<string, number>): Promise<void> {
  await fetch(`${stack.catcher.url}/api/faults`, { method: "POST", body: JSON.stringify(faults) });
}

function expectedLink(tokenHash: string, type: string): string {
  const url = new URL(`${AUTH_URL}/verify`);
  url.searchParams.set("token", tokenHash);
  url.searchParams.set("type", type);
  url.searchParams.set("redirect_to", REDIRECT);
  return url.href;
}

beforeAll(async () => {
  stack = await startEmailTestStack({ label: "authemail" });
  const functions = await stack.startFunctions();
  hookUrl = `${functions.url}/auth-email`;
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});
beforeEach(async () => {
  await fetch(`${stack.catcher.url}/api/messages`, { method: "DELETE" });
  await setFaults({ rate500: 0, rate429: 0, rate500AfterAccept: 0 });
});

describe("auth-email", () => {
  it("answers 200 {} to a validly signed signup hook and sends one message with the verify link", async () => {
    const body = JSON.stringify(payload("signup"));
    const request = signedRequest(body);
    const response = await fetch(hookUrl, request);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({});
    const sent = await messages();
    expect(sent).toHaveLength(1);
    const link = expectedLink("a1b2c3d4e5f6", "signup");
    expect(sent[0]!.to).toEqual(["ada@example.com"]);
    expect(sent[0]!.requestIdempotencyKey).toBe(request.id);
    expect(sent[0]!.text).toContain(link);
    expect(sent[0]!.text).toContain("123456");
    expect(sent[0]!.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);
    // logged for admins with template and subject, never the code or the link
    const sql = postgres(stack.dbUrl, { max: 1, onnotice: () => {} });
    try {
      const logs = await sql<Array<{ template_name: string; subject: string; content: string | null; status: string; recipient_email: string }>>`
        select template_name, subject, content, status::text, recipient_email::text from public.communication_logs where template_name = 'auth_signup'`;
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatchObject({ subject: "Confirm your ATAS account", content: null, status: "sent", recipient_email: "ada@example.com" });
      expect(JSON.stringify(logs)).not.toContain("123456");
    } finally {
      await sql.end({ timeout: 5 });
    }
  });

  it("refuses a bad signature with 401 in the hook error format and sends nothing", async () => {
    const body = JSON.stringify(payload("signup"));
    const response = await fetch(hookUrl, signedRequest(body, { signature: "v1,bm90IHRoZSByaWdodCBzaWduYXR1cmU=" }));
    expect(response.status).toBe(401);
    const answer = await response.json() as { error: { http_code: number; message: string } };
    expect(answer.error.http_code).toBe(401);
    expect(answer.error.message).toMatch(/signature/i);
    expect(await messages()).toHaveLength(0);
  });

  it("refuses a body changed after signing with 401", async () => {
    const signed = signedRequest(JSON.stringify(payload("signup")));
    const tampered = JSON.stringify(payload("signup", { user: { email: "mallory@example.com" } }));
    const response = await fetch(hookUrl, { ...signed, body: tampered });
    expect(response.status).toBe(401);
    expect(await messages()).toHaveLength(0);
  });

  it("refuses missing webhook headers with 401 and sends nothing", async () => {
    const body = JSON.stringify(payload("signup"));
    for (const header of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const request = signedRequest(body);
      const headers = { ...(request.headers as Record<string, string>) };
      delete headers[header];
      const response = await fetch(hookUrl, { ...request, headers });
      expect(response.status, header).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/missing required headers/i);
    }
    expect(await messages()).toHaveLength(0);
  });

  it("refuses timestamps more than 5 minutes old or ahead with 401, even when correctly signed", async () => {
    const body = JSON.stringify(payload("signup"));
    const old = await fetch(hookUrl, signedRequest(body, { at: new Date(Date.now() - 301_000) }));
    expect(old.status).toBe(401);
    expect(((await old.json()) as { error: { message: string } }).error.message).toMatch(/too old/i);
    const ahead = await fetch(hookUrl, signedRequest(body, { at: new Date(Date.now() + 301_000) }));
    expect(ahead.status).toBe(401);
    expect(await messages()).toHaveLength(0);
  });

  it("refuses a replayed webhook id with 401 and sends nothing more", async () => {
    const body = JSON.stringify(payload("recovery"));
    const request = signedRequest(body);
    expect((await fetch(hookUrl, request)).status).toBe(200);
    const replay = await fetch(hookUrl, request);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/already processed/);
    expect(await messages()).toHaveLength(1);
  });

  it("lets Auth retry a delivery that failed at Resend, and sends it once", async () => {
    await setFaults({ rate500: 1 });
    const body = JSON.stringify(payload("magiclink"));
    const request = signedRequest(body);
    const failed = await fetch(hookUrl, request);
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await failed.json()) as { error: { http_code: number } }).error.http_code).toBe(503);
    await setFaults({ rate500: 0 });
    const retried = await fetch(hookUrl, request);
    expect(retried.status).toBe(200);
    const sent = await messages();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(expectedLink("a1b2c3d4e5f6", "magiclink"));
  });

  it("sends a secure email_change to both addresses with GoTrue's crosswise token pairing", async () => {
    const body = JSON.stringify(payload("email_change", {
      user: { email: "ada@example.com", new_email: "ada@new.example.com" },
      email_data: { token: "111111", token_hash_new: "hash-for-current", token_new: "222222", token_hash: "hash-for-new" },
    }));
    const response = await fetch(hookUrl, signedRequest(body));
    expect(response.status).toBe(200);
    const sent = await messages();
    expect(sent).toHaveLength(2);
    const current = sent.find((message) => message.to[0] === "ada@example.com")!;
    const fresh = sent.find((message) => message.to[0] === "ada@new.example.com")!;
    expect(current.text).toContain("111111");
    expect(current.text).toContain(expectedLink("hash-for-current", "email_change"));
    expect(fresh.text).toContain("222222");
    expect(fresh.text).toContain(expectedLink("hash-for-new", "email_change"));
    expect(current.text).not.toContain("222222");
    expect(fresh.text).not.toContain("111111");
  });

  it("sends a non-secure email_change once, to the new address", async () => {
    const body = JSON.stringify(payload("email_change", { user: { new_email: "ada@new.example.com" } }));
    expect((await fetch(hookUrl, signedRequest(body))).status).toBe(200);
    const sent = await messages();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual(["ada@new.example.com"]);
    expect(sent[0]!.text).toContain(expectedLink("a1b2c3d4e5f6", "email_change"));
  });

  it("renders every other action type Auth sends", async () => {
    const types = ["invite", "magiclink", "recovery", "reauthentication", "password_changed_notification",
      "email_changed_notification", "phone_changed_notification", "identity_linked_notification",
      "identity_unlinked_notification", "mfa_factor_enrolled_notification", "mfa_factor_unenrolled_notification"];
    for (const type of types) {
      const response = await fetch(hookUrl, signedRequest(JSON.stringify(payload(type, { email_data: { old_email: "ada@old.example.com", provider: "google", factor_type: "totp" } }))));
      expect(response.status, type).toBe(200);
    }
    const sent = await messages();
    expect(sent).toHaveLength(types.length);
    expect(sent.find((message) => message.subject.includes("e-mail address was changed"))!.to).toEqual(["ada@old.example.com"]);
    expect(sent.find((message) => message.subject.includes("confirmation code"))!.text).toContain("123456");
  });

  it("escapes user-controlled values in the rendered message", async () => {
    const body = JSON.stringify(payload("signup", { email_data: { redirect_to: "http://127.0.0.1:3000/\"><script>alert(1)</script>" } }));
    expect((await fetch(hookUrl, signedRequest(body))).status).toBe(200);
    const [message] = await messages();
    expect(message!.html).not.toContain("<script>");
  });

  it("answers 400 in the hook error format for a signed but malformed payload and sends nothing", async () => {
    const response = await fetch(hookUrl, signedRequest(JSON.stringify({ user: {}, email_data: { email_action_type: "nonsense" } })));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { http_code: number } }).error.http_code).toBe(400);
    expect(await messages()).toHaveLength(0);
  });

  it("answers 405 to a GET", async () => {
    const response = await fetch(hookUrl);
    expect(response.status).toBe(405);
  });
});
