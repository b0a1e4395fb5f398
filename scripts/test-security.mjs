// `npm run test:security`: the security suites, each on its own throwaway database.
//  1. mutation (scripts/lib/security/mutation.mjs): narrowing mutants (a policy dropped, a trigger
//     disabled) and widening ones (a policy's USING / WITH CHECK made true, a private helper
//     returning true, an extra column grant, a check removed from a SQL function), each applied
//     as its object's owner and checked in the catalog, then the pgTAP files of its tables; a
//     mutant is killed only by a failing pgTAP assertion (`killedBy` names file and assertion)
//  2. JWT suite and fuzz against every declared function over real HTTP
//     (vitest, tests/security/*.security.ts, its own database and functions gateway)
//  3. schemathesis (scripts/lib/security/schemathesis.mjs) against docs/api/openapi.json, per role
//   node scripts/test-security.mjs [--thorough] [--sample N] [--mutants "id;id"] [--kinds k,k] [--only mutation|http] [--json path] [--workers N]
// `--thorough` runs every pgTAP file on a mutant its own tables' files do not kill; `--sample N` runs every k-th mutant of each kind so that about N run (what `npm test` does to stay in its time budget); `--mutants` takes ids ("policy-drop public.events: name")
// or names. Exit 1 on any survivor, harness error or failing HTTP test.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runSql } from "./lib/bench/build.mjs";
import { binOf, projectRoot } from "./lib/paths.mjs";
import { KINDS, listMutants, pgTapFiles, runMutation } from "./lib/security/mutation.mjs";
import { runSchemathesisSuite } from "./lib/security/schemathesis.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";

const { values: args } = parseArgs({
  options: {
    sample: { type: "string" },
    mutants: { type: "string" },
    kinds: { type: "string" },
    only: { type: "string" },
    json: { type: "string" },
    workers: { type: "string", default: "2" },
    "st-examples": { type: "string", default: "4" },
    "st-max-time": { type: "string", default: "120" },
    thorough: { type: "boolean", default: false },
  },
  strict: true,
});
if (args.only && !["mutation", "http", "schemathesis"].includes(args.only)) throw new Error(`--only takes mutation, http or schemathesis, not "${args.only}"`);
const sample = args.sample ? Number(args.sample) : null;
if (sample !== null && !(sample > 0)) throw new Error(`--sample takes a positive number, not "${args.sample}"`);
const kinds = args.kinds ? args.kinds.split(",").map((k) => k.trim()) : null;
for (const k of kinds ?? []) if (!KINDS.includes(k)) throw new Error(`--kinds: unknown kind "${k}" (kinds: ${KINDS.join(", ")})`);
const only = args.only;
const jsonOut = args.json ?? path.join(projectRoot, ".local/security-report.json");
const t0 = Date.now();
const log = (line) => console.log(`[security ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}`);
const summary = { mutation: null, http: null, schemathesis: null };
let failed = 0;

const byKind = (list) => Object.fromEntries(KINDS.map((k) => [k, list.filter((r) => (r.mutant ?? r).kind === k).length]));

