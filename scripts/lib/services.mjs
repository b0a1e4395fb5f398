// Long-running local services (real Deno processes): started, awaited until ready, stopped.
// One implementation for `npm start`, the vitest setup, the e-mail tests and the benchmarks.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { binOf, projectRoot } from "./paths.mjs";
import { freePort } from "./ports.mjs";

/**
 * Starts `deno run` on a script under the project root. `ready` resolves once the output matches
 * `readyText` (a string or a RegExp); `stop(signal)` resolves when the process has exited.
 */
export function startDenoService({ name, script, env = process.env, readyText, logFile = null, timeoutMs = 60000 }) {
  const child = spawn(binOf("deno"), ["run", "-A", "--config", path.join(projectRoot, "deno.json"), path.join(projectRoot, script)], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = logFile ? fs.createWriteStream(logFile, { flags: "a" }) : null;
  let output = "";
  const isReady = () => (typeof readyText === "string" ? output.includes(readyText) : readyText.test(output));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${name} was not ready after ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      log?.write(text);
      if (output.length < 1_000_000) output += text;
      if (isReady()) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}, signal ${signal}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
  ready.catch(() => {}); // callers await it; an exit after readiness is not an unhandled rejection
  const stop = async (signal = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { name, child, ready, output: () => output, stop };
}

export function stopService(service, signal = "SIGTERM") {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill(signal);
}

/** The mail catcher (our local stand-in for Resend) on a free port, ready. */
export async function startMailCatcher({ port, env = {} } = {}) {
  const chosen = port ?? (await freePort());
  const service = startDenoService({
    name: "mail catcher",
    script: "scripts/local/mail-catcher.ts",
    env: { ...process.env, ...env, PORT: String(chosen) },
    readyText: "inbox ready",
  });
  await service.ready;
  return { ...service, port: chosen, url: `http://127.0.0.1:${chosen}` };
}
