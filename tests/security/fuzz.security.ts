// Fuzz: every route of every contracts module gets malformed input derived from its zod schemas
// (tests/security/malformed-input.ts) over real HTTP, as an active user without rights (the anon
// key for routes that take it). Expected: no 5xx at all, and every table of the database
// unchanged (md5 of each table's rows in order) — an invalid request changes nothing.
// pg_cron's schedules are paused while the fuzz runs (their jobs would change rows by the clock)
// and restored afterwards. Bounded: a fixed list of variants per route, 127.0.0.1 only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANON_KEY, callFunction, testSql, tokenFor } from "../support/harness.ts";
import { concretePath, contractRoutes, hasPathParams, type Route } from "./declared-routes.ts";
import { BAD_PATH_VALUES, BAD_QUERY_STRINGS, bodyVariants } from "./malformed-input.ts";

const routes = await contractRoutes();
const FUZZ_EMAIL = "fuzz.security@atas.test";
let userToken = "";
let before = new Map<string, string>();
const serverErrors: string[] = [];
const accepted: string[] = [];
let requests = 0;
let pausedJobs: number[] = [];

async function tableChecksums(): Promise<Map<string, string>> {
  const sql = testSql();
  const tables = await sql<Array<{ name: string }>>`
    select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname in ('public', 'private', 'auth', 'storage') order by 1`;
  const sums = new Map<string, string>();
  for (const { name } of tables) {
    const [row] = await sql.unsafe(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum, count(*)::int as n from ${name} t`);
    sums.set(name, `${row!.sum}:${row!.n}`);
  }
  return sums;
}

beforeAll(async () => {
  const sql = testSql();
  await sql`select tests.create_user('fuzz-security', ${FUZZ_EMAIL})`.catch(async () => {
    await sql`select tests.create_user('fuzz-security')`;
  });
  const [row] = await sql<Array<{ email: string }>>`select email::text from public.users where id = tests.uid('fuzz-security')`;
  userToken = await tokenFor(row!.email);
  const [cron] = await sql<Array<{ present: boolean }>>`select to_regclass('cron.job') is not null as present`;
  if (cron?.present) {
    pausedJobs = (await sql<Array<{ jobid: number }>>`update cron.job set active = false where active returning jobid`).map((r) => Number(r.jobid));
  }
  before = await tableChecksums();
});

afterAll(async () => {
  if (pausedJobs.length) await testSql()`update cron.job set active = true where jobid = any(${pausedJobs})`;
});

async function send(route: Route, label: string, path: string, options: { body?: unknown; rawBody?: string }) {
  requests++;
  const token = route.auth === "user" ? userToken : ANON_KEY;
  const reply = await callFunction(path, { method: route.method, token, ...options });
  const where = `${route.method} ${route.function}${route.path} [${label}] → ${reply.status}`;
  if (reply.status >= 500) serverErrors.push(`${where} ${JSON.stringify(reply.body).slice(0, 200)}`);
  // A read that ignores an unknown query parameter is fine; a write must never take junk.
  else if (reply.status < 400 && route.method !== "GET") accepted.push(where);
  return reply;
}

const fillRandom = () => crypto.randomUUID();

describe.each(routes.map((r) => [`${r.method} ${r.function}${r.path}`, r] as const))("%s", (_label, route) => {
  it("answers every malformed request with a 4xx in our error shape", async () => {
    const hasBody = !["GET", "DELETE"].includes(route.method);
    if (hasBody) {
      for (const variant of bodyVariants(route.body)) {
        const reply = await send(route, variant.label, concretePath(route, fillRandom), variant);
        if (reply.status >= 400 && reply.status < 500 && reply.status !== 404) {
          expect(reply.body, variant.label).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        }
      }
    }
    if (hasPathParams(route)) {
      for (const [label, value] of BAD_PATH_VALUES) {
        await send(route, `path ${label}`, concretePath(route, () => value), hasBody ? { body: {} } : {});
      }
    }
    if (route.method === "GET" && route.query) {
      for (const query of BAD_QUERY_STRINGS) await send(route, `query ${query.slice(0, 30)}`, `${concretePath(route, fillRandom)}?${query}`, {});
    }
    expect(serverErrors.filter((e) => e.startsWith(`${route.method} ${route.function}${route.path} `))).toEqual([]);
  });
});

describe("after the fuzz", () => {
  it("no response was a 5xx and no malformed write was accepted", () => {
    console.log(`[fuzz] ${routes.length} routes, ${requests} requests, ${serverErrors.length} 5xx, ${accepted.length} 2xx/3xx`);
    expect(serverErrors).toEqual([]);
    expect(accepted).toEqual([]);
  });

  it("every table is unchanged (md5 of its rows)", async () => {
    const after = await tableChecksums();
    const changed = [...before.keys()].filter((name) => before.get(name) !== after.get(name));
    console.log(`[fuzz] ${before.size} tables checksummed, ${changed.length} changed`);
    expect(changed).toEqual([]);
    expect(before.size).toBeGreaterThan(30);
  });
});