if (!only || only === "mutation") {
  log("building a throwaway database (base, migrations via the Supabase CLI, seed, test helpers) for mutation testing");
  const cluster = await startThrowawayCluster({ major: 15, label: "mutation" });
  try {
    const sql = (text) => runSql({ port: cluster.port, sql: text });
    const files = pgTapFiles();
    let mutants = await listMutants({ sql });
    const total = mutants.length;
    const uncalled = mutants.uncalled ?? [];
    if (uncalled.length) log(`not mutated (nothing calls them, so no mutant of them can change an outcome): ${uncalled.join(", ")}`);
    // ";"-separated: mutant ids and policy names contain commas.
    const named = args.mutants?.split(";").map((n) => n.trim());
    if (named) mutants = mutants.filter((m) => named.includes(m.id) || named.includes(m.name));
    if (kinds) mutants = mutants.filter((m) => kinds.includes(m.kind));
    if (sample && sample < mutants.length) {
      // Stratified: every k-th mutant of each kind, so that every kind stays in the run.
      const step = Math.ceil(mutants.length / sample);
      const seen = {};
      mutants = mutants.filter((m) => (seen[m.kind] = (seen[m.kind] ?? -1) + 1) % step === 0);
    }
    log(`${total} mutants; ${mutants.length} in this run ${JSON.stringify(byKind(mutants))}; ${files.length} pgTAP files; ${args.workers} workers`);
    const { baseline, results } = await runMutation({ port: cluster.port, sql, mutants, files, workers: Number(args.workers), thorough: args.thorough, log });
    const killed = results.filter((r) => r.status === "killed");
    const survivors = results.filter((r) => r.status === "survived");
    const errors = results.filter((r) => r.status === "error");
    const strip = ({ mutation, check, ...m }) => m;
    summary.mutation = {
      total, uncalledHelpers: uncalled, ran: results.length, killed: killed.length, survived: survivors.length, errors: errors.length,
      byKind: Object.fromEntries(KINDS.map((k) => [k, {
        ran: results.filter((r) => r.mutant.kind === k).length,
        killed: killed.filter((r) => r.mutant.kind === k).length,
        survived: survivors.filter((r) => r.mutant.kind === k).length,
        errors: errors.filter((r) => r.mutant.kind === k).length,
      }])),
      survivors: survivors.map((s) => ({ id: s.mutant.id, mutation: s.mutant.mutation, filesRun: s.ran, fileErrors: s.errors })),
      harnessErrors: errors.map((e) => ({ id: e.mutant.id, mutation: e.mutant.mutation, errors: e.errors })),
      // One failing assertion per file is enough to show what killed it.
      mutants: results.map((r) => ({ ...strip(r.mutant), status: r.status, filesRun: r.ran, seconds: r.seconds,
        killedBy: r.killedBy.filter((k, i, all) => all.findIndex((o) => o.file === k.file) === i) })),
      baseline,
      seconds: Math.round((Date.now() - t0) / 1000),
    };
    log(`mutation: ${killed.length}/${results.length} killed, ${survivors.length} survived, ${errors.length} harness errors`);
    for (const [k, v] of Object.entries(summary.mutation.byKind)) if (v.ran) log(`  ${k.padEnd(16)} ${v.killed}/${v.ran} killed, ${v.survived} survived, ${v.errors} errors`);
    for (const s of survivors) log(`  survivor: ${s.mutant.id} (${s.ran} files ran${s.errors.length ? `; errors, not kills: ${s.errors.map((e) => e.file).join(", ")}` : ""})`);
    for (const e of errors) log(`  harness error: ${e.mutant.id}: ${e.errors[0]?.error.split("\n").find((l) => l.includes("ERROR")) ?? e.errors[0]?.error}`);
    if (baseline.broken.length) {
      log(`  ${baseline.broken.length} pgTAP file(s) do not pass inside one transaction and were not used:`);
      for (const b of baseline.broken) log(`    ${b.file}: ${b.failure}`);
    }
    failed += survivors.length + errors.length;
  } finally {
    cluster.stop();
  }
}

if (!only || only === "http") {
  log("JWT suite and fuzz: vitest tests/security (own database, real Deno functions gateway)");
  const report = path.join(projectRoot, ".local/security-vitest.json");
  fs.mkdirSync(path.dirname(report), { recursive: true });
  const env = { ...process.env };
  delete env.ATAS_TEST_DB_URL;  // the fuzz compares table checksums: it needs a database of its own
  const result = spawnSync(binOf("vitest"), ["run", "--config", "vitest.security.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
    cwd: projectRoot, env, stdio: ["ignore", "inherit", "inherit"],
  });
  const vitest = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null;
  summary.http = vitest ? { passed: vitest.numPassedTests, failed: vitest.numFailedTests, exit: result.status } : { failed: 1, exit: result.status };
  failed += vitest ? vitest.numFailedTests + (result.status !== 0 && vitest.numFailedTests === 0 ? 1 : 0) : 1;
  log(`http suites: ${summary.http.passed ?? 0} passed, ${summary.http.failed} failed`);
}

if (!only || only === "schemathesis") {
  log("schemathesis (PyPI) against docs/api/openapi.json and the functions, as anon, a student, an organizer and an admin");
  const st = await runSchemathesisSuite({ examples: Number(args["st-examples"]), maxTime: Number(args["st-max-time"]), log });
  const failures = st.runs.reduce((n, r) => n + (r.failures ?? 1), 0);
  summary.schemathesis = { ...st, failures };
  log(`schemathesis: ${st.requests} requests ${JSON.stringify(st.byStatus)}; ${failures} check failures, ${st.serverErrors.length} server errors, ${st.changedOn4xx.length} 4xx answers that changed rows`);
  for (const e of st.serverErrors.slice(0, 20)) log(`  5xx: ${e}`);
  for (const c of st.changedOn4xx.slice(0, 20)) log(`  changed on 4xx: ${c}`);
  if (failures > 0) log(`  check failures are listed per role in .local/schemathesis/*.log`);
  // Every check counts: conformance (a schema-valid request refused, an undocumented status) as
  // much as 5xx answers and rows changed on a 4xx.
  failed += failures + st.serverErrors.length + st.changedOn4xx.length;
}

fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
fs.writeFileSync(jsonOut, `${JSON.stringify(summary, null, 2)}\n`);
log(`report: ${path.relative(projectRoot, jsonOut)}; ${failed === 0 ? "all green" : `${failed} failure(s)`}`);
process.exit(failed === 0 ? 0 : 1);
