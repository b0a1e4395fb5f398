// The outside fuzzer: schemathesis (PyPI, pinned, in a project-local venv under .local/) against
// docs/api/openapi.json and the real functions gateway on a throwaway seeded database, once per
// role (real tokens minted through the access-token hook; the anon key), with real seed ids for
// the path parameters and every schemathesis check on. Between schemathesis and the gateway sits
// a small recording proxy: before and after each request it reads a change counter that row
// triggers on every table bump (test scaffolding installed in the throwaway database only), so a
// 4xx answer that changed a row is caught request by request. Sequential (one worker) so each
// change belongs to one request; pg_cron's schedules are paused (they change rows by the clock).
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import postgres from "postgres";
import { dbUrl } from "../database.mjs";
import { ANON_KEY, serviceEnv } from "../local-env.mjs";
import { projectRoot } from "../paths.mjs";
import { freePort } from "../ports.mjs";
import { startDenoService, startMailCatcher } from "../services.mjs";
import { startThrowawayCluster } from "../throwaway-cluster.mjs";
import { mintUserToken } from "../tokens.mjs";
import { runSql } from "../bench/build.mjs";
import { ensureSchemathesis, VENV } from "./schemathesis-install.mjs";

const ST = path.join(VENV, "bin/st");

const ROLES = [
  { name: "anon", email: null },
  { name: "student", email: "sam@atas.dev" },
  { name: "organizer", email: "olga@atas.dev" },
  { name: "admin", email: "aisha@atas.dev" },
];

const CHANGE_COUNTER = `
  create table if not exists tests.row_changes (id boolean primary key default true check (id), n bigint not null default 0);
  insert into tests.row_changes default values on conflict do nothing;
  create or replace function tests.count_row_change() returns trigger language plpgsql security definer set search_path = '' as $$
  begin
    update tests.row_changes set n = n + 1;
    return null;
  end $$;
  do $$ declare t record; begin
    for t in select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname in ('public', 'private', 'auth', 'storage') and not c.relispartition loop
      execute format('create trigger zz_count_row_change after insert or update or delete on %I.%I for each row execute function tests.count_row_change()', t.nspname, t.relname);
    end loop;
  end $$;
  do $$ begin if to_regclass('cron.job') is not null then update cron.job set active = false; end if; end $$;`;

function forward(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks = [];
      response.on("data", (c) => chunks.push(c));
      response.on("end", () => {
        const replyHeaders = Object.fromEntries(Object.entries(response.headers)
          .filter(([k]) => !["content-length", "transfer-encoding", "connection"].includes(k)));
        resolve({ status: response.statusCode ?? 502, raw: Buffer.concat(chunks), headers: replyHeaders });
      });
    });
    request.on("error", reject);
    if (body.length) request.write(body);
    request.end();
  });
}

/** A sequential proxy to the gateway: records status, the counter before/after, 5xx and 4xx-with-changes. */
function startRecordingProxy({ target, port, counter }) {
  const record = { requests: 0, byStatus: {}, serverErrors: [], changedOn4xx: [] };
  let queue = Promise.resolve();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      queue = queue.then(async () => {
        const before = await counter();
        const body = Buffer.concat(chunks);
        const headers = { ...req.headers };
        delete headers.host;
        let status = 502;
        let text = "";
        let raw = Buffer.alloc(0);
        let replyHeaders = {};
        try {
          // node:http, not fetch: any method (TRACE too) goes to the gateway as sent.
          // The body is passed on as bytes (it may be compressed); the log reads it only when plain.
          ({ status, raw, headers: replyHeaders } = await forward(`${target}${req.url}`, req.method, headers, body));
          text = replyHeaders["content-encoding"] ? `(${replyHeaders["content-encoding"]} body)` : raw.toString("utf8");
        } catch (error) {
          text = JSON.stringify({ error: { code: "proxy", message: String(error) } });
          raw = Buffer.from(text);
        }
        const after = await counter();
        record.requests++;
        record.byStatus[status] = (record.byStatus[status] ?? 0) + 1;
        const where = `${req.method} ${req.url} → ${status}`;
        if (status >= 500) record.serverErrors.push(`${where} ${text.slice(0, 200)}`);
        if (status >= 400 && after !== before) record.changedOn4xx.push(`${where}: ${after - before} row change(s) ${text.slice(0, 160)}`);
        res.writeHead(status, replyHeaders);
        res.end(raw);
      }).catch((error) => {
        res.writeHead(599);
        res.end(String(error));
      });
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve({ record, close: () => server.close() })));
}

