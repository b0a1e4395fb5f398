// `npm test`: everything, on throwaway databases (never the dev data).
//  1. Postgres 15: platform base, migrations (real CLI), seed, test helpers → pgTAP with pg_prove
//  2. generated types current; `supabase db advisors` with no WARN/ERROR finding
//  3. Deno type check of every function and local service; tsc (strict) for what Node loads
//  4. vitest: unit, contract and HTTP tests (real Deno gateway + mail catcher on that database)
//     then the screen journeys (tests/journeys, supabase-js) on that database
//  5. Postgres 17 (hosted default): the same migrations and seed replayed, then the pgTAP suite
// Prints one summary; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runAdvisors } from "./lib/advisors.mjs";
import { readArgs } from "./lib/args.mjs";
import { dbUrl } from "./lib/database.mjs";
import { binOf, projectRoot } from "./lib/paths.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";
import { generateTypes, typesFile } from "./lib/typegen.mjs";

// Positionals name the stages to run (none: all of them).
const { positionals: only } = readArgs({ allowPositionals: true, usage: "node scripts/test.mjs [stage …] (pgtap, types, advisors, deno-check, openapi, tsc, vitest, postgres17, security)" });
const wants = (stage) => only.length === 0 || only.includes(stage);
const results = [];

function record(stage, { passed = 0, failed = 0, note = "" }) {
  results.push({ stage, passed, failed, note });
  const verdict = failed === 0 ? "ok" : "FAILED";
  console.log(`\n[test] ${stage}: ${verdict} (${passed} passed, ${failed} failed)${note ? ` — ${note}` : ""}\n`);
}

async function stage(name, work) {
  if (!wants(name)) return;
  const started = Date.now();
  console.log(`\n[test] ── ${name} ──`);
  try {
    const outcome = await work();
    record(name, { ...outcome, note: `${outcome.note ? `${outcome.note}, ` : ""}${((Date.now() - started) / 1000).toFixed(1)}s` });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    record(name, { failed: 1, note: "stage crashed" });
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", cwd: projectRoot, maxBuffer: 256 * 1024 * 1024, ...options });
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  return result;
}

function pgTapFiles() {
  const root = path.join(projectRoot, "supabase/tests");
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".sql")).sort()
    .map((f) => path.join("supabase/tests", f));
}

