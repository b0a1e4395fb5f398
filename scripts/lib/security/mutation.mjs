// Mutation testing of the database's security rules. Each mutant is one change to one rule:
//   narrowing  policy-drop      an RLS policy dropped
//              trigger-disable  a guard/audit trigger disabled
//   widening   policy-using     a policy's USING replaced by (true)
//              policy-check     a policy's WITH CHECK replaced by (true)
//              helper-true      a boolean `private.*` helper replaced by `select true`
//              column-grant     an extra column privilege granted to anon/authenticated
//              function-check   one check removed from a SQL function body (capacity, state, …)
// A mutant is applied as the OWNER of the object (psql as the superuser, `set local role <owner>`,
// ON_ERROR_STOP=1), then checked in the catalog (pg_policy, pg_trigger.tgenabled, pg_proc.prosrc,
// has_column_privilege); a mutant that does not apply or does not show in the catalog is an ERROR
// of the harness, never a kill. The pgTAP files that concern the mutant then run, each between a
// savepoint and a rollback to it inside the one outer transaction holding the mutant (rolled back
// at the end, so the database never changes), as `postgres` (session authorization), as pg_prove
// would run them. A mutant is KILLED only by a pgTAP assertion that fails (`not ok` in the TAP
// output): errors, aborted transactions and plan mismatches are recorded but kill nothing.
// Workers run on copies of the database (CREATE DATABASE … TEMPLATE): a mutant's DDL locks its
// table until rollback.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { SUPERUSER } from "../cluster.mjs";
import { projectRoot } from "../paths.mjs";

const TESTS_DIR = path.join(projectRoot, "supabase/tests");

export const KINDS = ["policy-drop", "trigger-disable", "policy-using", "policy-check", "helper-true", "column-grant", "function-check"];

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
    const child = spawn("psql", ["-X", "-q", "-t", "-A", "-h", "127.0.0.1", "-p", String(port), "-U", SUPERUSER, "-d", database], {
      env: { ...process.env, PGPASSWORD: "postgres", PGOPTIONS: "--client-min-messages=warning" },
    });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    child.on("close", (code) => resolve({ out, code }));
    child.stdin.end(script);
  });
}

const MARK = "@@pgtap-file ";
const APPLIED = "@@mutant-applied";
const lit = (s) => `'${String(s).replaceAll("'", "''")}'`;
const q = (s) => `"${String(s).replaceAll('"', '""')}"`;

