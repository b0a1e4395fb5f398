// The processes one `npm start` owns, written to its state folder so `npm stop` can end exactly
// those (and never another checkout's stack, nor unrelated processes that look alike).
import fs from "node:fs";
import path from "node:path";
import { stateDir } from "./paths.mjs";

export const stackFile = path.join(stateDir, "stack.json");

/** Records the start process and its services; a pid is kept with its command line so a reused pid is not mistaken for ours. */
export function recordStack({ services }) {
  const entries = [{ name: "npm start", pid: process.pid }, ...services.map((s) => ({ name: s.name, pid: s.child.pid }))]
    .map((entry) => ({ ...entry, cmdline: commandLineOf(entry.pid) }));
  fs.writeFileSync(stackFile, `${JSON.stringify({ startedAt: new Date().toISOString(), processes: entries }, null, 2)}\n`);
}

export function forgetStack() {
  fs.rmSync(stackFile, { force: true });
}

export function readStack() {
  if (!fs.existsSync(stackFile)) return null;
  try {
    return JSON.parse(fs.readFileSync(stackFile, "utf8"));
  } catch {
    return null;
  }
}

export function commandLineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return null;
  }
}

/** True while `pid` is still the process that was recorded (same command line). */
export function isSameProcess({ pid, cmdline }) {
  const now = commandLineOf(pid);
  return now !== null && now === cmdline;
}
