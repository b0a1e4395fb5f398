// `npm stop` ends this checkout's stack by the pids its `npm start` recorded — never by a pattern
// over all processes — and `npm run token` signs with the stack's own issuer. Real processes: a
// whole `npm start` on spare ports and state folder, and a look-alike process that must survive.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, waitForHttp } from "./lib/ports.mjs";

// A process that exited but is not yet reaped by its parent (this test) is a zombie: not alive.
const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
};

describe("npm stop and npm run token against a running stack", () => {
  let stateDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: { db: number; api: number; inbox: number };
  let starter: ChildProcess;
  let lookAlike: ChildProcess;
  let startOutput = "";

  beforeAll(async () => {
    ports = { db: await freePort(), api: await freePort(), inbox: await freePort() };
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "atas-stop-"));
    env = {
      ...process.env, ATAS_NO_DOCKER: "1", ATAS_STATE_DIR: stateDir,
      ATAS_DB_PORT: String(ports.db), ATAS_API_PORT: String(ports.api), ATAS_INBOX_PORT: String(ports.inbox),
    };
    starter = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
    starter.stdout?.on("data", (chunk) => { startOutput += chunk; });
    starter.stderr?.on("data", (chunk) => { startOutput += chunk; });
    await waitForHttp(`http://127.0.0.1:${ports.api}/functions/v1/health`, 170_000).catch((error) => {
      throw new Error(`${error}\n${startOutput}`);
    });
    // Same command-line text the old `pkill -f scripts/local/(…).ts` matched: another checkout's service.
    lookAlike = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "scripts/local/mail-catcher.ts"], { stdio: "ignore" });
  }, 180_000);

  afterAll(() => {
    if (lookAlike?.pid && alive(lookAlike.pid)) lookAlike.kill("SIGKILL");
    if (starter?.pid && alive(starter.pid)) spawnSync(process.execPath, ["scripts/stop.mjs"], { env, encoding: "utf8" });
    const db = path.join(stateDir, "db");
    if (fs.existsSync(db) && fs.lstatSync(db).isSymbolicLink()) fs.rmSync(fs.realpathSync(db), { recursive: true, force: true });
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it("npm run token signs with the stack's own issuer", () => {
    const result = spawnSync(process.execPath, ["scripts/token.mjs", "olga@atas.dev"], { env, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const claims = decodeJwt(result.stdout.trim());
    expect(claims.iss).toBe(`http://127.0.0.1:${ports.api}/auth/v1`);
    expect(claims.role).toBe("authenticated");
  });

  it("npm run token refuses an unknown option with its usage", () => {
    const result = spawnSync(process.execPath, ["scripts/token.mjs", "olga@atas.dev", "--nope"], { env, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage: npm run token");
  });

  it("stops exactly the recorded processes and the database, and leaves look-alikes alone", () => {
    const recorded = JSON.parse(fs.readFileSync(path.join(stateDir, "stack.json"), "utf8")) as { processes: Array<{ name: string; pid: number }> };
    expect(recorded.processes.map((p) => p.name)).toEqual(expect.arrayContaining(["npm start", "functions", "mail inbox"]));
    for (const p of recorded.processes) expect(alive(p.pid), p.name).toBe(true);

    const result = spawnSync(process.execPath, ["scripts/stop.mjs"], { env, encoding: "utf8", timeout: 60_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`stopped npm start (pid ${starter.pid})`);

    for (const p of recorded.processes) expect(alive(p.pid), `${p.name} still running`).toBe(false);
    expect(alive(lookAlike.pid!)).toBe(true);
    const dataDir = fs.realpathSync(path.join(stateDir, "db"));
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    expect(fs.existsSync(path.join(stateDir, "stack.json"))).toBe(false);

    const again = spawnSync(process.execPath, ["scripts/stop.mjs"], { env, encoding: "utf8" });
    expect(again.stdout).toContain("nothing was running");
  });
});
