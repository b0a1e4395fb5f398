// How each read's cost grows with the data set: compares bench reports built at different
// sizes (`node scripts/bench.mjs --events N --out bench-results/growth-N.json …`) and says, per
// workload, whether its cost above the floor is flat, logarithmic or linear in the event count.
//   node scripts/bench-growth.mjs bench-results/growth-100000.json bench-results/latest.json [...]
// Writes bench-results/growth.json and the README's growth table (between growth markers).
// Classification of the cost above the floor, c(n) = p50(n) − floor p50(n), between the smallest
// and the largest size (factor f): exponent k = log(c_large / c_small) / log(f). Linear growth
// gives k ≈ 1, a B-tree descent (log n) k ≈ 0.1–0.2 over 100k → 1M, constant work k ≈ 0.
// flat: k < 0.1; logarithmic: 0.1 ≤ k < 0.4; linear (or worse): k ≥ 0.4.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { replaceReadmeSection } from "./lib/bench/readme.mjs";
import { projectRoot } from "./lib/paths.mjs";

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length < 2) {
  console.error("usage: node scripts/bench-growth.mjs <report at size A> <report at size B> [...]");
  process.exit(2);
}
const reports = positionals.map((file) => JSON.parse(fs.readFileSync(path.resolve(file), "utf8")))
  .map((r) => ({ events: r.dataset.counts.events, report: r }))
  .sort((a, b) => a.events - b.events);

const at = (report, id) => report.rows.find((r) => r.workload === id && r.clients === 1);
const ids = reports[0].report.rows.filter((r) => r.clients === 1 && r.workload !== "floor" && r.runP50s?.bypass).map((r) => r.workload)
  .filter((id) => reports.every(({ report }) => at(report, id)));

const classify = (k) => (k < 0.1 ? "flat" : k < 0.4 ? "logarithmic" : "linear");
const rows = ids.map((id) => {
  const points = reports.map(({ events, report }) => {
    const floor = at(report, "floor").p50;
    const p50 = at(report, id).p50;
    return { events, p50, floor, above: Math.max(p50 - floor, 0.001), load: report.machine.loadAverageAtStart?.[0] };
  });
  const first = points[0];
  const last = points.at(-1);
  const k = Math.log(last.above / first.above) / Math.log(last.events / first.events);
  return { workload: id, points, exponent: Math.round(k * 100) / 100, growth: classify(k) };
});

const sizes = reports.map(({ events }) => events.toLocaleString("en"));
const lines = [
  `Cost above the floor (p50 − floor p50, 1 client, ms) at ${sizes.join(" / ")} events (users stay 100,000); exponent k = log(cost ratio) / log(size ratio): flat < 0.1 ≤ logarithmic < 0.4 ≤ linear.`,
  "",
  `| workload | ${sizes.map((s) => `p50 ms @ ${s}`).join(" | ")} | ${sizes.map((s) => `above floor @ ${s}`).join(" | ")} | k | growth |`,
  `|---|${sizes.map(() => "---:").join("|")}|${sizes.map(() => "---:").join("|")}|---:|---|`,
  ...rows.map((r) => `| ${r.workload} | ${r.points.map((p) => p.p50.toFixed(3)).join(" | ")} | ${r.points.map((p) => p.above.toFixed(3)).join(" | ")} | ${r.exponent} | ${r.growth} |`),
];
console.log(lines.join("\n"));
fs.writeFileSync(path.join(projectRoot, "bench-results/growth.json"), `${JSON.stringify({ generatedAt: new Date().toISOString(), sizes: reports.map((r) => r.events), rows }, null, 2)}\n`);
replaceReadmeSection("growth", lines);
