// Runs the real `supabase db advisors` against a database URL and reads its JSON findings.
import { spawnSync } from "node:child_process";
import { binOf, projectRoot } from "./paths.mjs";

export function runAdvisors(dbUrl) {
  const url = dbUrl.includes("sslmode") ? dbUrl : `${dbUrl}?sslmode=disable`;
  const result = spawnSync(binOf("supabase"), ["db", "advisors", "--db-url", url, "--workdir", projectRoot, "--type", "all", "--level", "info", "-o", "json"], {
    encoding: "utf8",
    env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`supabase db advisors failed:\n${output}`);
  const findings = parseFindings(result.stdout);
  const blocking = findings.filter((f) => ["WARN", "ERROR"].includes(String(f.level).toUpperCase()));
  return { findings, blocking, output };
}

function parseFindings(stdout) {
  const start = stdout.indexOf("[");
  if (start < 0) return [];
  try {
    const parsed = JSON.parse(stdout.slice(start));
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
