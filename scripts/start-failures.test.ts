// `npm start` when something is wrong: it names the problem and leaves nothing half-started.
// Real processes: the start script itself, a real Postgres for the migration check.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMigrationsInScratchDatabase, runSql } from "./lib/database.mjs";
import { freePort } from "./lib/ports.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";

describe("npm start with a busy port", () => {
  it("names the busy port, exits 1 and starts no database", async () => {
    const [dbPort, apiPort, inboxPort] = [await freePort(), await freePort(), await freePort()];
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(apiPort, "127.0.0.1", resolve));
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "atas-start-"));
    let dataDir: string | null = null;
    try {
      const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
        encoding: "utf8",
        timeout: 60_000,
        env: {
          ...process.env, ATAS_NO_DOCKER: "1", ATAS_STATE_DIR: stateDir,
          ATAS_DB_PORT: String(dbPort), ATAS_API_PORT: String(apiPort), ATAS_INBOX_PORT: String(inboxPort),
        },
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${apiPort} is busy: the functions gateway needs it`);
      // nothing half-started: no cluster was created, nothing listens on the database port
      dataDir = fs.realpathSync(path.join(stateDir, "db"));
      expect(fs.existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false);
      const dbAnswers = await new Promise<boolean>((resolve) => {
        const socket = net.connect(dbPort, "127.0.0.1", () => { socket.destroy(); resolve(true); });
        socket.once("error", () => resolve(false));
      });
      expect(dbAnswers).toBe(false);
    } finally {
      blocker.close();
      // as root the data folder may live under /var/tmp (see dataDirFor), linked from stateDir
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  });
});

describe("checkMigrationsInScratchDatabase() with a broken migration", () => {
  let cluster: Awaited<ReturnType<typeof startThrowawayCluster>>;
  let dir: string;

  beforeAll(async () => {
    cluster = await startThrowawayCluster({ label: "brokenmig", build: "base" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "atas-migrations-"));
    fs.writeFileSync(path.join(dir, "20990101000000_create_good.sql"), "create table public.good_one (id int primary key);\n");
    fs.writeFileSync(path.join(dir, "20990101000100_create_bad.sql"), "-- line 1\ncreate table public.bad_one (id int);\nselect * from public.no_such_table;\n");
  });

  afterAll(() => {
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reports the file and line and leaves the dev database untouched", () => {
    runSql({ port: cluster.port }, "create table public.dev_data (note text); insert into public.dev_data values ('keep me')");
    expect(() => checkMigrationsInScratchDatabase({ port: cluster.port, dir })).toThrow(/20990101000100_create_bad\.sql:3: ERROR: {2}relation "public\.no_such_table" does not exist/);
    expect(runSql({ port: cluster.port }, "select note from public.dev_data")).toBe("keep me");
    expect(runSql({ port: cluster.port }, "select to_regclass('public.good_one') is null and to_regclass('public.bad_one') is null")).toBe("t");
    expect(runSql({ port: cluster.port, user: "supabase_admin" }, "select count(*) from pg_database where datname = 'atas_migration_check'")).toBe("0");
  });
});