/** What one file's TAP output says: failed assertions (kills), errors (not kills), ok count. */
export function parseTap(text) {
  const lines = text.split("\n");
  const notOk = lines.filter((l) => /^not ok\b/.test(l) && !/#\s*TODO/i.test(l)).map((l) => l.trim());
  const errors = lines.filter((l) => /ERROR:|^# Looks like you planned|^# No tests run/.test(l)).map((l) => l.trim());
  const ok = lines.filter((l) => /^ok\b/.test(l)).length;
  return { notOk, errors, ok };
}

/**
 * Runs files after `mutant` (if any) in one transaction. Returns { applied, error, files: Map(file → parseTap) }.
 * `applied` is false (with the psql output in `error`) when the mutant's DDL or its catalog check failed.
 */
export async function runFiles({ port, database, files, mutant = null }) {
  const parts = ["\\set ON_ERROR_STOP 1", "begin;"];
  if (mutant) {
    parts.push(`set local role ${q(mutant.owner)};`, `${mutant.mutation};`, "reset role;",
      `do $check$ begin if not (${mutant.check}) then raise exception 'mutant % is not in the catalog after its DDL', ${lit(mutant.id)}; end if; end $check$;`);
  }
  // The files run as `postgres` (the project owner, as pg_prove runs them), not as the superuser,
  // with postgres's own role settings (search_path with `extensions`, where pgTAP lives).
  parts.push("set local session authorization postgres;",
    `do $settings$ declare setting text; begin
       for setting in select unnest(setconfig) from pg_db_role_setting where setrole = 'postgres'::regrole and setdatabase in (0, (select oid from pg_database where datname = current_database())) loop
         perform set_config(split_part(setting, '=', 1), substr(setting, strpos(setting, '=') + 1), true);
       end loop; end $settings$;`,
    `\\echo ${APPLIED}`, "\\set ON_ERROR_STOP 0");
  for (const f of files) {
    parts.push(`\\echo ${MARK}${f.file}`, "savepoint pgtap_file;", bodyOf(f.text), "rollback to savepoint pgtap_file;");
  }
  parts.push(`\\echo ${MARK}end`, "rollback;");
  const { out } = await psqlScript({ port, database, script: parts.join("\n") });
  const appliedAt = out.indexOf(APPLIED);
  if (appliedAt < 0) return { applied: false, error: out.slice(0, 600).trim(), files: new Map() };
  const results = new Map();
  for (const chunk of out.slice(appliedAt).split(MARK).slice(1)) {
    const nl = chunk.indexOf("\n");
    const file = chunk.slice(0, nl).trim();
    if (file === "end") continue;
    results.set(file, parseTap(chunk.slice(nl + 1)));
  }
  return { applied: true, error: null, files: results };
}

// Hand-picked checks in SQL function bodies: the rule's text and what it becomes without the rule.
// `tables` chooses the pgTAP files to run. A pattern that no longer matches is a harness error.
const FUNCTION_CHECKS = [
  { fn: "private.register_for_event(uuid,uuid,timestamptz)", name: "capacity",
    find: "if e.max_participant is not null", replace: "if false and e.max_participant is not null", tables: ["event_participants", "registrations"] },
  { fn: "private.register_for_event(uuid,uuid,timestamptz)", name: "event state",
    find: "when e.status <> 'published' then", replace: "when false then", tables: ["event_participants", "registrations"] },
  { fn: "private.register_for_event(uuid,uuid,timestamptz)", name: "registration open",
    find: "when e.registration_status <> 'opened' then", replace: "when false then", tables: ["event_participants", "registrations"] },
  { fn: "private.register_for_event(uuid,uuid,timestamptz)", name: "active account",
    find: "and u.status = 'active' and u.deleted_at is null", replace: "", tables: ["event_participants", "registrations"] },
  { fn: "private.guard_event_status()", name: "status transitions",
    find: "if (old.status::text || '>' || new.status::text) <> all", replace: "if false and (old.status::text || '>' || new.status::text) <> all", tables: ["events"] },
  { fn: "private.guard_participant_status()", name: "status transitions",
    find: "elsif new.status is distinct from old.status", replace: "elsif false and new.status is distinct from old.status", tables: ["event_participants"] },
  { fn: "private.limit_event_categories()", name: "at most three",
    find: ">= 3 then", replace: ">= 3000 then", tables: ["event_categories"] },
  { fn: "private.limit_profile_tags()", name: "at most three",
    find: ">= 3 then", replace: ">= 3000 then", tables: ["profile_tags"] },
  { fn: "private.guard_user_status()", name: "status transitions",
    find: "if (old.status::text || '>' || new.status::text) <> all", replace: "if false and (old.status::text || '>' || new.status::text) <> all", tables: ["users"] },
  { fn: "private.check_review_rules()", name: "review window (insert)",
    find: "if pg_catalog.now() >= closes_at then", replace: "if false then", tables: ["reviews"] },
  { fn: "private.check_review_rules()", name: "allowed pairs",
    find: "if reviewee_side is null or not private.review_pair_is_allowed(reviewer_side, reviewee_side) then", replace: "if reviewee_side is null then", tables: ["reviews"] },
  { fn: "private.check_review_rules()", name: "author only edits",
    find: "if caller is not null and caller <> old.reviewer_id then", replace: "if false then", tables: ["reviews"] },
];

// Columns whose extra grant would be noise, not a leak: keys and bookkeeping timestamps.
const GRANT_NOISE = new Set(["id", "created_at", "updated_at", "search_vector", "search_tags"]);

export async function listMutants({ sql }) {
  const json = async (text) => JSON.parse(await sql(text));
  const mutants = [];
  const uncalled = [];
  const add = (m) => mutants.push({ ...m, id: `${m.kind} ${m.target}` });

  const policies = await json(`select coalesce(json_agg(json_build_object('schema', n.nspname, 'table', c.relname, 'name', p.polname,
      'owner', pg_get_userbyid(c.relowner), 'hasUsing', p.polqual is not null, 'hasCheck', p.polwithcheck is not null,
      'usingText', pg_get_expr(p.polqual, p.polrelid), 'checkText', pg_get_expr(p.polwithcheck, p.polrelid))
    order by n.nspname, c.relname, p.polname), '[]')
    from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('public', 'storage')`);
  for (const p of policies) {
    const rel = `${q(p.schema)}.${q(p.table)}`;
    const polCheck = (expr) => `exists (select 1 from pg_policy where polrelid = ${lit(rel)}::regclass and polname = ${lit(p.name)} and ${expr})`;
    const base = { schema: p.schema, table: p.table, name: p.name, owner: p.owner, tables: [p.table], target: `${p.schema}.${p.table}: ${p.name}` };
    add({ ...base, kind: "policy-drop", mutation: `drop policy ${q(p.name)} on ${rel}`, check: `not ${polCheck("true")}` });
    // Widening: the policy lets every row through. An UPDATE/ALL policy whose USING and WITH CHECK
    // say the same is opened on both at once (opening one alone is held by the other: an
    // equivalent mutant, not a gap); where they differ, each is opened on its own too.
    const opens = [];
    if (p.hasUsing && p.usingText !== "true") opens.push("using");
    if (p.hasCheck && p.checkText !== "true") opens.push("check");
    const both = opens.length === 2;
    if (opens.includes("using") && (!both || p.usingText !== p.checkText)) {
      add({ ...base, kind: "policy-using", target: `${base.target} (using)`, mutation: `alter policy ${q(p.name)} on ${rel} using (true)`,
        check: polCheck("pg_get_expr(polqual, polrelid) = 'true'") });
    }
    if (opens.includes("check") && (!both || p.usingText !== p.checkText)) {
      add({ ...base, kind: "policy-check", target: `${base.target} (with check)`, mutation: `alter policy ${q(p.name)} on ${rel} with check (true)`,
        check: polCheck("pg_get_expr(polwithcheck, polrelid) = 'true'") });
    }
    if (both) {
      add({ ...base, kind: "policy-using", target: `${base.target} (using and with check)`,
        mutation: `alter policy ${q(p.name)} on ${rel} using (true) with check (true)`,
        check: polCheck("pg_get_expr(polqual, polrelid) = 'true' and pg_get_expr(polwithcheck, polrelid) = 'true'") });
    }
  }

  const triggers = await json(`select coalesce(json_agg(json_build_object('schema', n.nspname, 'table', c.relname, 'name', t.tgname,
      'fn', t.tgfoid::regproc::text, 'owner', pg_get_userbyid(c.relowner))
    order by n.nspname, c.relname, t.tgname), '[]')
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_proc f on f.oid = t.tgfoid join pg_namespace fn on fn.oid = f.pronamespace
    where not t.tgisinternal and t.tgenabled <> 'D' and n.nspname in ('public', 'storage', 'auth')
      -- the platform's own storage triggers (Supabase Storage's schema, sql/platform) are not ours to test
      and fn.nspname <> 'storage'`);
  for (const t of triggers) {
    const rel = `${q(t.schema)}.${q(t.table)}`;
    add({ kind: "trigger-disable", schema: t.schema, table: t.table, name: t.name, fn: t.fn, owner: t.owner, tables: [t.table],
      target: `${t.schema}.${t.table}: ${t.name}`,
      mutation: `alter table ${rel} disable trigger ${q(t.name)}`,
      check: `(select tgenabled from pg_trigger where tgrelid = ${lit(rel)}::regclass and tgname = ${lit(t.name)}) = 'D'` });
  }

  // Boolean helpers in `private`: each replaced by `select true`; the files of every table whose
  // policies (or other helpers' bodies) call it run.
  const helpers = await json(`select coalesce(json_agg(json_build_object('name', p.proname, 'args', pg_get_function_arguments(p.oid),
      'identity', pg_get_function_identity_arguments(p.oid), 'owner', pg_get_userbyid(p.proowner), 'oid', p.oid::int) order by p.proname), '[]')
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'private' and p.prorettype = 'boolean'::regtype and p.prokind = 'f'`);
  // Who calls what: function bodies, policy expressions, trigger functions, check constraints. A helper's tables are
  // those whose policies or triggers reach it, directly or through other functions.
  const bodies = await json(`select coalesce(json_agg(json_build_object('name', p.proname, 'src', p.prosrc)), '[]')
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname not in ('pg_catalog', 'information_schema', 'extensions') and p.prolang <> 13`);
  const users = await json(`select coalesce(json_agg(json_build_object('table', u.relname, 'text', u.text)), '[]') from (
      select c.relname, coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') || ' ' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '') as text
      from pg_policy pol join pg_class c on c.oid = pol.polrelid
      union all
      select c.relname, tf.proname || '(' from pg_trigger tg join pg_class c on c.oid = tg.tgrelid join pg_proc tf on tf.oid = tg.tgfoid
      where not tg.tgisinternal
      union all
      select c.relname, pg_get_constraintdef(con.oid) from pg_constraint con join pg_class c on c.oid = con.conrelid where con.contype = 'c') u`);
  const calls = (text, name) => new RegExp(`\\b${name}\\(`).test(text);
  for (const h of helpers) {
    const reach = new Set([h.name]);
    for (let grew = true; grew;) {
      grew = false;
      for (const b of bodies) {
        if (!reach.has(b.name) && [...reach].some((r) => calls(b.src, r))) { reach.add(b.name); grew = true; }
      }
    }
    h.tables = [...new Set(users.filter((u) => [...reach].some((r) => calls(u.text, r))).map((u) => u.table))].sort();
    h.called = h.tables.length > 0 || bodies.some((b) => b.name !== h.name && calls(b.src, h.name));
  }
  // A helper nothing calls cannot change any outcome: it is listed (uncalled), not mutated.
  for (const h of helpers.filter((h) => !h.called)) uncalled.push(`private.${h.name}(${h.identity})`);
  for (const h of helpers.filter((h) => h.called)) {
    add({ kind: "helper-true", schema: "private", table: h.tables[0] ?? null, name: h.name, owner: h.owner, tables: h.tables, fn: `private.${h.name}`,
      target: `private.${h.name}(${h.identity})`,
      mutation: `create or replace function private.${q(h.name)}(${h.args}) returns boolean language sql as 'select true'`,
      check: `(select prosrc from pg_proc where oid = ${h.oid}) = 'select true'` });
  }

  // Extra column grants: a column anon/authenticated may not read (or update) on a table where it
  // may read (update) others — the shape of a column-privacy rule — granted to it.
  const columns = await json(`select coalesce(json_agg(json_build_object('table', c.relname, 'column', a.attname, 'role', r.role,
      'privilege', pr.privilege, 'owner', pg_get_userbyid(c.relowner)) order by c.relname, a.attnum, r.role, pr.privilege), '[]')
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    cross join (values ('anon'), ('authenticated')) r(role) cross join (values ('SELECT'), ('UPDATE')) pr(privilege)
    where n.nspname = 'public' and c.relkind = 'r'
      and not has_column_privilege(r.role, c.oid, a.attname, pr.privilege)
      and has_any_column_privilege(r.role, c.oid, pr.privilege)`);
  for (const c of columns.filter((c) => !GRANT_NOISE.has(c.column))) {
    add({ kind: "column-grant", schema: "public", table: c.table, name: `${c.privilege} (${c.column}) to ${c.role}`, owner: c.owner, tables: [c.table],
      target: `public.${c.table}.${c.column}: ${c.privilege} to ${c.role}`,
      mutation: `grant ${c.privilege.toLowerCase()} (${q(c.column)}) on public.${q(c.table)} to ${c.role}`,
      check: `has_column_privilege(${lit(c.role)}, 'public.${q(c.table)}', ${lit(c.column)}, ${lit(c.privilege)})` });
  }

  // Removed checks in function bodies.
  for (const f of FUNCTION_CHECKS) {
    const [row] = await json(`select coalesce(json_agg(json_build_object('def', pg_get_functiondef(p.oid), 'src', p.prosrc,
        'owner', pg_get_userbyid(p.proowner), 'oid', p.oid::int)), '[]') from pg_proc p where p.oid = to_regprocedure(${lit(f.fn)})`);
    const target = `${f.fn}: ${f.name}`;
    const base = { kind: "function-check", schema: "private", table: f.tables[0], name: f.name, fn: f.fn.replace(/\(.*$/, ""), tables: f.tables, target };
    const mutatedSrc = row ? row.src.replace(f.find, f.replace) : null;
    if (!row || mutatedSrc === row.src) {
      // The rule's text moved: a harness error (named), not a silent skip.
      add({ ...base, owner: "postgres", mutation: "select 1", check: "false", broken: row ? "pattern not found in the body" : "function not found" });
      continue;
    }
    const def = row.def.replace(row.src, mutatedSrc);
    add({ ...base, owner: row.owner, mutation: def.replace(/;?\s*$/, ""),
      check: `md5((select prosrc from pg_proc where oid = ${row.oid})) = ${lit(md5Hex(mutatedSrc))}` });
  }
  mutants.uncalled = uncalled;
  return mutants;
}

function md5Hex(text) {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/**
 * The files that concern a mutant, in two tiers: first the files of its tables' folders (their
 * matrices, usually enough to kill it), then the other files that touch one of its tables in SQL
 * (`from`/`join`/`update`/`into`/`on` the table) or name its policy, trigger or function.
 */
export function filesFor(mutant, files) {
  const tables = mutant.tables ?? [];
  // Column grants are specified table by table in column_escalation/ as well as in the tables' folders.
  const folders = mutant.kind === "column-grant" ? [...tables, "column_escalation"] : tables;
  const inFolder = (f) => folders.some((t) => f.file.includes(`/${t}/`));
  // Table-driven files name their tables as literals (`format('… public.%I …', tbl)` over a values
  // list, e.g. taxonomies/ for categories, skills and tags): a quoted name counts as touching it.
  const touches = tables.flatMap((t) => [
    new RegExp(`\\b(from|join|update|into|on|table)\\s+(only\\s+)?(public\\.|storage\\.|auth\\.)?"?${t}\\b`, "i"),
    new RegExp(`'${t}'`),
  ]);
  const fn = mutant.fn ? mutant.fn.replace(/^.*\./, "") : null;
  let first = files.filter(inFolder);
  let second = files.filter((f) => !inFolder(f) && (touches.some((w) => w.test(f.text))
    || (mutant.kind !== "column-grant" && mutant.name.length > 8 && f.text.includes(mutant.name)) || (fn && f.text.includes(fn))));
  if (mutant.kind === "helper-true" && first.length > 12) {
    // A helper behind many tables' policies: their permission matrices first (one file per table).
    const matrices = first.filter((f) => f.file.includes("/rls_matrix_"));
    second = [...first.filter((f) => !matrices.includes(f)), ...second];
    first = matrices;
  }
  return [first, second].filter((tier) => tier.length);
}

function verdictOf(outcome) {
  const killedBy = [];
  const errors = [];
  for (const [file, tap] of outcome.files) {
    for (const assertion of tap.notOk) killedBy.push({ file, assertion });
    if (tap.errors.length) errors.push({ file, error: tap.errors[0] });
  }
  return { killedBy, errors };
}

/**
 * Runs every mutant on `workers` database copies.
 * Returns { baseline, results: [{ mutant, status: killed|survived|error, killedBy, errors, ran, seconds }] }.
 */
export async function runMutation({ port, sql, mutants, files, workers = 2, thorough = false, log = () => {} }) {
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
  const base = await runFiles({ port, database: databases[0], files });
  if (!base.applied) throw new Error(`The baseline run did not start: ${base.error}`);
  const clean = (f) => {
    const tap = base.files.get(f.file);
    return tap && tap.notOk.length === 0 && tap.errors.length === 0 && tap.ok > 0;
  };
  const passing = files.filter(clean);
  const brokenBaseline = files.filter((f) => !clean(f)).map((f) => {
    const tap = base.files.get(f.file);
    return { file: f.file, failure: tap ? [...tap.notOk, ...tap.errors].slice(0, 3).join(" | ") || "no assertion ran" : "did not run" };
  });
  log(`baseline: ${passing.length}/${files.length} pgTAP files pass inside one transaction${brokenBaseline.length ? ` (not usable: ${brokenBaseline.map((b) => b.file).join(", ")})` : ""}`);
  const results = [];
  let next = 0;
  async function worker(database) {
    while (next < mutants.length) {
      const mutant = mutants[next++];
      const started = Date.now();
      if (mutant.broken) {
        results.push({ mutant, status: "error", killedBy: [], errors: [{ file: null, error: mutant.broken }], ran: 0, seconds: 0 });
        log(`ERROR    ${mutant.id}: ${mutant.broken}`);
        continue;
      }
      // Tier by tier, stopping at the first tier with a failed assertion; with `thorough`, a mutant
      // no tier kills gets every passing file before it is called a survivor.
      const tiers = filesFor(mutant, passing);
      if (thorough) tiers.push(passing.filter((f) => !tiers.flat().includes(f)));
      if (tiers.length === 0) tiers.push([]); // no file concerns it: still applied and checked, then a survivor
      let ran = 0;
      let verdict = { killedBy: [], errors: [] };
      let notApplied = null;
      for (const tier of tiers) {
        const outcome = await runFiles({ port, database, files: tier, mutant });
        if (!outcome.applied) {
          notApplied = outcome.error;
          break;
        }
        ran += tier.length;
        const tierVerdict = verdictOf(outcome);
        verdict = { killedBy: [...verdict.killedBy, ...tierVerdict.killedBy], errors: [...verdict.errors, ...tierVerdict.errors] };
        if (verdict.killedBy.length) break;
      }
      if (notApplied !== null) {
        results.push({ mutant, status: "error", killedBy: [], errors: [{ file: null, error: `did not apply: ${notApplied}` }], ran: 0, seconds: (Date.now() - started) / 1000 });
        log(`ERROR    ${mutant.id}: did not apply: ${notApplied.split("\n").find((l) => l.includes("ERROR")) ?? notApplied.slice(0, 200)}`);
        continue;
      }
      const status = verdict.killedBy.length ? "killed" : "survived";
      results.push({ mutant, status, ...verdict, ran, seconds: (Date.now() - started) / 1000 });
      log(`${status === "killed" ? "killed  " : "SURVIVED"} ${mutant.id} (${ran} files; ${verdict.killedBy.length} failed assertions${verdict.errors.length ? `, ${verdict.errors.length} file errors (no kill)` : ""})`);
    }
  }
  await Promise.all(databases.map((d) => worker(d)));
  for (const d of databases) await sql(`drop database if exists ${d} with (force)`);
  return { baseline: { files: files.length, passing: passing.length, broken: brokenBaseline }, results };
}