function runSchemathesis({ url, token, role, examples, maxTime, configFile, reportDir }) {
  return new Promise((resolve) => {
    const args = ["--config-file", configFile, "run", path.join(projectRoot, "docs/api/openapi.json"), "--url", url,
      // Stateful scenarios are left out: their link inference took a 404 "no pending invitation"
      // for a created organization that was not found (a false positive), and they cost time.
      "--checks", "all", "--phases", "examples,coverage,fuzzing", "--max-examples", String(examples), "--workers", "1", "--seed", "20261204",
      "--max-time", String(maxTime), "--request-timeout", "20", "--suppress-health-check", "all",
      "--report", "junit", "--report-junit-path", path.join(reportDir, `schemathesis-${role}.xml`), "-H", `Authorization: Bearer ${token}`];
    // cwd: its cache (.schemathesis/) stays under .local/schemathesis.
    const child = spawn(ST, args, { cwd: reportDir, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => { out += d; });
    child.stderr.on("data", (d) => { out += d; });
    child.on("close", (code) => resolve({ code, out }));
  });
}

/** Per-operation real ids: `:id` means a different table in each function. */
function configToml(ids) {
  const ops = [
    ["^/functions/v1/events/", { id: ids.event }],
    ["^/functions/v1/organizations/", { id: ids.organization, userId: ids.user }],
    ["^/functions/v1/reviews/", { id: ids.review }],
    ["^/functions/v1/admin/categories/", { id: ids.category }],
    ["^/functions/v1/admin/skills/", { id: ids.skill }],
    ["^/functions/v1/admin/tags/", { id: ids.tag }],
  ];
  const global = { eventId: ids.event, userId: ids.user, participantId: ids.participant, tokenId: ids.walkInToken };
  const line = (o) => Object.entries(o).map(([k, v]) => `"path.${k}" = "${v}"`).join("\n");
  // A valid request may still meet a rule of the data's state (a full event, a closed
  // registration, an existing membership): 409 with the rule's name is a right answer to it.
  // Event dates must also be in order, which JSON Schema cannot say: 400 there is right too.
  const accept = `expected-statuses = ["2xx", 401, 403, 404, 409]`;
  // Schemathesis' own list of refusals, plus 413: a body over the functions' 64 KiB limit is
  // refused as payload_too_large (documented on every route that takes a body).
  const reject = `expected-statuses = [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429, "5xx"]`;
  return [`[checks.positive_data_acceptance]`, accept, "", `[checks.negative_data_rejection]`, reject, "", `[parameters]`, line(global), "",
    ...ops.flatMap(([regex, params]) => ["[[operations]]", `include-path-regex = "${regex}"`, "[operations.parameters]", line(params), ""]),
    // The one cross-field rule JSON Schema cannot say (the others are oneOf / anyOf /
    // uniqueItems in the document): an event's end after its start, so a schema-valid event body
    // may still be refused with 400.
    ...["^/functions/v1/events(/[{]id[}])?$"].flatMap((regex) => [
      "[[operations]]", `include-path-regex = '${regex}'`,
      "[operations.checks.positive_data_acceptance]", `expected-statuses = ["2xx", 400, 401, 403, 404, 409]`, ""]),
  ].join("\n");
}

export async function runSchemathesisSuite({ examples = 4, maxTime = 240, log = console.log } = {}) {
  ensureSchemathesis();
  const cleanups = [];
  try {
    const cluster = await startThrowawayCluster({ major: 15, label: "schemathesis" });
    cleanups.push(() => cluster.stop());
    await runSql({ port: cluster.port, sql: CHANGE_COUNTER });
    const db = postgres(dbUrl({ port: cluster.port }), { max: 1, onnotice: () => {} });
    cleanups.push(() => db.end());
    const counter = async () => Number((await db`select n from tests.row_changes`)[0].n);
    const [apiPort, proxyPort] = [await freePort(), await freePort()];
    const catcher = await startMailCatcher();
    cleanups.push(() => catcher.stop());
    const gateway = startDenoService({
      name: "functions", script: "scripts/local/serve-functions.ts", readyText: "functions ready",
      env: { ...serviceEnv({ dbPort: cluster.port, apiPort, inboxPort: catcher.port }), PORT: String(apiPort) },
    });
    cleanups.push(() => gateway.stop());
    await gateway.ready;
    const ids = JSON.parse(await runSql({ port: cluster.port, sql: `select json_build_object(
      'event', (select id from public.events where title = 'Cloud Native Workshop'),
      'organization', (select id from public.organizations where name = 'APU Tech Club'),
      'user', (select id from public.users where email = 'sam@atas.dev'),
      'participant', (select p.id from public.event_participants p join public.events e on e.id = p.event_id
        where e.title = 'Cloud Native Workshop' and p.user_id is not null order by p.id limit 1),
      'walkInToken', (select id from public.event_walk_in_tokens order by id limit 1),
      'review', (select id from public.reviews order by id limit 1),
      'category', (select id from public.categories order by id limit 1),
      'skill', (select id from public.skills order by id limit 1),
      'tag', (select id from public.tags order by id limit 1))` }));
    const reportDir = path.join(projectRoot, ".local/schemathesis");
    fs.mkdirSync(reportDir, { recursive: true });
    const configFile = path.join(reportDir, "schemathesis.toml");
    fs.writeFileSync(configFile, configToml(ids));
    const proxy = await startRecordingProxy({ target: `http://127.0.0.1:${apiPort}`, port: proxyPort, counter });
    cleanups.push(() => proxy.close());
    const runs = [];
    for (const role of ROLES) {
      // The issuer is this stack's own Auth URL (SUPABASE_URL + /auth/v1), as the functions require.
      const token = role.email
        ? await mintUserToken({ dbUrl: dbUrl({ port: cluster.port }), email: role.email, issuerOrigin: `http://127.0.0.1:${apiPort}` })
        : ANON_KEY;
      if (role.email) {
        // A token the functions refuse would turn the whole run into 401s that pass every check:
        // prove it signs in first.
        const me = await fetch(`http://127.0.0.1:${apiPort}/functions/v1/accounts/me`, { headers: { authorization: `Bearer ${token}` } });
        if (me.status !== 200) throw new Error(`schemathesis: the ${role.name} token is refused (GET accounts/me → ${me.status} ${await me.text()}); the run would only see 401s`);
      }
      const started = Date.now();
      const { code, out } = await runSchemathesis({ url: `http://127.0.0.1:${proxyPort}`, token, role: role.name, examples, maxTime, configFile, reportDir });
      fs.writeFileSync(path.join(reportDir, `schemathesis-${role.name}.log`), out);
      const failures = /(\d+) (?:unique )?failures?/i.exec(out.split("\n").filter((l) => /failure/i.test(l)).pop() ?? "");
      const cases = /(\d+) generated/i.exec(out) ?? /Test cases:\s*(\d+)/i.exec(out);
      runs.push({ role: role.name, exit: code, cases: cases ? Number(cases[1]) : null, failures: failures ? Number(failures[1]) : code === 0 ? 0 : null,
        seconds: Math.round((Date.now() - started) / 1000) });
      log(`schemathesis as ${role.name}: exit ${code}, ${cases?.[1] ?? "?"} cases, ${failures?.[1] ?? (code === 0 ? 0 : "?")} failures (${runs.at(-1).seconds}s; .local/schemathesis/schemathesis-${role.name}.log)`);
    }
    return { runs, requests: proxy.record.requests, byStatus: proxy.record.byStatus, serverErrors: proxy.record.serverErrors, changedOn4xx: proxy.record.changedOn4xx };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(error);
      }
    }
  }
}
