// `npm run bench:register`: registration latency over HTTP (real Deno gateway → events function
// → Postgres) against the same SQL path called directly (private.register_for_event), p50/p95
// and their ratio. Target: HTTP p50 ≤ 3 × SQL p50. A measurement, never a test.
//   node scripts/bench-register.mjs [--requests 300] [--warmup 30]
// Builds a throwaway database (base + migrations + seed + tests helpers) and starts the functions
// gateway, unless ATAS_BENCH_DB_URL names a database that already has the tests schema.
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { parseOptions } from "./lib/args.mjs";
import { dbUrl } from "./lib/database.mjs";
import { serviceEnv } from "./lib/local-env.mjs";
import { freePort } from "./lib/ports.mjs";
import { startDenoService, stopService } from "./lib/services.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";
import { authIssuer, signClaims } from "./lib/tokens.mjs";

const { requests, warmup } = parseOptions({
  requests: { type: "number", default: 300, min: 1, help: "measured registrations" },
  warmup: { type: "number", default: 30, min: 0, help: "unmeasured registrations first" },
}, { usage: "usage: node scripts/bench-register.mjs [options]" });

function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const cleanups = [];
try {
  let url = process.env.ATAS_BENCH_DB_URL;
  let dbPort = url ? Number(new URL(url).port) : 0;
  if (!url) {
    console.log("[bench] building a throwaway database …");
    const cluster = await startThrowawayCluster({ label: "bench" });
    cleanups.push(() => cluster.stop());
    dbPort = cluster.port;
    url = dbUrl({ port: cluster.port });
  }
  const apiPort = await freePort();
  const env = serviceEnv({ dbPort, apiPort, inboxPort: await freePort() });
  const gateway = startDenoService({ name: "functions", script: "scripts/local/serve-functions.ts", readyText: "functions ready", env: { ...env, PORT: String(apiPort) } });
  cleanups.push(() => stopService(gateway));
  await gateway.ready;
  const functionsUrl = `http://127.0.0.1:${apiPort}/functions/v1`;

  const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  cleanups.push(() => sql.end());
  const total = 2 * (requests + warmup);
  const tag = Math.random().toString(36).slice(2, 8);
  console.log(`[bench] creating ${total} users and two unlimited events …`);
  const users = await sql`
    with made as (select g, 'bench-' || ${tag} || '-' || g as handle from generate_series(1, ${total}) g)
    select handle, tests.create_user(handle) as id from made order by g`;
  const [httpEvent] = await sql`select tests.create_event(${`BenchHttp${tag}`}, organizer => ${`bench-org-${tag}`}) as id`;
  const [sqlEvent] = await sql`select tests.create_event(${`BenchSql${tag}`}, organizer => ${`bench-org-${tag}`}) as id`;
  const httpUsers = users.slice(0, requests + warmup);
  const sqlUsers = users.slice(requests + warmup);
  // Auth's base claims through our access-token hook, as a real sign-in would produce them.
  const claimRows = await sql`
    select u.id, private.custom_access_token_hook(jsonb_build_object('user_id', u.id, 'authentication_method', 'password',
      'claims', jsonb_build_object('iss', ${authIssuer(`http://127.0.0.1:${apiPort}`)}::text, 'sub', u.id, 'aud', 'authenticated',
        'exp', floor(extract(epoch from now()))::bigint + 3600, 'iat', floor(extract(epoch from now()))::bigint,
        'email', u.email, 'phone', '', 'app_metadata', u.raw_app_meta_data, 'user_metadata', u.raw_user_meta_data,
        'role', 'authenticated', 'aal', 'aal1', 'session_id', gen_random_uuid(), 'is_anonymous', false))) -> 'claims' as claims
    from auth.users u where u.id = any(${httpUsers.map((u) => u.id)}::uuid[])`;
  const claimsById = new Map(claimRows.map((row) => [row.id, row.claims]));
  const tokens = await Promise.all(httpUsers.map((u) => signClaims(claimsById.get(u.id))));

  // One HTTP request, then one direct SQL call, alternately: both see the same machine load (a
  // shared CI box is noisy) and events of the same size. Sequential, as one user's click is.
  const httpMs = [];
  const sqlMs = [];
  for (let i = 0; i < httpUsers.length; i++) {
    let started = performance.now();
    const response = await fetch(`${functionsUrl}/registrations`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokens[i]}`, "content-type": "application/json" },
      body: JSON.stringify({ eventId: httpEvent.id }),
    });
    await response.text();
    const httpElapsed = performance.now() - started;
    if (response.status !== 201) throw new Error(`HTTP registration answered ${response.status}`);

    // The same two statements the handler runs (autocommit): the decision, then its announcement.
    started = performance.now();
    const [{ participant }] = await sql`select participant, created from private.register_for_event(${sqlEvent.id}, ${sqlUsers[i].id}, now())`;
    await sql`select private.announce_registration(${participant.id})`;
    const sqlElapsed = performance.now() - started;
    if (i >= warmup) {
      httpMs.push(httpElapsed);
      sqlMs.push(sqlElapsed);
    }
  }

  const row = (name, samples) => `${name.padEnd(6)} p50 ${percentile(samples, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(2).padStart(7)} ms   (n=${samples.length})`;
  const ratio = percentile(httpMs, 50) / percentile(sqlMs, 50);
  console.log("\nregister for an event (sequential, after warm-up)");
  console.log(row("HTTP", httpMs));
  console.log(row("SQL", sqlMs));
  console.log(`ratio  HTTP p50 / SQL p50 = ${ratio.toFixed(2)}× (target ≤ 3×: ${ratio <= 3 ? "met" : "NOT met"})`);
  console.log(`ratio  HTTP p95 / SQL p95 = ${(percentile(httpMs, 95) / percentile(sqlMs, 95)).toFixed(2)}×`);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
