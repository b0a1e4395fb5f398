// `npm run bench`: builds a throwaway benchmark cluster (never the dev data) with 100,000 users,
// 1,000,000 events, ~3,000,000 participations, 500,000 follows and 1,000 organizations, then runs
// the SQL PostgREST issues per request with pgbench, with RLS (as authenticator → anon/authenticated)
// and with RLS bypassed (the same statements as the owner `postgres`), alternately, at 1 and 4
// clients, against a calibration floor; then a registration storm. Prints one table and writes
// bench-results/latest.json.
//   node scripts/bench.mjs [--seconds 3] [--rounds 3] [--keep]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { buildDataset, datasetCounts, runSql, tuneForBulkLoad } from "./lib/bench/build.mjs";
import { median, percentile, runPgbench } from "./lib/bench/pgbench.mjs";
import { writeReadmeSection } from "./lib/bench/readme.mjs";
import { projectRoot } from "./lib/paths.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";

const argValue = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const SECONDS = argValue("--seconds", 3);
const ROUNDS = argValue("--rounds", 3);
const CLIENTS = [1, 4];
const workloadsDir = path.join(projectRoot, "sql/bench/workloads");
const t0 = Date.now();
const log = (line) => console.log(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}`);

const PAYLOAD = '{"page_size":20}';
// Each workload: the PostgREST request SQL (sql/bench/workloads), the API role it runs as, its variables.
const WORKLOADS = [
  { id: "P1", name: "upcoming public events, 20 by start (anon)", script: "p1_upcoming_events.sql", role: "anon",
    defines: { status: "published" }, target: "p50 ≤ 1.3× floor, RLS/bypass ≤ 1.1" },
  { id: "P2-light", name: "my_feed, follows 20 light organizers (~30 events each)", script: "p2_my_feed.sql", role: "authenticated",
    defines: { lo: 90101, hi: 90200, payload: PAYLOAD }, target: "p95 ≤ 3 ms @1, RLS/bypass ≤ 1.3" },
  { id: "P2-heavy", name: "my_feed, follows 20 heavy organizers (5,000 events each)", script: "p2_my_feed.sql", role: "authenticated",
    defines: { lo: 90001, hi: 90100, payload: PAYLOAD }, target: "p95 ≤ 3 ms @1, RLS/bypass ≤ 1.3, p50 ≤ 1.5× light" },
  { id: "search", name: "rpc search_events, two words, 20 ranked (anon)", script: "search_events.sql", role: "anon", defines: {} },
  { id: "notifications", name: "notifications page, 20 newest (user with 200)", script: "notifications_page.sql", role: "authenticated",
    defines: { lo: 90201, hi: 90300 } },
  { id: "event-detail", name: "event detail + categories + organization, accepted count", script: "event_detail.sql", role: "authenticated",
    defines: { lo: 90001, hi: 99990 } },
  { id: "review-aggs", name: "review aggregates of an organization (rating, counts)", script: "review_aggregates.sql", role: "authenticated",
    defines: { lo: 90001, hi: 99990 } },
  { id: "reviews", name: "review_cards of an organization, 10 + exact count", script: "review_cards_page.sql", role: "authenticated",
    defines: { lo: 90001, hi: 99990 } },
];

const round2 = (x) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);

function machine() {
  const pgVersion = spawnSync("/usr/lib/postgresql/15/bin/postgres", ["--version"], { encoding: "utf8" }).stdout.trim();
  return {
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    postgres: pgVersion,
    pgbench: spawnSync("/usr/lib/postgresql/15/bin/pgbench", ["--version"], { encoding: "utf8" }).stdout.trim(),
    kernel: os.release(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 10) / 10),
  };
}

async function runWorkload({ port, workload, clients, bypass, now }) {
  const result = await runPgbench({
    port,
    user: bypass ? "postgres" : "authenticator",
    script: path.join(workloadsDir, workload.script),
    clients,
    seconds: SECONDS,
    defines: { role: bypass ? "postgres" : workload.role, now, lo: 90001, hi: 99990, ...workload.defines },
  });
  if (result.aborted > 0 || result.failed > 0) {
    throw new Error(`${workload.id} (${bypass ? "bypass" : "RLS"}, ${clients} clients): ${result.aborted} aborted, ${result.failed} failed\n${result.output}`);
  }
  return result;
}

/** Checks once, before timing, that each workload returns rows (an empty page would flatter it). */
async function checkWorkloadsReturnRows({ port, now }) {
  const probes = {
    P1: `set role anon; select set_config('request.jwt.claims', '{"role":"anon"}', false); select count(*) from (select 1 from public.events where status = 'published' and start_datetime > '${now}' order by start_datetime limit 20) s`,
    "P2-light": `set role authenticated; select set_config('request.jwt.claims', bench.claims(90150), false); select count(*) from public.my_feed(null, 20)`,
    "P2-heavy": `set role authenticated; select set_config('request.jwt.claims', bench.claims(90050), false); select count(*) from public.my_feed(null, 20)`,
    search: `set role anon; select set_config('request.jwt.claims', '{"role":"anon"}', false); select count(*) from public.search_events($$robotics careers$$, page_size => 20)`,
    notifications: `set role authenticated; select set_config('request.jwt.claims', bench.claims(90250), false); select count(*) from (select 1 from public.notifications where recipient_id = bench.uid(90250) limit 20) s`,
    "event-detail": `set role authenticated; select set_config('request.jwt.claims', bench.claims(95000), false); select count(*) from public.events where id = bench.event_id(140 * 5000 + 3)`,
    "review-aggs": `set role authenticated; select set_config('request.jwt.claims', bench.claims(95000), false); select count(*) from public.organizations where id = bench.org_id(3) and reviews_count > 0`,
    reviews: `set role authenticated; select set_config('request.jwt.claims', bench.claims(95000), false); select count(*) from public.review_cards where organization_id = bench.org_id(3)`,
  };
  const rows = {};
  for (const [id, sql] of Object.entries(probes)) {
    const out = await runSql({ port, sql });
    rows[id] = Number(out.split("\n").pop());
  }
  log(`rows per request (sanity): ${Object.entries(rows).map(([k, v]) => `${k}=${v}`).join(", ")}`);
  for (const [id, n] of Object.entries(rows)) if (!(n > 0)) throw new Error(`workload ${id} returns no rows on the data set: fix the generator`);
  return rows;
}

async function registrationStorm({ port }) {
  // A published, public, free, auto-accepting event with 50 seats, starting in a week; and a
  // warm-up event without a cap where each client's first (unmeasured) registration goes.
  await runSql({ port, sql: `
    set session_replication_role = replica;
    create sequence bench.storm_seq;
    grant usage on sequence bench.storm_seq to public;
    insert into public.events (id, organizer_id, title, description, format, type, start_datetime, end_datetime, registration_type,
      registration_status, status, visibility, auto_accept_registration, max_participant, published_at)
    values (bench.event_id(0), bench.uid(42), 'Registration storm', 'Benchmark', 'workshop', 'physical', now() + interval '7 days',
      now() + interval '7 days 2 hours', 'free', 'opened', 'published', 'public', true, 50, now()),
      (bench.event_id(-1), bench.uid(43), 'Warm-up event', 'Benchmark', 'workshop', 'physical', now() + interval '7 days',
      now() + interval '7 days 2 hours', 'free', 'opened', 'published', 'public', true, null, now());
    insert into public.event_participants (event_id, user_id, role, join_method, status, responded_at)
    values (bench.event_id(0), bench.uid(42), 'organizer', 'organizer', 'accepted', now()),
           (bench.event_id(-1), bench.uid(43), 'organizer', 'organizer', 'accepted', now());` });
  const eventId = await runSql({ port, sql: "select bench.event_id(0)" });
  const warmupId = await runSql({ port, sql: "select bench.event_id(-1)" });
  const result = await runPgbench({
    port, user: "postgres", script: path.join(workloadsDir, "p3_register.sql"), clients: 50, threads: 2, transactions: 5,
    mode: "extended", defines: { event: eventId, warmup: warmupId, warmed: 0 },
  });
  // Transaction 0 of each client is its warm-up; the storm is the other 200 (each timed from the
  // end of the same client's previous transaction).
  const storm = result.transactions.filter((t) => t.startMs !== null);
  const firstStart = Math.min(...storm.map((t) => t.startMs));
  const lastEnd = Math.max(...storm.map((t) => t.endMs));
  const spanSeconds = (lastEnd - firstStart) / 1000;
  const latencies = storm.map((t) => t.latencyMs).sort((a, b) => a - b);
  const counts = JSON.parse(await runSql({ port, sql: `select json_build_object(
    'accepted', count(*) filter (where status = 'accepted' and role = 'audience'),
    'waitlisted', count(*) filter (where status = 'waitlisted'),
    'positions', (select count(distinct waitlist_position) = count(*) and min(waitlist_position) = 1 and max(waitlist_position) = count(*)
                  from public.event_participants where event_id = bench.event_id(0) and status = 'waitlisted'),
    'participant_count', (select participant_count from public.events where id = bench.event_id(0)),
    'rows', count(*) filter (where role = 'audience'))
    from public.event_participants where event_id = bench.event_id(0)` }));
  const failed = 250 - result.processed + result.failed;
  return { ...counts, registrations: storm.length, failed, aborted: result.aborted, tps: storm.length / spanSeconds, spanSeconds,
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

function fmt(x, digits = 2) {
  return Number.isFinite(x) ? x.toFixed(digits) : "—";
}

async function main() {
  const info = machine();
  log(`machine: ${info.nproc} CPU (${info.cpu}), ${info.memoryGiB} GiB, ${info.postgres}; load average ${info.loadAverageAtStart.join(" ")} (other processes share these cores)`);
  log("starting a throwaway Postgres 15 cluster (platform base + migrations via the Supabase CLI, no seed)");
  const cluster = await startThrowawayCluster({ major: 15, label: "bench", seed: false });
  const keep = process.argv.includes("--keep");
  try {
    log(`cluster on port ${cluster.port}; building the data set (set-based SQL, triggers off, derived rows/counts written by the same SQL)`);
    await tuneForBulkLoad({ port: cluster.port });
    const buildStarted = Date.now();
    const buildSteps = await buildDataset({ port: cluster.port, log });
    const buildSeconds = (Date.now() - buildStarted) / 1000;
    const counts = await datasetCounts({ port: cluster.port });
    log(`data set built in ${buildSeconds.toFixed(1)} s (target < 300 s): ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(", ")}`);
    // Back to durable settings for the measurements (what a real server runs with).
    for (const s of ["fsync", "synchronous_commit", "full_page_writes"]) await runSql({ port: cluster.port, sql: `alter system reset ${s}` });
    await runSql({ port: cluster.port, sql: "select pg_reload_conf()" });
    await runSql({ port: cluster.port, sql: "checkpoint" });

    const now = new Date().toISOString();
    const rowsPerRequest = await checkWorkloadsReturnRows({ port: cluster.port, now });

    // runs[workload][clients] = { rls: [result], bypass: [result] }; calibration[clients] = [result]
    const runs = Object.fromEntries(WORKLOADS.map((w) => [w.id, Object.fromEntries(CLIENTS.map((c) => [c, { rls: [], bypass: [] }]))]));
    const calibration = Object.fromEntries(CLIENTS.map((c) => [c, []]));
    const calibrationWorkload = { id: "floor", script: "calibration.sql", role: "anon", defines: {} };
    for (const clients of CLIENTS) {
      for (let round = 1; round <= ROUNDS; round++) {
        const floor = await runWorkload({ port: cluster.port, workload: calibrationWorkload, clients, bypass: false, now });
        calibration[clients].push(floor);
        const line = [`floor ${fmt(percentile(floor.latenciesMs, 50), 3)}`];
        for (const workload of WORKLOADS) {
          const order = round % 2 === 1 ? [false, true] : [true, false];
          for (const bypass of order) {
            const result = await runWorkload({ port: cluster.port, workload, clients, bypass, now });
            runs[workload.id][clients][bypass ? "bypass" : "rls"].push(result);
          }
          const r = runs[workload.id][clients];
          line.push(`${workload.id} ${fmt(percentile(r.rls.at(-1).latenciesMs, 50), 3)}/${fmt(percentile(r.bypass.at(-1).latenciesMs, 50), 3)}`);
        }
        log(`${clients} client(s), round ${round}/${ROUNDS}, p50 ms RLS/bypass: ${line.join("  ")}`);
      }
    }

    log("P3 registration storm: 200 registrations from 50 clients on one event with 50 seats (the registrations function's SQL path)");
    const storm = await registrationStorm({ port: cluster.port });
    log(`P3: accepted ${storm.accepted}, waitlisted ${storm.waitlisted}, failed ${storm.failed}, ${storm.registrations} registrations in ${fmt(storm.spanSeconds, 2)} s = ${fmt(storm.tps, 0)}/s (after one warm-up registration per connection)`);

    // ── the table ──
    const rows = [];
    for (const clients of CLIENTS) {
      const floorP50s = calibration[clients].map((r) => percentile(r.latenciesMs, 50));
      const floorAll = calibration[clients].flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
      rows.push({ workload: "floor", name: "calibration: same transaction around select 1", clients, min: floorAll[0],
        p50: percentile(floorAll, 50), p95: percentile(floorAll, 95), p99: percentile(floorAll, 99),
        tps: median(calibration[clients].map((r) => r.tps)), runP50s: { rls: floorP50s }, ratio: null, target: "floor", pass: null });
      for (const workload of WORKLOADS) {
        const r = runs[workload.id][clients];
        const all = r.rls.flatMap((x) => x.latenciesMs).sort((a, b) => a - b);
        const rlsP50s = r.rls.map((x) => percentile(x.latenciesMs, 50));
        const bypassP50s = r.bypass.map((x) => percentile(x.latenciesMs, 50));
        const ratio = median(rlsP50s.map((v, i) => v / bypassP50s[i]));
        const floorRatio = median(rlsP50s.map((v, i) => v / floorP50s[i]));
        const row = { workload: workload.id, name: workload.name, clients, min: all[0], p50: percentile(all, 50), p95: percentile(all, 95),
          p99: percentile(all, 99), tps: median(r.rls.map((x) => x.tps)), ratio, floorRatio,
          runP50s: { rls: rlsP50s, bypass: bypassP50s }, target: clients === 1 ? workload.target ?? "report" : "report", pass: null };
        if (clients === 1) {
          if (workload.id === "P1") row.pass = floorRatio <= 1.3 && ratio <= 1.1;
          if (workload.id === "P2-light") row.pass = row.p95 <= 3 && ratio <= 1.3;
          if (workload.id === "P2-heavy") {
            const light = runs["P2-light"][1].rls.map((x) => percentile(x.latenciesMs, 50));
            row.heavyOverLight = median(rlsP50s.map((v, i) => v / light[i]));
            row.pass = row.p95 <= 3 && ratio <= 1.3 && row.heavyOverLight <= 1.5;
          }
        }
        rows.push(row);
      }
    }
    rows.push({ workload: "P3", name: "registration storm: 200 from 50 clients, 50 seats", clients: 50, p50: storm.p50, p95: storm.p95,
      p99: storm.p99, tps: storm.tps, ratio: null, target: "50 accepted, 150 waitlisted, 0 failed; aim ≥ 400/s",
      pass: storm.accepted === 50 && storm.waitlisted === 150 && storm.failed === 0 && storm.aborted === 0 && storm.positions === true,
      storm });

    const header = `${"workload".padEnd(14)} ${"cl".padStart(2)} ${"min ms".padStart(7)} ${"p50 ms".padStart(7)} ${"p95 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"tps".padStart(7)} ${"RLS/byp".padStart(7)} ${"×floor".padStart(6)}  ${"target".padEnd(44)} result`;
    console.log(`\n${header}\n${"─".repeat(header.length + 6)}`);
    for (const r of rows) {
      const verdict = r.pass === null ? "" : r.pass ? "PASS" : "FAIL";
      const extra = r.heavyOverLight ? ` (heavy/light p50 ${fmt(r.heavyOverLight)})` : r.storm ? ` (accepted ${r.storm.accepted}, waitlisted ${r.storm.waitlisted}, failed ${r.storm.failed})` : "";
      console.log(`${r.workload.padEnd(14)} ${String(r.clients).padStart(2)} ${fmt(r.min, 3).padStart(7)} ${fmt(r.p50, 3).padStart(7)} ${fmt(r.p95, 3).padStart(7)} ${fmt(r.p99, 3).padStart(7)} ${fmt(r.tps, 0).padStart(7)} ${fmt(r.ratio).padStart(7)} ${fmt(r.floorRatio).padStart(6)}  ${r.target.padEnd(44)} ${verdict}${extra}`);
    }
    console.log("\nper-run p50 (ms), RLS | bypass, in run order:");
    for (const r of rows.filter((x) => x.runP50s)) {
      console.log(`  ${r.workload.padEnd(14)} ${r.clients}  ${r.runP50s.rls.map((v) => fmt(v, 3)).join(" ")}${r.runP50s.bypass ? ` | ${r.runP50s.bypass.map((v) => fmt(v, 3)).join(" ")}` : ""}`);
    }

    const report = {
      generatedAt: new Date().toISOString(), machine: info,
      method: {
        tool: "pgbench (Debian, Postgres 15) with custom scripts (-f); -M prepared for PostgREST requests (PostgREST's default db-prepared-statements = true), -M extended for the registration storm (the functions use postgres.js with prepare: false)",
        requests: "one transaction per request: begin [read only]; set_config(search_path, role, request.jwt.claims, request.method, request.path, request.headers, request.cookies); the statement shape PostgREST 12 generates (WITH pgrst_source AS (…) SELECT … json_agg …); commit. Ids are chosen by number and computed server-side (bench.uid(n), bench.event_id(n)).",
        rls: "RLS runs connect as authenticator and switch to anon/authenticated; bypass runs send the same statements connected as postgres with role postgres (table owner, BYPASSRLS). Ratio = median over rounds of (RLS p50 / bypass p50) from adjacent runs; RLS and bypass alternate order each round.",
        dataset: "set-based SQL as the cluster superuser with session_replication_role = replica (triggers off); the rows and counts the triggers would write (profiles, onboardings, organizer/owner rows, participant_count, follower counts, ratings) are written by the same SQL; secondary indexes set aside and rebuilt once",
        seconds: SECONDS, rounds: ROUNDS,
      },
      dataset: { counts, buildSeconds, buildSteps, rowsPerRequest },
      rows: rows.map((r) => ({ ...r, min: round2(r.min), p50: round2(r.p50), p95: round2(r.p95), p99: round2(r.p99), tps: Math.round(r.tps ?? 0),
        ratio: round2(r.ratio), floorRatio: round2(r.floorRatio), heavyOverLight: round2(r.heavyOverLight),
        runP50s: r.runP50s ? { rls: r.runP50s.rls.map(round2), ...(r.runP50s.bypass ? { bypass: r.runP50s.bypass.map(round2) } : {}) } : undefined })),
    };
    const out = path.join(projectRoot, "bench-results/latest.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    writeReadmeSection(report);
    log(`wrote ${path.relative(projectRoot, out)} and README.md (Performance); total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    if (keep) {
      log(`--keep: cluster stays on port ${cluster.port} until Ctrl-C`);
      await new Promise((resolve) => { process.on("SIGINT", resolve); process.on("SIGTERM", resolve); });
    }
  } finally {
    cluster.stop();
  }
}

await main();
