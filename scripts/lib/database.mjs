// Building a database the way the platform has it: platform base, our migrations through the
// real Supabase CLI, then the seed. psql runs SQL files so an error names the file and the line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { LOCAL_PASSWORD, SUPERUSER } from "./cluster.mjs";
import { binOf, projectRoot } from "./paths.mjs";

export const migrationsDir = path.join(projectRoot, "supabase/migrations");
export const seedFile = path.join(projectRoot, "supabase/seed.sql");

export function dbUrl({ port, user = "postgres", database = "postgres" }) {
  return `postgresql://${user}:${LOCAL_PASSWORD}@127.0.0.1:${port}/${database}`;
}

function psqlArgs({ port, user = "postgres", database = "postgres" }) {
  return ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", database];
}

const psqlEnv = () => ({ ...process.env, PGPASSWORD: LOCAL_PASSWORD, PGOPTIONS: "--client-min-messages=warning" });

/** Runs a SQL file; on error throws with psql's `file:line: ERROR …` text. */
export function runSqlFile(target, file) {
  const result = spawnSync("psql", [...psqlArgs(target), "-f", file], { encoding: "utf8", env: psqlEnv() });
  if (result.status !== 0) {
    throw new Error(`${path.relative(projectRoot, file)} failed:\n${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout;
}

/** Runs SQL text; returns unaligned, tuples-only output. */
export function runSql(target, sql) {
  const result = spawnSync("psql", [...psqlArgs(target), "-A", "-t", "-c", sql], { encoding: "utf8", env: psqlEnv() });
  if (result.status !== 0) throw new Error(`SQL failed: ${(result.stderr || result.stdout).trim()}\n${sql}`);
  return result.stdout.trim();
}

export function sqlFilesIn(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort().map((f) => path.join(dir, f));
}

/** The roles, schemas and auth parts a hosted project has before our first migration. */
export function applyPlatformBase({ port, database = "postgres" }) {
  for (const file of sqlFilesIn(path.join(projectRoot, "sql/platform"))) {
    runSqlFile({ port, user: SUPERUSER, database }, file);
  }
}

/** Applies pending migrations with the real Supabase CLI, which records them in its history table. */
export function applyMigrationsWithCli({ port }) {
  const url = `${dbUrl({ port })}?sslmode=disable`;
  const result = spawnSync(binOf("supabase"), ["migration", "up", "--db-url", url, "--workdir", projectRoot], {
    encoding: "utf8",
    env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
  if (result.status !== 0) {
    throw new Error(`supabase migration up failed:\n${(result.stdout + result.stderr).trim()}`);
  }
  return result.stdout + result.stderr;
}

/**
 * Replays every migration with psql in a scratch database of the same cluster, so a broken file
 * is reported with its line before the dev database is touched.
 */
export function checkMigrationsInScratchDatabase({ port, dir = migrationsDir }) {
  const scratch = "atas_migration_check";
  const admin = { port, user: SUPERUSER };
  runSql(admin, `drop database if exists ${scratch} with (force)`);
  runSql(admin, `create database ${scratch} template template0`);
  try {
    applyPlatformBase({ port, database: scratch });
    for (const file of sqlFilesIn(dir)) runSqlFile({ port, database: scratch }, file);
  } finally {
    runSql(admin, `drop database if exists ${scratch} with (force)`);
  }
}

export function applySeed({ port }) {
  if (fs.existsSync(seedFile)) runSqlFile({ port }, seedFile);
}

/** The whole build for an empty database: base, migrations (CLI), seed. */
export function buildDatabase({ port, seed = true }) {
  applyPlatformBase({ port });
  applyMigrationsWithCli({ port });
  if (seed) applySeed({ port });
}

/** Migration files whose version the CLI's history table does not hold yet. */
export function pendingMigrations({ port }) {
  const hasHistory = runSql({ port }, "select to_regclass('supabase_migrations.schema_migrations') is not null") === "t";
  const applied = new Set(
    hasHistory ? runSql({ port }, "select version from supabase_migrations.schema_migrations").split("\n").filter(Boolean) : [],
  );
  return sqlFilesIn(migrationsDir).filter((file) => !applied.has(path.basename(file).split("_")[0]));
}
