// Policy/trigger mutation testing: for each RLS policy and each non-internal trigger, drop the
// policy (or disable the trigger) inside a transaction, run the pgTAP files that name its table,
// and call the mutant killed when a file that passes unmutated now fails. Every pgTAP file is
// `begin; … rollback;`; here its body runs between a savepoint and a rollback to it, all inside
// one outer transaction that holds the mutation and is rolled back at the end — so one psql
// session per mutant, and the database is never changed. Workers run on copies of the database
// (CREATE DATABASE … TEMPLATE) because a mutation's DDL locks its table until rollback.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.mjs";

const TESTS_DIR = path.join(projectRoot, "supabase/tests");

export function pgTapFiles() {
  return fs.readdirSync(TESTS_DIR, { recursive: true }).map(String).filter((f) => f.endsWith(".test.sql")).sort()
    .map((f) => ({ file: path.join("supabase/tests", f), text: fs.readFileSync(path.join(TESTS_DIR, f), "utf8") }));
}

/** A test file's statements without its own begin/rollback (they become a savepoint). */
function bodyOf(text) {
  const lines = text.split("\n");
  const first = lines.findIndex((l) => /^\s*begin\s*;\s*$/i.test(l));
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) if (/^\s*rollback\s*;\s*$/i.test(lines[i])) { last = i; break; }
  return lines.filter((_, i) => i !== first && i !== last).join("\n");
}

function psqlScript({ port, database, script }) {
  return new Promise((resolve) => {
    const child = spawn("psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=0", "-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database], {
      env: { ...process.env, PGPASSWORD: "postgres", PGOPTIONS: "--client-min-messages=warning" },
    });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    child.on("close", () => resolve(out));
    child.stdin.end(script);
  });
}

const MARK = "@@pgtap-file ";



/** Runs files (after `mutation`, in one transaction); returns Map(file → failure text or null). */
export async function runFiles({ port, database, files, mutation = "" }) {
  const parts = ["begin;", mutation ? `${mutation};` : ""];
  for (const f of files) {
    parts.push(`\\echo ${MARK}${f.file}`, "savepoint pgtap_file;", bodyOf(f.text), "rollback to savepoint pgtap_file;");
  }
  parts.push(`\\echo ${MARK}end`, "rollback;");
  const out = await psqlScript({ port, database, script: parts.join("\n") });
  const results = new Map();
  const chunks = out.split(MARK).slice(1);
  for (const chunk of chunks) {
    const nl = chunk.indexOf("\n");
    const file = chunk.slice(0, nl).trim();
    if (file === "end") continue;
    const text = chunk.slice(nl + 1);
    const failures = text.split("\n").filter((l) => /^not ok\b|ERROR:|# Looks like you/.test(l));
    results.set(file, failures.length ? failures.slice(0, 3).join(" | ") : null);
  }
  if (mutation && !out.includes(`${MARK}${files[0]?.file}`)) {
    // The mutation itself failed: nothing ran.
    for (const f of files) results.set(f.file, `mutation did not apply: ${out.slice(0, 300)}`);
  }
  return results;
}

export async function listMutants({ sql }) {
  const policies = JSON.parse(await sql(`select coalesce(json_agg(json_build_object('schema', schemaname, 'table', tablename, 'name', policyname)
    order by schemaname, tablename, policyname), '[]') from pg_policies where schemaname in ('public', 'storage')`));
  const triggers = JSON.parse(await sql(`select coalesce(json_agg(json_build_object('schema', n.nspname, 'table', c.relname, 'name', t.tgname,
      'fn', t.tgfoid::regproc::text)
    order by n.nspname, c.relname, t.tgname), '[]')
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_proc f on f.oid = t.tgfoid join pg_namespace fn on fn.oid = f.pronamespace
    where not t.tgisinternal and n.nspname in ('public', 'storage', 'auth')
      -- the platform's own storage triggers (Supabase Storage's schema, sql/platform) are not ours to test
      and fn.nspname <> 'storage'`));
  const q = (s) => `"${s.replaceAll('"', '""')}"`;
  return [
    ...policies.map((p) => ({ kind: "policy", ...p, mutation: `drop policy ${q(p.name)} on ${q(p.schema)}.${q(p.table)}` })),
    ...triggers.map((t) => ({ kind: "trigger", ...t, mutation: `alter table ${q(t.schema)}.${q(t.table)} disable trigger ${q(t.name)}` })),
  ];
}

/** Files that name the mutant's table (as a word), its policy/trigger or trigger function, or live in its folder. */
export function filesFor(mutant, files) {
  const word = new RegExp(`\\b${mutant.table}\\b`, "i");
  const fn = mutant.fn ? mutant.fn.replace(/^.*\./, "") : null;
  return files.filter((f) => f.file.includes(`/${mutant.table}/`) || word.test(f.text) || f.text.includes(mutant.name)
    || (fn && f.text.includes(fn)));
}

/**
 * Runs every mutant on `workers` database copies. Returns { baseline, results: [{mutant, killedBy, ran}] }.
 */
export async function runMutation({ port, sql, mutants, files, workers = 2, log = () => {} }) {
  const databases = [];
  for (let i = 0; i < workers; i++) {
    const name = `mutation_${i}`;
    await sql(`drop database if exists ${name}`);
    // pg_cron's launcher keeps a session on `postgres`; end it right before copying (it restarts).
    for (let attempt = 1; ; attempt++) {
      await sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'postgres' and pid <> pg_backend_pid()");
      try {
        await sql(`create database ${name} template postgres`);
        break;
      } catch (error) {
        if (attempt >= 20 || !String(error).includes("being accessed by other users")) throw error;
      }
    }
    databases.push(name);
  }
  const baselineResults = await runFiles({ port, database: databases[0], files });
  const passing = files.filter((f) => baselineResults.get(f.file) === null);
  const brokenBaseline = files.filter((f) => baselineResults.get(f.file) !== null).map((f) => ({ file: f.file, failure: baselineResults.get(f.file) }));
  log(`baseline: ${passing.length}/${files.length} pgTAP files pass inside one transaction${brokenBaseline.length ? ` (not usable: ${brokenBaseline.map((b) => b.file).join(", ")})` : ""}`);
  const results = [];
  let next = 0;
  async function worker(database) {
    while (next < mutants.length) {
      const mutant = mutants[next++];
      const relevant = filesFor(mutant, passing);
      const started = Date.now();
      let ran = relevant;
      let outcome = relevant.length ? await runFiles({ port, database, files: relevant, mutation: mutant.mutation }) : new Map();
      let killedBy = [...outcome.entries()].filter(([, failure]) => failure !== null).map(([file, failure]) => ({ file, failure }));
      if (killedBy.length === 0 && relevant.length < passing.length) {
        // Not killed by the files naming its table: before calling it a survivor, run them all.
        ran = passing;
        outcome = await runFiles({ port, database, files: passing, mutation: mutant.mutation });
        killedBy = [...outcome.entries()].filter(([, failure]) => failure !== null).map(([file, failure]) => ({ file, failure }));
      }
      results.push({ mutant, ran: ran.length, killedBy, seconds: (Date.now() - started) / 1000 });
      log(`${killedBy.length ? "killed  " : "SURVIVED"} ${mutant.kind} ${mutant.schema}.${mutant.table}: ${mutant.name} (${ran.length} files, ${killedBy.length} failing)`);
    }
  }
  await Promise.all(databases.map((d) => worker(d)));
  for (const d of databases) await sql(`drop database if exists ${d} with (force)`);
  return { baseline: { files: files.length, passing: passing.length, broken: brokenBaseline }, results };
}
