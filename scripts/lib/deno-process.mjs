// Starts a Deno service from scripts/local as a real child process and waits for its ready line.
// Used by tests and the benchmark (mail catcher, functions gateway, outbox worker).
import { spawn } from "node:child_process";
import path from "node:path";
import { projectRoot } from "./paths.mjs";

const deno = path.join(projectRoot, "node_modules/.bin/deno");

/**
 * @param {string} script path under the project root, e.g. "scripts/local/mail-catcher.ts"
 * @param {{ env?: Record<string,string>, readyPattern: RegExp, timeoutMs?: number, label?: string }} options
 * @returns {Promise<{ child: import("node:child_process").ChildProcess, output: () => string, stop: (signal?: NodeJS.Signals) => Promise<void> }>}
 */
export function startDenoService(script, { env = {}, readyPattern, timeoutMs = 30000, label = script }) {
  const child = spawn(deno, ["run", "-A", "--config", "deno.json", script], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const stop = async (signal = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${label} did not report ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      if (readyPattern.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output, stop });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (code ${code}, signal ${signal}) before it was ready:\n${output}`));
    });
  });
}

/** The mail catcher on a free port: { url, stop, … }. */
export async function startMailCatcher({ port, env = {} } = {}) {
  const { freePort } = await import("./ports.mjs");
  const chosen = port ?? (await freePort());
  const service = await startDenoService("scripts/local/mail-catcher.ts", {
    env: { PORT: String(chosen), ...env },
    readyPattern: /inbox ready/,
    label: "mail catcher",
  });
  return { ...service, port: chosen, url: `http://127.0.0.1:${chosen}` };
}
