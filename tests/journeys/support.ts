// The journeys' one shared module: a screen flow runs through `@supabase/supabase-js` exactly as an
// app would, against what can run here.
//
// - `supabase.functions.invoke(...)` goes over real HTTP to the real Deno gateway (the one the HTTP
//   tests start: tests/support/global-setup.ts).
// - `supabase.from(...)` / `supabase.rpc(...)` go to /rest/v1, and PostgREST cannot run here. We do
//   not imitate it: each journey states, next to the supabase-js call, the URL that call produces
//   and the SQL statement PostgREST runs for it (the same per-request SQL the bench replays in
//   sql/bench/workloads: set_config of role, claims, method, path, headers in one transaction, then
//   `WITH pgrst_source AS (…) SELECT … json_agg …`). The client's fetch checks that the request is
//   exactly the stated URL (anything not stated fails the journey) and replays the statement as
//   `authenticator` with the role and claims of the verified bearer token; supabase-js parses the
//   reply as usual ({ data, error, status }). PostgREST's SQLSTATE → HTTP mapping is applied to
//   errors so `error.code` is what a frontend sees (e.g. "22023", "42501", "PGRST116").
// - `supabase.storage` and `supabase.auth` are not available (no Storage or Auth server here):
//   tokens are minted by our access-token hook (tests.access_token_claims) and handed to
//   createClient through `accessToken`, the supabase-js option for externally issued tokens.
// - Node 20: supabase-js 2.119 declares Node >= 22 (native WebSocket). createClient gets the `ws`
//   package as its realtime transport, which is all it needs from Node 22.
import { randomBytes } from "node:crypto";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { jwtVerify } from "jose";
import postgres from "postgres";
import { inject } from "vitest";
import WebSocket from "ws";
import type { Database } from "../../functions/_shared/database.types.ts";
import { ANON_KEY, LOCAL_JWT_SECRET } from "../../scripts/lib/local-env.mjs";
import { authIssuer } from "../../scripts/lib/tokens.mjs";
import { signClaims, testSql } from "../support/harness.ts";

export { testSql };
export type AppClient = SupabaseClient<Database>;
export type AppRole = "student" | "teacher" | "expert" | "sponsor" | "admin";

export type Params = Array<string | number | boolean | null>;

/** What PostgREST runs for one request: the statement, its parameters, the shape of its reply. */
export interface RestStatement {
  /** The request exactly as supabase-js sends it: method, then path + query after /rest/v1, decoded. */
  request: string;
  /** PostgREST's main statement. For RPCs `$1` is the request body (json), as PostgREST binds it. */
  sql: string;
  /** Parameters after the body ($2…) for RPCs, or $1… for table reads (filter values). */
  params?: Params;
  /** RPCs: the body's keys; PostgREST calls the function with exactly these named arguments. */
  bodyKeys?: string[];
  /** false when PostgREST does not bind the request body ($1), e.g. a function with no arguments. */
  usesBody?: boolean;
  /** HTTP status PostgREST answers on success: 200 for reads and RPCs, 201 for inserts, 204 for a write with no body. */
  status?: number;
}

interface JourneyClientState {
  expected: RestStatement[];
  replayed: string[];
}

const states = new WeakMap<AppClient, JourneyClientState>();

/** The gateway origin: supabase-js appends /functions/v1, /rest/v1, /realtime/v1 itself. */
export function supabaseUrl(): string {
  return inject("functionsUrl").replace(/\/functions\/v1\/?$/, "");
}

let replaySql: postgres.Sql | null = null;
function authenticatorSql(): postgres.Sql {
  if (!replaySql) {
    const url = new URL(inject("dbUrl"));
    url.username = "authenticator";
    url.password = "postgres";
    replaySql = postgres(url.toString(), { max: 2, onnotice: () => {}, prepare: false });
  }
  return replaySql;
}

/** A unique prefix per journey file and run, so journeys share one database safely. */
export function uniqueTag(tag: string): string {
  return `${tag}${randomBytes(3).toString("hex")}`;
}

// ── clients ──────────────────────────────────────────────────────────────────────────────────

