// Long-running local services (real Deno processes): started, awaited until ready, stopped.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { binOf, projectRoot } from "./paths.mjs";

/** Starts `deno run` on a script and resolves once its output contains `readyText`. */
export function startDenoService({ name, script, env, readyText, logFile, timeoutMs = 60000 }) {
  const child = spawn(binOf("deno"), ["run", "-A", "--config", path.join(projectRoot, "deno.json"), path.join(projectRoot, script)], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = logFile ? fs.createWriteStream(logFile, { flags: "a" }) : null;
  let output = "";
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} was not ready after ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      log?.write(text);
      if (output.length < 100000) output += text;
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
  return { name, child, ready, output: () => output };
}

export function stopService(service, signal = "SIGTERM") {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill(signal);
}
