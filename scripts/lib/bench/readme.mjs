// The README's Performance section is generated from bench-results/latest.json.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.mjs";

/** Replaces the README's text between `<!-- name:start -->` and `<!-- name:end -->` (markers kept);
 * a README without both markers is left as it is. */
export function replaceReadmeSection(name, lines) {
  const readme = path.join(projectRoot, "README.md");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = fs.readFileSync(readme, "utf8");
  if (!text.includes(start) || !text.includes(end)) return;
  fs.writeFileSync(readme, text.replace(new RegExp(`${start}[\\s\\S]*?${end}`), [start, ...lines, end].join("\n")));
}

/** Rewrites the README's Performance table (between the bench markers) from the report. */
export function writeReadmeSection(report) {
  const m = report.machine;
  replaceReadmeSection("bench", [
    `Latest \`npm run bench\` (${report.generatedAt.slice(0, 16).replace("T", " ")} UTC) on ${m.nproc} CPU (${m.cpu}), ${m.memoryGiB} GiB, ${m.postgres}; load average ${m.loadAverageAtStart.join(" ")} at start (shared machine).`,
    `Data set: ${Object.entries(report.dataset.counts).map(([k, v]) => `${v.toLocaleString("en")} ${k.replace("_", " ")}`).join(", ")}; built in ${Math.round(report.dataset.buildSeconds)} s.`,
    "",
    `Load average during the run (1 min, sampled after each measurement): ${loadRange(report)}. Targets are the reference's figures as multiples of its floor, compared with ours in the same run.`,
    "",
    "| workload | clients | min ms | p50 ms | p95 ms | p99 ms | tps | RLS/bypass | p50 ×floor | p95 ×floor | target | result |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ...report.rows.map((r) => `| ${r.workload}: ${r.name} | ${r.clients} | ${r.min ?? "—"} | ${r.p50 ?? "—"} | ${r.p95 ?? "—"} | ${r.p99 ?? "—"} | ${r.tps} | ${r.ratio ?? "—"} | ${r.floorRatio ?? "—"} | ${r.p95FloorRatio ?? "—"} | ${r.target} | ${r.pass === null ? "" : r.pass ? "**pass**" : "**FAIL**"}${r.checks ? ` (${r.checks.join("; ")})` : ""} |`),
    ...profileLines(report),
  ]);
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

/** Rewrites the README's fresh-clone runs table (between the runs markers): one line per run. */
export function writeRunsSection(runs) {
  replaceReadmeSection("runs", [
    "| run | commit | started (UTC) | minutes | load (1 min) | targets passed | P1 p50 ×floor / RLS÷bypass | notifications p50 ×floor | detail p50 ×floor | P2-light p50 ×floor | reviews p95 ms / RLS÷bypass | search p50 ms (two words / common) | storm reg/s, p95 ms, accepted/waitlisted, FIFO |",
    "|---|---|---|---:|---|---|---|---|---|---|---|---|---|",
    ...runs.map((run) => {
      const head = `| ${run.n} | ${run.commit} | ${run.started.slice(0, 16).replace("T", " ")} | ${run.minutes.toFixed(1)}`;
      if (!run.report) return `${head} | — | **failed at ${run.failedAt}** (log in bench-results/fresh-clone-runs/run-${run.n}.log) | | | | | | | |`;
      const rows = run.report.rows;
      const one = (id) => rows.find((r) => r.workload === id && r.clients === 1) ?? {};
      const storm = rows.find((r) => r.workload === "P3")?.storm;
      const judged = rows.filter((r) => r.pass !== null && r.pass !== undefined);
      return `${head} | ${loadRange(run.report)} | ${judged.filter((r) => r.pass).length} of ${judged.length} | ${one("P1").floorRatio} / ${one("P1").ratio} | ${one("notifications").floorRatio} | ${one("event-detail").floorRatio} | ${one("P2-light").floorRatio} | ${one("reviews").p95} / ${one("reviews").ratio} | ${one("search").p50} / ${one("search-common").p50} | ${storm ? `${Math.round(storm.tps)}, ${Math.round(storm.p95)}, ${storm.accepted}/${storm.waitlisted}, ${storm.fifo ? "yes" : "no"}` : "—"} |`;
    }),
  ]);
}