/** A client as the app builds it: anon key, plus the signed-in user's token when given. */
export function appClient(accessToken: string | null = null): AppClient {
  const state: JourneyClientState = { expected: [], replayed: [] };
  const client = createClient<Database>(supabaseUrl(), ANON_KEY, {
    ...(accessToken ? { accessToken: async () => accessToken } : {}),
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: (input, init) => journeyFetch(state, input, init) },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
  states.set(client, state);
  return client;
}

/** An anonymous visitor (anon key only). */
export function anonymous(): AppClient {
  return appClient(null);
}

export interface JourneyUser {
  handle: string;
  id: string;
  email: string;
  token: string;
  client: AppClient;
}

/** A real access token for a user of the test database: Auth's claims through our hook, signed. */
export async function mintToken(handle: string): Promise<string> {
  const [row] = await testSql()<{ claims: Record<string, unknown> }[]>`select tests.access_token_claims(${handle}) as claims`;
  // The issuer is this stack's Auth URL, as the functions require (the SQL helper's is a placeholder).
  return signClaims({ ...row!.claims, iss: authIssuer(supabaseUrl()) });
}

/** A new active user (sign-up trigger, e-mail confirmed, roles approved) and their signed-in client. */
export async function newUser(handle: string, roles: AppRole[] = ["student"]): Promise<JourneyUser> {
  const [row] = await testSql()<{ id: string }[]>`
    select tests.create_user(${handle}, ${roles}::public.app_role[], 'active') as id`;
  const token = await mintToken(handle);
  return { handle, id: row!.id, email: `${handle.toLowerCase()}@atas.test`, token, client: appClient(token) };
}

/** A seeded user (supabase/seed.sql, e-mail <name>@atas.dev) signed in. */
export async function seededUser(name: string): Promise<JourneyUser> {
  const sql = testSql();
  const email = `${name}@atas.dev`;
  const [user] = await sql<{ id: string; raw_app_meta_data: unknown; raw_user_meta_data: unknown }[]>`
    select id, raw_app_meta_data, raw_user_meta_data from auth.users where email = ${email}`;
  if (!user) throw new Error(`No seeded user ${email}`);
  const now = Math.floor(Date.now() / 1000);
  const [hooked] = await sql<{ result: { claims: Record<string, unknown> } }[]>`
    select private.custom_access_token_hook(${sql.json({
      user_id: user.id,
      authentication_method: "password",
      claims: {
        iss: authIssuer(supabaseUrl()), sub: user.id, aud: "authenticated", exp: now + 3600, iat: now, email,
        phone: "", app_metadata: user.raw_app_meta_data as postgres.JSONValue, user_metadata: user.raw_user_meta_data as postgres.JSONValue,
        role: "authenticated", aal: "aal1", amr: [{ method: "password", timestamp: now }],
        session_id: crypto.randomUUID(), is_anonymous: false,
      },
    })}) as result`;
  const token = await signClaims(hooked!.result.claims);
  return { handle: name, id: user.id, email, token, client: appClient(token) };
}

// ── function errors ──────────────────────────────────────────────────────────────────────────

/** `{ status, code }` of a functions.invoke error (our shape: {"error": {"code", "message"}}). */
export async function functionError(error: unknown): Promise<{ status: number; code: string; message: string }> {
  const context = (error as { context?: Response } | null)?.context;
  if (!(context instanceof Response)) throw new Error(`Not a function HTTP error: ${String(error)}`);
  const body = await context.clone().json() as { error?: { code?: string; message?: string } };
  return { status: context.status, code: body.error?.code ?? "", message: body.error?.message ?? "" };
}

/** Throws with the function's error body when an invoke failed; returns its data otherwise. */
export async function ok<T>(call: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await call;
  if (error) {
    const context = (error as { context?: Response }).context;
    const detail = context instanceof Response ? `${context.status} ${await context.clone().text()}` : String(error);
    throw new Error(`Call failed: ${detail}`);
  }
  return data as NonNullable<T>;
}

// ── PostgREST replay ─────────────────────────────────────────────────────────────────────────

/**
 * Runs a supabase-js PostgREST call (`client.from(…)…` or `client.rpc(…)`), answering its one
 * request with the stated statement. Returns what supabase-js returns ({ data, error, status, … }).
 */
export async function rest<R>(client: AppClient, call: PromiseLike<R>, statement: RestStatement): Promise<R> {
  const state = states.get(client);
  if (!state) throw new Error("rest() needs a client made by appClient()/anonymous()/newUser()");
  state.expected.push(statement);
  try {
    return await call;
  } finally {
    const left = state.expected.indexOf(statement);
    if (left >= 0) {
      state.expected.splice(left, 1);
      throw new Error(`The call never sent ${statement.request}; sent instead: ${state.replayed.at(-1) ?? "nothing"}`);
    }
  }
}

/**
 * PostgREST's statement for `POST /rest/v1/rpc/<fn>` with a JSON object body: the arguments are
 * read from the body ($1) with their SQL types, as PostgREST does for a function with named
 * arguments. `scalar` for functions returning one value (PostgREST's `pgrst_scalar`).
 */
export function rpcStatement(fn: string, args: Record<string, string>, options: { scalar?: boolean } = {}): RestStatement {
  const names = Object.keys(args);
  const columns = names.map((n) => `"${n}" ${args[n]}`).join(", ");
  const call = `"public"."${fn}"(${names.map((n) => `"${n}" := (SELECT "${n}" FROM pgrst_args LIMIT 1)`).join(", ")})`;
  const argsCte = names.length === 0 ? "" :
    `pgrst_body AS ( SELECT CASE WHEN pg_catalog.json_typeof($1::json) = 'array' THEN $1::json ELSE pg_catalog.json_build_array($1::json) END AS val ), ` +
    `pgrst_args AS ( SELECT * FROM pg_catalog.json_to_recordset((SELECT val FROM pgrst_body)) AS _(${columns}) ), `;
  const sql = options.scalar
    ? `WITH ${argsCte}pgrst_source AS ( SELECT ${call} AS pgrst_scalar ) ` +
      `SELECT null::bigint AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, ` +
      `coalesce((json_agg(_postgrest_t.pgrst_scalar)->0)::text, 'null') AS body, ${TAIL} FROM ( SELECT * FROM pgrst_source ) _postgrest_t`
    : `WITH ${argsCte}pgrst_source AS ( SELECT "pgrst_call".* FROM ${call} pgrst_call ) ` +
      `SELECT null::bigint AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, ` +
      `coalesce(json_agg(_postgrest_t), '[]') AS body, ${TAIL} FROM ( SELECT * FROM pgrst_source ) _postgrest_t`;
  // A function without arguments is called without reading the body ({} from supabase-js).
  return { request: `POST /rpc/${fn}`, sql, params: [], bodyKeys: names, usesBody: names.length > 0 };
}

const TAIL = `nullif(current_setting('response.headers', true), '') AS response_headers, ` +
  `nullif(current_setting('response.status', true), '') AS response_status, '' AS response_inserted`;

/**
 * PostgREST's statement for a table read (`GET /rest/v1/<table>?select=…&<filters>`): `source` is
 * the `pgrst_source` SELECT PostgREST builds for the select list, embeds and filters (filter values
 * as $1…), wrapped in its standard aggregate.
 */
export function readStatement(request: string, source: string, params: Params = []): RestStatement {
  return {
    request: `GET ${request}`,
    sql: `WITH pgrst_source AS ( ${source} ) SELECT null::bigint AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, ` +
      `coalesce(json_agg(_postgrest_t), '[]') AS body, ${TAIL} FROM ( SELECT * FROM pgrst_source ) _postgrest_t`,
    params,
  };
}

const WRITE_TAIL = `SELECT '' AS total_result_set, pg_catalog.count(_postgrest_t) AS page_total, array[]::text[] AS header, ''::text AS body, ${TAIL} FROM ( SELECT * FROM pgrst_source ) _postgrest_t`;

/** The body as PostgREST reads it for a write: $1 as an array of records with the named columns. */
function bodyRecords(columns: Record<string, string>): string {
  const names = Object.keys(columns);
  return `(SELECT $1::json AS json_data) pgrst_payload, LATERAL (SELECT CASE WHEN pg_catalog.json_typeof(pgrst_payload.json_data) = 'array' ` +
    `THEN pgrst_payload.json_data ELSE pg_catalog.json_build_array(pgrst_payload.json_data) END AS val) pgrst_uniform_json, ` +
    `LATERAL (SELECT ${names.map((n) => `"${n}"`).join(", ")} FROM pg_catalog.json_to_recordset(pgrst_uniform_json.val) ` +
    `AS _(${names.map((n) => `"${n}" ${columns[n]}`).join(", ")}) ) pgrst_body`;
}

/** PostgREST's statement for `POST /rest/v1/<table>` (insert, no representation asked): 201, no body. */
export function insertStatement(table: string, columns: Record<string, string>): RestStatement {
  const names = Object.keys(columns);
  return {
    request: `POST /${table}`,  // one object: supabase-js adds ?columns= only for arrays
    bodyKeys: names,
    sql: `WITH pgrst_source AS ( INSERT INTO "public"."${table}"(${names.map((n) => `"${n}"`).join(", ")}) ` +
      `SELECT ${names.map((n) => `"pgrst_body"."${n}"`).join(", ")} FROM ${bodyRecords(columns)} RETURNING 1 ) ${WRITE_TAIL}`,
    status: 201,
  };
}

/** PostgREST's statement for `PATCH /rest/v1/<table>?<filters>` (filters as $2…): 204. */
export function updateStatement(request: string, table: string, columns: Record<string, string>, where: string, params: Params): RestStatement {
  const names = Object.keys(columns);
  return {
    request: `PATCH ${request}`,
    sql: `WITH pgrst_source AS ( UPDATE "public"."${table}" SET ${names.map((n) => `"${n}" = "pgrst_body"."${n}"`).join(", ")} ` +
      `FROM ${bodyRecords(columns)} WHERE ${where} RETURNING 1 ) ${WRITE_TAIL}`,
    params,
    status: 204,
  };
}

/** PostgREST's statement for `DELETE /rest/v1/<table>?<filters>` (filters as $1…): 204. */
export function deleteStatement(request: string, table: string, where: string, params: Params): RestStatement {
  return {
    request: `DELETE ${request}`,
    sql: `WITH pgrst_source AS ( DELETE FROM "public"."${table}" WHERE ${where} RETURNING 1 ) ${WRITE_TAIL}`,
    params,
    status: 204,
  };
}

function describeRequest(url: URL, method: string): string {
  const rest = url.pathname.replace(/^\/rest\/v1/, "");
  return `${method} ${decodeURIComponent(rest + url.search).replace(/\+/g, " ")}`;
}

async function journeyFetch(state: JourneyClientState, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.pathname.startsWith("/functions/v1/")) return fetch(request);
  if (url.pathname.startsWith("/storage/v1/") || url.pathname.startsWith("/auth/v1/")) {
    throw new Error(`${url.pathname.split("/")[1]} is not available here (no Storage or Auth server): ${request.method} ${url.pathname}`);
  }
  if (!url.pathname.startsWith("/rest/v1/")) throw new Error(`Unexpected request ${request.method} ${url}`);

  const described = describeRequest(url, request.method);
  state.replayed.push(described);
  const index = state.expected.findIndex((s) => s.request === described);
  if (index < 0) {
    throw new Error(`No statement stated for ${described}; expected one of: ${state.expected.map((s) => s.request).join(" | ") || "none"}`);
  }
  const [statement] = state.expected.splice(index, 1);
  const body = request.method === "GET" || request.method === "HEAD" ? null : await request.text();
  return replay(statement!, request, url, body);
}

