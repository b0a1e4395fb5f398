// Where each bench workload's time goes, on a bench cluster kept by `node scripts/bench.mjs --keep`
// (or any cluster with the bench data): the workload's request statement once under RLS, as its
// API role, with EXPLAIN (ANALYZE, BUFFERS), and auto_explain printing the plans of the statements
// inside functions (my_feed, search_events, review helpers) with their own timings.
//   node scripts/bench-profile.mjs --port N [--only P1,reviews] [--out bench-results/profile.txt]
// pgbench variables of the workload scripts get fixed values (the middle of each random range).
import fs from "node:fs";
import path from "node:path";
import { parseOptions } from "./lib/args.mjs";
import { projectRoot } from "./lib/paths.mjs";

const opts = parseOptions({
  port: { type: "number", default: 0, min: 1, help: "the bench cluster's port (required)" },
  only: { type: "list", default: [], help: "workload script names without .sql (default all)" },
  out: { type: "string", default: "bench-results/profile.txt", help: "where to write the plans" },
}, { usage: "usage: node scripts/bench-profile.mjs --port N [options]" });
if (!opts.port) {
  console.error("--port is required (the port `node scripts/bench.mjs --keep` prints)");
  process.exit(2);
}

const dir = path.join(projectRoot, "sql/bench/workloads");
const roles = { p1_upcoming_events: "anon", search_events: "anon", search_events_common: "anon" };
const defaults = { lo: 90001, hi: 99990, status: "'published'", now: `'${new Date().toISOString()}'`, payload: `'{"page_size":20}'`, emax: 7141 };
const ranges = { p2_my_feed: { lo: 90001, hi: 90100 }, notifications_page: { lo: 90201, hi: 90300 } };
const scripts = fs.readdirSync(dir).filter((f) => f.endsWith(".sql") && !["p3_register.sql", "calibration.sql", "p1_upcoming_events_bypass.sql"].includes(f))
  .map((f) => f.replace(/\.sql$/, "")).filter((name) => opts.only.length === 0 || opts.only.includes(name));

const sections = [];
for (const name of scripts) {
  const role = roles[name] ?? "authenticated";
  const vars = { ...defaults, ...ranges[name], role: `'${role}'` };
  const text = fs.readFileSync(path.join(dir, `${name}.sql`), "utf8");
  // \set x random(a, b) → the middle; \set x expr → evaluated here with the known variables.
  for (const line of text.split("\n")) {
    const m = /^\\set (\w+) (.+)$/.exec(line.trim());
    if (!m) continue;
    const expr = m[2].replace(/:(\w+)/g, (_, v) => vars[v]).replace(/random\(([^,]+), ([^)]+)\)/g, (_, a, b) => `Math.floor((${a} + ${b}) / 2)`);
    vars[m[1]] = Function(`return (${expr})`)();
  }
  const statements = text.split("\n").filter((l) => !l.startsWith("--") && !l.startsWith("\\") && l.trim() !== "");
  const subst = (s) => s.replace(/:(\w+)/g, (whole, v) => (v in vars ? String(vars[v]) : whole));
  const setConfig = subst(statements.find((s) => s.startsWith("select set_config('search_path'")));
  const request = subst(statements.find((s) => s.startsWith("WITH ")));
  const sql = `
    load 'auto_explain';
    set auto_explain.log_min_duration = 0; set auto_explain.log_analyze = on; set auto_explain.log_buffers = on;
    set auto_explain.log_nested_statements = on; set auto_explain.log_level = notice; set client_min_messages = notice;
    begin;
    ${setConfig.replace(/, true\)/g, ", true)")}
    explain (analyze, buffers, costs off) ${request}
    rollback;`;
  try {
    const out = await runSqlWithNotices({ port: opts.port, sql });
    sections.push(`══ ${name} (as ${role}) ══\n${out}`);
  } catch (error) {
    sections.push(`══ ${name} (as ${role}) FAILED ══\n${error.message}`);
  }
  console.log(`profiled ${name}`);
}
const outFile = path.resolve(projectRoot, opts.out);
fs.writeFileSync(outFile, `${sections.join("\n\n")}\n`);
console.log(`wrote ${path.relative(projectRoot, outFile)}`);

async function runSqlWithNotices({ port, sql }) {
  const { spawn } = await import("node:child_process");
  const { SUPERUSER } = await import("./lib/cluster.mjs");
  return await new Promise((resolve, reject) => {
    const child = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", SUPERUSER, "-d", "postgres", "-c", sql],
      { env: { ...process.env, PGPASSWORD: "postgres" } });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(out.trim()))));
  });
}
