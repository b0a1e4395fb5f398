// `npm run test:security`: the security suites, each on its own throwaway database.
//  1. policy/trigger mutation: every RLS policy dropped and every trigger disabled in turn, the
//     pgTAP files naming its table rerun; every mutant no test kills is listed (target: none)
//  2. JWT suite and malformed-input fuzz against every declared function over real HTTP
//     (vitest, tests/security/*.security.ts, its own database and functions gateway)
//   node scripts/test-security.mjs [--sample N] [--mutants name,name] [--only mutation|http] [--json path]
// `--sample N` runs every k-th mutant so that about N run (what `npm test` does to stay fast).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runSql } from "./lib/bench/build.mjs";
import { binOf, projectRoot } from "./lib/paths.mjs";
import { listMutants, pgTapFiles, runMutation } from "./lib/security/mutation.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const sample = arg("--sample") ? Number(arg("--sample")) : null;
const only = arg("--only");
const jsonOut = arg("--json") ?? path.join(projectRoot, ".local/security-report.json");
const t0 = Date.now();
const log = (line) => console.log(`[security ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${line}`);
const summary = { mutation: null, http: null };
let failed = 0;

if (!only || only === "mutation") {
  log("building a throwaway database (base, migrations via the Supabase CLI, seed, test helpers) for mutation testing");
  const cluster = await startThrowawayCluster({ major: 15, label: "mutation" });
  try {
    const sql = (text) => runSql({ port: cluster.port, sql: text });
    const files = pgTapFiles();
    let mutants = await listMutants({ sql });
    const total = mutants.length;
    const named = arg("--mutants")?.split(",").map((n) => n.trim());
    if (named) mutants = mutants.filter((m) => named.includes(m.name));
    if (sample && sample < total) {
      const step = Math.ceil(total / sample);
      mutants = mutants.filter((_, i) => i % step === 0);
    }
    log(`${total} mutants (${mutants.filter((m) => m.kind === "policy").length} policies, ${mutants.filter((m) => m.kind === "trigger").length} triggers in this run${sample ? `, a sample of every ${Math.ceil(total / sample)}th` : ""}); ${files.length} pgTAP files; 2 workers`);
    const { baseline, results } = await runMutation({ port: cluster.port, sql, mutants, files, workers: 2, log });
    const survivors = results.filter((r) => r.killedBy.length === 0);
    summary.mutation = { total, ran: results.length, killed: results.length - survivors.length, survivors: survivors.map((s) => ({ ...s.mutant, filesRun: s.ran })), baseline,
      seconds: Math.round((Date.now() - t0) / 1000) };
    log(`mutation: ${results.length - survivors.length}/${results.length} killed, ${survivors.length} survived`);
    for (const s of survivors) log(`  survivor: ${s.mutant.kind} ${s.mutant.schema}.${s.mutant.table}: ${s.mutant.name} (${s.ran} files ran)`);
    if (baseline.broken.length) {
      log(`  ${baseline.broken.length} pgTAP file(s) do not pass inside one transaction and were not used:`);
      for (const b of baseline.broken) log(`    ${b.file}: ${b.failure}`);
    }
    failed += survivors.length;
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

fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
fs.writeFileSync(jsonOut, `${JSON.stringify(summary, null, 2)}\n`);
log(`report: ${path.relative(projectRoot, jsonOut)}; ${failed === 0 ? "all green" : `${failed} failure(s)`}`);
process.exit(failed === 0 ? 0 : 1);
