// Port checks: a busy port is named before anything starts, so nothing is left half-started.
import { spawnSync } from "node:child_process";
import net from "node:net";

/** Synchronous probe (runs a tiny node child) so callers can fail fast before spawning anything. */
export function isPortBusy(port) {
  const probe = `const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(${port},"127.0.0.1",()=>s.close(()=>process.exit(0)));`;
  return spawnSync(process.execPath, ["-e", probe]).status !== 0;
}

export function assertPortFree(port, what) {
  if (isPortBusy(port)) {
    throw new Error(`Port ${port} is busy: ${what} needs it. Stop whatever listens on 127.0.0.1:${port} (e.g. \`ss -ltnp 'sport = :${port}'\`) and run again`);
  }
}

/** A port the OS says is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
