// `npm start`: the local Supabase stack without Docker. Postgres 15 on 54322 (platform base,
// migrations through the real CLI, seed), every edge function on 54321 (real Deno), the mail
// inbox on 54324 and the outbox worker. Ctrl-C stops everything; the data stays for next time.
// Where a Docker engine answers, it hands over to `supabase start` + `supabase functions serve`.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { clusterExists, dataDirFor, initCluster, isRunning, logFileFor, startCluster, stopCluster } from "./lib/cluster.mjs";
import {
  applyMigrationsWithCli, applyPlatformBase, applySeed, checkMigrationsInScratchDatabase, dbUrl, pendingMigrations,
} from "./lib/database.mjs";
import { ANON_KEY, PORTS, PUBLISHABLE_KEY, SECRET_KEY, SERVICE_ROLE_KEY, serviceEnv } from "./lib/local-env.mjs";
import { binOf, projectRoot, stateDir } from "./lib/paths.mjs";
import { assertPortFree } from "./lib/ports.mjs";
import { startDenoService, stopService } from "./lib/services.mjs";
import { forgetStack, recordStack } from "./lib/stack-pids.mjs";

const MAJOR = 15;
const started = Date.now();
const log = (line) => console.log(`[start] ${line}`);

function dockerWorks() {
  if (process.env.ATAS_NO_DOCKER === "1") return false;
  return spawnSync("docker", ["info"], { stdio: "ignore", timeout: 10000 }).status === 0;
}

function delegateToDocker() {
  log("Docker answers: handing over to `supabase start` and `supabase functions serve` (set ATAS_NO_DOCKER=1 to run without it)");
  const opts = { cwd: projectRoot, stdio: "inherit" };
  if (spawnSync(binOf("supabase"), ["start"], opts).status !== 0) process.exit(1);
  const serve = spawn(binOf("supabase"), ["functions", "serve", "--env-file", "supabase/.env"], opts);
  const stop = () => {
    serve.kill("SIGINT");
    spawnSync(binOf("supabase"), ["stop"], opts);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function startLocal() {
  const dataDir = dataDirFor("db");
  const fresh = !clusterExists(dataDir);
  if (isRunning(dataDir)) {
    throw new Error(`The local database is already running (${dataDir}/postmaster.pid): is another \`npm start\` open? Stop it with Ctrl-C or \`npm stop\``);
  }
  // Every port is checked before anything starts, so a busy one leaves nothing half-started.
  assertPortFree(PORTS.db, "the local database");
  assertPortFree(PORTS.api, "the functions gateway");
  assertPortFree(PORTS.inbox, "the mail inbox");

  const services = [];
  let stopping = false;
  const stopAll = (code) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    for (const service of services) stopService(service);
    forgetStack();
    try {
      stopCluster({ dataDir, major: MAJOR });
    } catch (error) {
      console.error(String(error));
    }
    log("stopped; the data stays for the next `npm start` (`npm run db:reset` rebuilds it)");
    process.exit(code);
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  try {
    if (fresh) {
      log(`creating the local cluster in ${path.relative(projectRoot, path.join(stateDir, "db"))} (Postgres ${MAJOR})`);
      initCluster({ dataDir, major: MAJOR, port: PORTS.db, withCron: true });
    }
    startCluster({ dataDir, major: MAJOR, port: PORTS.db, logFile: logFileFor(dataDir) });
    log(`Postgres ${MAJOR} listening on 127.0.0.1:${PORTS.db}`);
    applyPlatformBase({ port: PORTS.db });
    const pending = pendingMigrations({ port: PORTS.db });
    if (pending.length > 0) {
      log(`checking ${pending.length} pending migration(s) on a scratch database first`);
      checkMigrationsInScratchDatabase({ port: PORTS.db });
      applyMigrationsWithCli({ port: PORTS.db });
      log(`applied ${pending.length} migration(s) with the Supabase CLI`);
    }
    // Seeded once per cluster; a failed seed is retried by the next start.
    const seededMarker = `${dataDir}.seeded`;
    if (!fs.existsSync(seededMarker)) {
      applySeed({ port: PORTS.db });
      fs.writeFileSync(seededMarker, new Date().toISOString());
      log("seeded supabase/seed.sql");
    }

    const env = serviceEnv({ dbPort: PORTS.db, apiPort: PORTS.api, inboxPort: PORTS.inbox });
    const logDir = stateDir;
    const wanted = [
      { name: "mail inbox", script: "scripts/local/mail-catcher.ts", readyText: "inbox ready", port: PORTS.inbox },
      { name: "functions", script: "scripts/local/serve-functions.ts", readyText: "functions ready", port: PORTS.api },
      { name: "outbox worker", script: "scripts/local/outbox-worker.ts", readyText: "outbox worker ready" },
    ].filter((s) => fs.existsSync(path.join(projectRoot, s.script)));
    for (const spec of wanted) {
      const service = startDenoService({
        ...spec,
        env: { ...env, ...(spec.port ? { PORT: String(spec.port) } : {}) },
        logFile: path.join(logDir, `${spec.name.replace(/ /g, "-")}.log`),
      });
      services.push(service);
      service.child.once("exit", (code) => {
        if (!stopping) {
          console.error(`[start] ${spec.name} exited unexpectedly (code ${code}); see ${path.join(path.relative(projectRoot, stateDir), spec.name.replace(/ /g, "-"))}.log`);
          stopAll(1);
        }
      });
    }
    recordStack({ services });
    await Promise.all(services.map((s) => s.ready));
  } catch (error) {
    console.error(`\n[start] ${error instanceof Error ? error.message : String(error)}\n`);
    stopAll(1);
    return;
  }
  printBanner();
}

function printBanner() {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
ATAS local stack is running (ready in ${seconds}s). Ctrl-C stops it; the data stays.

         Functions URL: http://127.0.0.1:${PORTS.api}/functions/v1/<name>
                DB URL: ${dbUrl({ port: PORTS.db })}
             Inbox URL: http://127.0.0.1:${PORTS.inbox}
 PostgREST / Auth URL: need \`supabase start\` (Docker) or a hosted project
            JWT secret: super-secret-jwt-token-with-at-least-32-characters-long
              anon key: ${ANON_KEY}
      service_role key: ${SERVICE_ROLE_KEY}
       Publishable key: ${PUBLISHABLE_KEY}
            Secret key: ${SECRET_KEY}

Try it:  curl http://127.0.0.1:${PORTS.api}/functions/v1/health
A token: npm run token -- olga@atas.dev   (seeded users are listed in the README)
`);
}

try {
  if (dockerWorks()) delegateToDocker();
  else await startLocal();
} catch (error) {
  console.error(`\n[start] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
