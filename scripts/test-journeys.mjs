// `npm run test:journeys`: every screen journey (tests/journeys/*.journey.ts) through supabase-js.
// Uses ATAS_TEST_DB_URL when `npm test` passes its database, else builds a throwaway one.
// Prints one closing line "N passed, N failed"; exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { binOf, projectRoot } from "./lib/paths.mjs";

const report = path.join(projectRoot, ".local", "journeys-report.json");
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const result = spawnSync(binOf("vitest"), ["run", "--config", "vitest.journeys.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: projectRoot, stdio: ["ignore", "inherit", "inherit"], env: process.env,
});
const summary = fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, "utf8")) : null;
let passed = summary?.numPassedTests ?? 0;
let failed = summary?.numFailedTests ?? 0;
// A file whose setup failed has its journeys skipped, not failed: count the file as one failure.
for (const file of summary?.testResults ?? []) {
  if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) failed += 1;
}
// A crash, a file that failed to load, or no journey at all counts as a failure, never as green.
if (!summary || (result.status !== 0 && failed === 0) || summary.numTotalTests === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
