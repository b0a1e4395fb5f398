// What HTTP tests use: call a function over real HTTP, mint real tokens for seeded or fixture
// users, read the database, read the mail catcher.
import postgres from "postgres";
import { inject } from "vitest";
import { ANON_KEY, SERVICE_ROLE_KEY } from "../../scripts/lib/local-env.mjs";
import { signClaims, mintUserToken } from "../../scripts/lib/tokens.mjs";

export { ANON_KEY, SERVICE_ROLE_KEY, signClaims };

export interface FunctionReply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  method?: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Calls /functions/v1/<path> on the local gateway (real Deno). */
export async function callFunction<T = any>(path: string, options: CallOptions = {}): Promise<FunctionReply<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(`${inject("functionsUrl")}/${path.replace(/^\//, "")}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // non-JSON bodies (calendar files) stay text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

let shared: postgres.Sql | null = null;

/** A connection as `postgres` (the project owner) for arranging fixtures and checking rows. */
export function testSql(): postgres.Sql {
  shared ??= postgres(inject("dbUrl"), { max: 4, onnotice: () => {} });
  return shared;
}

/** A real access token (through our access-token hook) for the user with this e-mail. */
export function tokenFor(email: string, options: { expiresInSeconds?: number; now?: Date } = {}): Promise<string> {
  // The issuer is this test stack's own gateway, as Auth's `iss` is the project's own URL.
  return mintUserToken({ dbUrl: inject("dbUrl"), email, issuerOrigin: new URL(inject("functionsUrl")).origin, ...options });
}

export interface CapturedEmail {
  id: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  idempotencyKey?: string | null;
}

/** Messages the mail catcher (our local stand-in for Resend) has accepted. */
export async function inboxMessages(): Promise<CapturedEmail[]> {
  const response = await fetch(`${inject("inboxUrl")}/api/messages`);
  const body = await response.json() as { messages?: CapturedEmail[] } | CapturedEmail[];
  return Array.isArray(body) ? body : body.messages ?? [];
}
