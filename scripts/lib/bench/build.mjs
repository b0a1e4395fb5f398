// Builds the benchmark data set on a throwaway cluster with set-based SQL (sql/bench/0*.sql), as
// the cluster superuser with triggers off (session_replication_role = replica): the rows the
// triggers would write (profiles, organizer rows, owner rows, counts, ratings) are written by the
// same SQL. Parallel parts of a step run as separate sessions at once.
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { SUPERUSER } from "../cluster.mjs";
import { projectRoot } from "../paths.mjs";

const dir = path.join(projectRoot, "sql/bench");

export const BUILD_STEPS = [
  { file: "00_prepare.sql", label: "helpers; set aside secondary indexes" },
  { file: "01_users.sql", label: "100,000 users (auth.users, users, profiles, onboardings, roles)" },
  { file: "02_organizations.sql", label: "1,000 organizations + memberships" },
  { file: "03_events.sql", label: "events (1,000,000 by default) + organizer rows", parts: 2 },
  { file: "04_participants.sql", label: "~2 audience participations per event", parts: 2 },
  { file: "05_social.sql", label: "500,000 follows, notifications, reviews", parts: 3 },
  { file: "06_counts.sql", label: "follower counts, review aggregates" },
  { file: "06_discovery_columns.sql", label: "badges, member counts, event search documents" },
  { file: "07_indexes.sql", label: "rebuild indexes and unique constraints", parts: 2 },
];

function psqlFile({ port, file, vars = {} }) {
  const args = ["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", SUPERUSER, "-d", "postgres",
    ...Object.entries(vars).flatMap(([k, v]) => ["-v", `${k}=${v}`]), "-f", file];
  return new Promise((resolve, reject) => {
    const child = spawn("psql", args, { env: { ...process.env, PGPASSWORD: "postgres", PGOPTIONS: "--client-min-messages=warning" } });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(file)} failed:\n${out.trim()}`))));
  });
}

export async function runSql({ port, sql }) {
  const args = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", SUPERUSER, "-d", "postgres", "-c", sql];
  return await new Promise((resolve, reject) => {
    const child = spawn("psql", args, { env: { ...process.env, PGPASSWORD: "postgres", PGOPTIONS: "--client-min-messages=warning" } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { err += d; });
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`SQL failed: ${err.trim()}\n${sql}`))));
  });
}

/** Settings for a bulk load on a throwaway cluster (durability off: the data is disposable). */
export async function tuneForBulkLoad({ port }) {
  for (const setting of ["fsync = off", "synchronous_commit = off", "full_page_writes = off", "max_wal_size = '8GB'",
    "checkpoint_timeout = '30min'", "maintenance_work_mem = '512MB'", "autovacuum = off"]) {
    await runSql({ port, sql: `alter system set ${setting}` });
  }
  await runSql({ port, sql: "select pg_reload_conf()" });
}

export async function buildDataset({ port, log, events = 1_000_000 }) {
  const timings = [];
  for (const step of BUILD_STEPS) {
    const started = Date.now();
    const file = path.join(dir, step.file);
    const parts = step.parts ?? 1;
    await Promise.all(Array.from({ length: parts }, (_, part) => psqlFile({ port, file, vars: { part, parts, events } })));
    const seconds = (Date.now() - started) / 1000;
    timings.push({ step: step.label, seconds, loadAverage: os.loadavg()[0] });
    log(`  ${step.file.padEnd(22)} ${seconds.toFixed(1).padStart(6)} s  ${step.label} (load average ${os.loadavg()[0].toFixed(1)})`);
  }
  const started = Date.now();
  await runSql({ port, sql: "vacuum (analyze) public.events, public.event_participants, public.follows, public.notifications, public.reviews, public.users, public.profiles, public.organizations, public.organization_members, public.user_roles, auth.users" });
  await runSql({ port, sql: "alter system set autovacuum = on" });
  await runSql({ port, sql: "select pg_reload_conf()" });
  const seconds = (Date.now() - started) / 1000;
  timings.push({ step: "vacuum analyze", seconds });
  log(`  ${"vacuum (analyze)".padEnd(22)} ${seconds.toFixed(1).padStart(6)} s  visibility maps and planner statistics`);
  return timings;
}

/** Row counts of the built data set, for the report. */
export async function datasetCounts({ port }) {
  const text = await runSql({ port, sql: `select json_build_object(
    'users', (select count(*) from public.users), 'auth_users', (select count(*) from auth.users),
    'organizations', (select count(*) from public.organizations), 'events', (select count(*) from public.events),
    'participations', (select count(*) from public.event_participants), 'follows', (select count(*) from public.follows),
    'notifications', (select count(*) from public.notifications), 'reviews', (select count(*) from public.reviews))` });
  return JSON.parse(text);
}