let pg15 = null;
try {
  if (["pgtap", "types", "advisors", "vitest", "journeys"].some(wants)) {
    console.log("[test] building a throwaway Postgres 15 database (base, migrations via the Supabase CLI, seed)");
    pg15 = await startThrowawayCluster({ major: 15, label: "test" });
  }

  await stage("pgtap", () => {
    const files = pgTapFiles();
    if (files.length === 0) return { failed: 1, note: "no pgTAP files found" };
    const result = run("pg_prove", ["-h", "127.0.0.1", "-p", String(pg15.port), "-U", "postgres", "-d", "postgres", "--failures", ...files], {
      env: { ...process.env, PGPASSWORD: "postgres", PGOPTIONS: "--client-min-messages=warning" },
    });
    const tests = Number(/Tests=(\d+)/.exec(result.stdout)?.[1] ?? 0);
    const failedTests = [...result.stdout.matchAll(/Failed (\d+)\/\d+ subtests/g)].reduce((n, m) => n + Number(m[1]), 0);
    const failed = result.status === 0 ? 0 : Math.max(failedTests, 1);
    return { passed: tests - failedTests, failed, note: `${files.length} files` };
  });

  await stage("types", () => {
    const fresh = generateTypes(dbUrl({ port: pg15.port }));
    const current = fs.existsSync(typesFile) ? fs.readFileSync(typesFile, "utf8") : "";
    if (fresh === current) return { passed: 1 };
    console.error("functions/_shared/database.types.ts is stale: run `npm run types` and commit it");
    return { failed: 1 };
  });

  await stage("advisors", () => {
    const { findings, blocking } = runAdvisors(dbUrl({ port: pg15.port }));
    for (const f of blocking) console.error(`  ${f.level} ${f.name}: ${f.detail}`);
    return { passed: blocking.length === 0 ? 1 : 0, failed: blocking.length, note: `${findings.length} finding(s) in all, ${blocking.length} at WARN/ERROR` };
  });

  await stage("deno-check", () => {
    const entries = [
      ...fs.readdirSync(path.join(projectRoot, "functions"), { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith("_") && fs.existsSync(path.join(projectRoot, "functions", d.name, "index.ts")))
        .map((d) => `functions/${d.name}/index.ts`),
      ...fs.readdirSync(path.join(projectRoot, "scripts/local")).filter((f) => f.endsWith(".ts")).map((f) => `scripts/local/${f}`),
    ];
    const result = run(binOf("deno"), ["check", "--config", "deno.json", ...entries], { env: { ...process.env, DENO_NO_UPDATE_CHECK: "1" } });
    return { passed: result.status === 0 ? entries.length : 0, failed: result.status === 0 ? 0 : 1, note: `${entries.length} entry points` };
  });

  await stage("openapi", () => {
    // The generated API reference must match the zod contracts it is generated from.
    const result = run(process.execPath, ["scripts/openapi.mjs", "--check"]);
    return { passed: result.status === 0 ? 1 : 0, failed: result.status === 0 ? 0 : 1 };
  });

  await stage("tsc", () => {
    // Strict TypeScript for what Node loads (handlers, contracts, tests); Deno checks the entry points.
    const result = run(binOf("tsc"), ["-p", "tsconfig.json"]);
    return { passed: result.status === 0 ? 1 : 0, failed: result.status === 0 ? 0 : 1 };
  });

  await stage("vitest", () => {
    const report = path.join(projectRoot, ".local", "vitest-report.json");
    fs.mkdirSync(path.dirname(report), { recursive: true });
    const result = run(binOf("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
      env: { ...process.env, ATAS_TEST_DB_URL: dbUrl({ port: pg15.port }) },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null;
    if (!summary) return { failed: 1, note: `vitest exited ${result.status} without a report` };
    const failed = summary.numFailedTests + (result.status === 0 ? 0 : summary.numFailedTests === 0 ? 1 : 0);
    return { passed: summary.numPassedTests, failed, note: `${summary.numTotalTestSuites} suites` };
  });

  await stage("journeys", () => {
    // Screen flows through supabase-js (tests/journeys): the real gateway, PostgREST's SQL replayed.
    const result = run(process.execPath, ["scripts/test-journeys.mjs"], { env: { ...process.env, ATAS_TEST_DB_URL: dbUrl({ port: pg15.port }) } });
    const line = /(\d+) passed, (\d+) failed\s*$/.exec(result.stdout ?? "");
    if (!line) return { failed: 1, note: `test:journeys exited ${result.status} without its closing line` };
    return { passed: Number(line[1]), failed: Number(line[2]) + (result.status === 0 || Number(line[2]) > 0 ? 0 : 1) };
  });
} finally {
  pg15?.stop();
}

await stage("postgres17", async () => {
  // Hosted projects run Postgres 17: the same base, migrations and seed, then the pgTAP suite
  // (pgTAP's SQL from the Debian package, installed into the embedded 17's extension folder).
  // pg_cron is not in the embedded 17 binaries: the migrations skip their schedules there, and the
  // files that assert the schedules themselves (they read `cron.job`) are left to the 15 stage.
  console.log("[test] replaying base, migrations (Supabase CLI) and seed on Postgres 17, then pgTAP");
  const pg17 = await startThrowawayCluster({ major: 17, label: "replay", build: "full" });
  try {
    const dir = path.join(projectRoot, "supabase/migrations");
    const migrations = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).length : 0;
    const all = pgTapFiles();
    const needsCron = (f) => /\bcron\.(job|schedule|unschedule)\b/i.test(fs.readFileSync(path.join(projectRoot, f), "utf8"));
    const files = all.filter((f) => !needsCron(f));
    const result = run("pg_prove", ["-h", "127.0.0.1", "-p", String(pg17.port), "-U", "postgres", "-d", "postgres", "--failures", ...files], {
      env: { ...process.env, PGPASSWORD: "postgres", PGOPTIONS: "--client-min-messages=warning" },
    });
    const tests = Number(/Tests=(\d+)/.exec(result.stdout)?.[1] ?? 0);
    const failedTests = [...result.stdout.matchAll(/Failed (\d+)\/\d+ subtests/g)].reduce((n, m) => n + Number(m[1]), 0);
    const failed = result.status === 0 && tests > 0 ? 0 : Math.max(failedTests, 1);
    return { passed: tests - failedTests, failed,
      note: `${migrations} migrations + seed on ${pg17.major}; ${files.length} pgTAP files (${all.length - files.length} pg_cron schedule files left to 15)` };
  } finally {
    pg17.stop();
  }
});

// ── security (full run: `npm run test:security`) ─────────────────────────────────────────────────
// Every mutant (narrowing and widening, each killed only by a failing pgTAP assertion), the JWT
// and fuzz suites, and schemathesis per role, each on its own throwaway database.
await stage("security", () => {
  const report = path.join(projectRoot, ".local", "security-report.json");
  fs.rmSync(report, { force: true });
  // A stratified sample of the mutants (every kind, about 120 of ~360) keeps `npm test` in its time
  // budget on two cores; `npm run test:security` runs them all (bench-results/mutation-latest.json).
  const result = run(process.execPath, ["scripts/test-security.mjs", "--sample", "120", "--json", report], { stdio: ["ignore", "inherit", "inherit"] });
  const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null;
  const m = summary?.mutation;
  const st = summary?.schemathesis;
  const survivors = (m?.survived ?? 0) + (m?.errors ?? 0);
  const httpFailed = summary?.http?.failed ?? 1;
  const stFailed = st ? st.failures + st.serverErrors.length + st.changedOn4xx.length : 1;
  const passed = (m?.killed ?? 0) + (summary?.http?.passed ?? 0) + (st ? st.runs.length - st.runs.filter((r) => r.failures !== 0).length : 0);
  const failed = result.status === 0 ? 0 : Math.max(1, survivors + httpFailed + stFailed);
  return { passed, failed, note: `${m?.ran ?? 0} mutants, ${m?.killed ?? 0} killed, ${m?.survived ?? 0} survived, ${m?.errors ?? 0} harness errors; `
    + `JWT+fuzz ${summary?.http?.passed ?? 0} passed; schemathesis ${st?.requests ?? 0} requests, ${st?.failures ?? "?"} check failures, `
    + `${st?.serverErrors.length ?? "?"} 5xx, ${st?.changedOn4xx.length ?? "?"} rows changed on 4xx` };
});

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log("\n[test] summary");
for (const r of results) console.log(`  ${r.failed === 0 ? "ok  " : "FAIL"} ${r.stage.padEnd(11)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${r.note}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
