// `npm run bench:fresh`: the bench from fresh clones, one after another (issue 16: "the bench
// finishes on a fresh clone every time"). Each run clones this checkout's HEAD into a temporary
// folder, installs with `npm ci`, runs `npm run bench` there and keeps its report and log in
// bench-results/fresh-clone-runs/run-N.{json,log}. The README's runs table lists every run; the
// last run's report becomes bench-results/latest.json and the README's Performance table.
// A run that fails is recorded as failed (with its log) and the script exits non-zero at the end.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseOptions } from "./lib/args.mjs";
import { projectRoot } from "./lib/paths.mjs";
import { writeReadmeSection, writeRunsSection } from "./lib/bench/readme.mjs";

const opts = parseOptions({
  runs: { type: "number", default: 3, min: 1, help: "fresh clones to bench, one after another" },
  events: { type: "number", default: 1_000_000, min: 1000, help: "events in each run's data set" },
}, { usage: "usage: node scripts/bench-fresh-clones.mjs [--runs 3] [--events 1000000]" });

const outDir = path.join(projectRoot, "bench-results/fresh-clone-runs");
const head = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: projectRoot, encoding: "utf8" }).stdout.trim();
const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: projectRoot, encoding: "utf8" }).stdout.trim();
if (dirty) console.warn(`[fresh] note: uncommitted changes are not in the clones (they bench ${head})`);
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

/** Runs a command with its output appended to the run's log; resolves with the exit code. */
function step(command, args, { cwd, log }) {
  fs.appendFileSync(log, `\n$ ${command} ${args.join(" ")}\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, CI: "1" } });
    child.stdout.on("data", (d) => fs.appendFileSync(log, d));
    child.stderr.on("data", (d) => fs.appendFileSync(log, d));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const runs = [];
for (let n = 1; n <= opts.runs; n++) {
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), `atas-fresh-${n}-`));
  const log = path.join(outDir, `run-${n}.log`);
  const report = path.join(outDir, `run-${n}.json`);
  const started = new Date();
  console.log(`[fresh] run ${n}/${opts.runs}: clone of ${head} in ${clone} (load ${os.loadavg()[0].toFixed(1)})`);
  let failedAt = null;
  if (await step("git", ["clone", "--quiet", "--no-hardlinks", projectRoot, clone], { cwd: projectRoot, log }) !== 0) failedAt = "git clone";
  else if (await step("npm", ["ci", "--no-audit", "--no-fund"], { cwd: clone, log }) !== 0) failedAt = "npm ci";
  else if (await step("npm", ["run", "bench", "--", "--events", String(opts.events), "--out", report], { cwd: clone, log }) !== 0) failedAt = "npm run bench";
  fs.rmSync(clone, { recursive: true, force: true });
  const minutes = (Date.now() - started.getTime()) / 60000;
  runs.push({ n, commit: head, started: started.toISOString(), minutes, failedAt, report: failedAt ? null : JSON.parse(fs.readFileSync(report, "utf8")) });
  console.log(`[fresh] run ${n}: ${failedAt ? `FAILED at ${failedAt} (log: ${path.relative(projectRoot, log)})` : "finished"} in ${minutes.toFixed(1)} min`);
}

const last = runs.at(-1);
if (last.report) {
  fs.copyFileSync(path.join(outDir, `run-${last.n}.json`), path.join(projectRoot, "bench-results/latest.json"));
  writeReadmeSection(last.report);
}
writeRunsSection(runs);
console.log(`[fresh] ${runs.filter((r) => !r.failedAt).length} of ${runs.length} runs finished; README updated`);
process.exit(runs.every((r) => !r.failedAt) ? 0 : 1);
