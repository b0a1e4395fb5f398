// The README's Performance section is generated from bench-results/latest.json.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.mjs";

export /** Rewrites the README's Performance table (between the bench markers) from the report. */
function writeReadmeSection(report) {
  const readme = path.join(projectRoot, "README.md");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const text = fs.readFileSync(readme, "utf8");
  if (!text.includes(start) || !text.includes(end)) return;
  const m = report.machine;
  const lines = [
    start,
    `Latest \`npm run bench\` (${report.generatedAt.slice(0, 16).replace("T", " ")} UTC) on ${m.nproc} CPU (${m.cpu}), ${m.memoryGiB} GiB, ${m.postgres}; load average ${m.loadAverageAtStart.join(" ")} at start (shared machine).`,
    `Data set: ${Object.entries(report.dataset.counts).map(([k, v]) => `${v.toLocaleString("en")} ${k.replace("_", " ")}`).join(", ")}; built in ${Math.round(report.dataset.buildSeconds)} s.`,
    "",
    `Load average during the run (1 min, sampled after each measurement): ${loadRange(report)}. Targets are the reference's figures as multiples of its floor, compared with ours in the same run.`,
    "",
    "| workload | clients | min ms | p50 ms | p95 ms | p99 ms | tps | RLS/bypass | p50 ×floor | p95 ×floor | target | result |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ...report.rows.map((r) => `| ${r.workload}: ${r.name} | ${r.clients} | ${r.min ?? "—"} | ${r.p50 ?? "—"} | ${r.p95 ?? "—"} | ${r.p99 ?? "—"} | ${r.tps} | ${r.ratio ?? "—"} | ${r.floorRatio ?? "—"} | ${r.p95FloorRatio ?? "—"} | ${r.target} | ${r.pass === null ? "" : r.pass ? "**pass**" : "**FAIL**"}${r.checks ? ` (${r.checks.join("; ")})` : ""} |`),
    ...profileLines(report),
    end,
  ];
  fs.writeFileSync(readme, text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), lines.join("\n")));
}


// pg_stat_statements' view of each request statement (1 client, RLS, one short run).
function profileLines(report) {
  const profiled = report.rows.filter((r) => r.profile);
  if (profiled.length === 0) return [];
  return [
    "",
    "Where the time goes, from Postgres (pg_stat_statements on one 2 s RLS run per workload, 1 client; the request statement only — the set_config statement and the round trips are the floor): `plans` = `calls` means the statement is planned again on every request; `plans` ≈ 6 means one generic plan was kept after five custom ones.",
    "",
    "| workload | calls | plans | mean plan ms | mean exec ms |",
    "|---|---:|---:|---:|---:|",
    ...profiled.map((r) => `| ${r.workload} | ${r.profile.calls} | ${r.profile.plans} | ${r.profile.planMs} | ${r.profile.execMs} |`),
  ];
}

function loadRange(report) {
  const loads = report.rows.flatMap((r) => r.loadAverages ?? []).concat(report.rows.filter((r) => r.storm).map((r) => r.storm.loadAverage));
  if (loads.length === 0) return "—";
  return `${Math.min(...loads)}–${Math.max(...loads)}`;
}