interface Claims { role?: string; [key: string]: unknown }

/** PostgREST's mapping of SQLSTATE to HTTP status (docs: "Errors" → "SQLSTATE to HTTP"). */
function httpStatusOf(code: string, role: string): number {
  if (code === "42501") return role === "anon" ? 401 : 403;
  if (code === "23503" || code === "23505") return 409;
  if (code === "25006") return 405;
  if (code === "P0001") return 400;
  if (code === "42883" || code === "42P01") return 404;
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  if (/^(08|53)/.test(code)) return 503;
  if (/^(0L|0P|28)/.test(code)) return 403;
  if (/^(09|25|2D|38|39|3B|40|54|55|57|58|F0|HV|P0|XX)/.test(code) || code === "42P17") return 500;
  return 400;
}

async function replay(statement: RestStatement, request: Request, url: URL, body: string | null): Promise<Response> {
  const authorization = request.headers.get("authorization") ?? `Bearer ${request.headers.get("apikey") ?? ""}`;
  let claims: Claims;
  try {
    ({ payload: claims } = await jwtVerify(authorization.replace(/^Bearer /i, ""), new TextEncoder().encode(LOCAL_JWT_SECRET)));
  } catch (error) {
    return Response.json({ code: "PGRST301", message: String(error), details: null, hint: null }, { status: 401 });
  }
  const role = String(claims.role ?? "anon");
  const headers: Record<string, string> = {};
  request.headers.forEach((value, key) => { headers[key] = value; });
  const readOnly = request.method === "GET" || request.method === "HEAD";
  // A request body is PostgREST's $1 (json); filter values follow. Parsed: postgres.js learns from
  // the statement that $1 is json and serializes it itself.
  const params = body && statement.usesBody !== false
    ? [JSON.parse(body) as postgres.JSONValue, ...(statement.params ?? [])]
    : statement.params ?? [];
  if (statement.bodyKeys) {
    const sent = Object.keys(JSON.parse(body || "{}") as object).sort().join(",");
    if (sent !== [...statement.bodyKeys].sort().join(",")) {
      throw new Error(`${statement.request}: the call sent arguments {${sent}} but the statement names {${statement.bodyKeys.join(",")}}`);
    }
  }
  const wantsObject = (request.headers.get("accept") ?? "").includes("application/vnd.pgrst.object+json");
  try {
    const rows = await authenticatorSql().begin(readOnly ? "isolation level read committed read only" : "isolation level read committed", async (tx) => {
      await tx.unsafe(
        `select set_config('search_path', '"public", "extensions"', true), set_config('role', $1, true), ` +
        `set_config('request.jwt.claims', $2, true), set_config('request.method', $3, true), set_config('request.path', $4, true), ` +
        `set_config('request.headers', $5, true), set_config('request.cookies', '{}', true)`,
        [role, JSON.stringify(claims), request.method, url.pathname.replace(/^\/rest\/v1/, ""), JSON.stringify(headers)],
      );
      return tx.unsafe(statement.sql, params as postgres.ParameterOrJSON<never>[]);
    });
    const row = rows[0] as { page_total: string | number; body: unknown; response_status: string | null } | undefined;
    const total = Number(row?.page_total ?? 0);
    const text = typeof row?.body === "string" ? row.body : JSON.stringify(row?.body ?? []);
    const status = row?.response_status ? Number(row.response_status) : statement.status ?? 200;
    if (status === 204 || (text === "" && status === 201)) return new Response(null, { status });
    if (wantsObject) {
      if (total !== 1) {
        return Response.json({ code: "PGRST116", message: "JSON object requested, multiple (or no) rows returned",
          details: `The result contains ${total} rows`, hint: null }, { status: 406 });
      }
      const parsed = JSON.parse(text) as unknown;
      return new Response(JSON.stringify(Array.isArray(parsed) ? parsed[0] : parsed), { status, headers: { "content-type": "application/vnd.pgrst.object+json" } });
    }
    return new Response(text, { status, headers: { "content-type": "application/json", "content-range": `0-${Math.max(total - 1, 0)}/*` } });
  } catch (error) {
    const e = error as { code?: string; message?: string; detail?: string; hint?: string };
    if (!e.code || !/^[0-9A-Z]{5}$/.test(e.code)) throw error;
    return Response.json({ code: e.code, message: e.message ?? "", details: e.detail ?? null, hint: e.hint ?? null },
      { status: httpStatusOf(e.code, role) });
  }
}

/** Closes the replay connection (afterAll of a journey file). */
export async function closeJourneys(): Promise<void> {
  await replaySql?.end();
  replaySql = null;
  await testSql().end();  // the file is done with fixtures too: no open handle keeps the worker alive
}
