// The pinned schemathesis (PyPI) in a project-local venv, .local/schemathesis-venv. Node built-ins
// only: bootstrap (`npm test`) calls it before anything else is installed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SCHEMATHESIS_VERSION = "4.32.5";
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const VENV = path.join(projectRoot, ".local/schemathesis-venv");

/** Installs schemathesis==SCHEMATHESIS_VERSION into the venv unless it is there already. */
export function ensureSchemathesis() {
  const st = path.join(VENV, "bin/st");
  const current = fs.existsSync(st) ? spawnSync(st, ["--version"], { encoding: "utf8" }).stdout ?? "" : "";
  if (current.includes(SCHEMATHESIS_VERSION)) return;
  console.log(`[bootstrap] installing schemathesis ${SCHEMATHESIS_VERSION} into .local/schemathesis-venv (PyPI)`);
  const steps = [["python3", ["-m", "venv", VENV]], [path.join(VENV, "bin/pip"), ["install", "-q", `schemathesis==${SCHEMATHESIS_VERSION}`]]];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: "inherit" });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed: the schemathesis stage needs python3 with venv and pip (Debian: apt-get install python3-venv)`);
    }
  }
}
