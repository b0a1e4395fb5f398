// `npm run advisors [-- --db-url URL]`: `supabase db advisors` (security and performance lints).
// Without --db-url it lints a throwaway database built from the migrations and seed. Exits 1 on
// any WARN or ERROR finding.
import { runAdvisors } from "./lib/advisors.mjs";
import { readArgs } from "./lib/args.mjs";
import { dbUrl } from "./lib/database.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";

const { values } = readArgs({ options: { "db-url": { type: "string" } }, usage: "node scripts/advisors.mjs [--db-url URL]" });
let cluster = null;
let url = values["db-url"] ?? null;
if (!url) {
  cluster = await startThrowawayCluster({ label: "advisors" });
  url = dbUrl({ port: cluster.port });
}
try {
  const { findings, blocking, output } = runAdvisors(url);
  console.log(output.trim() || "(no output)");
  console.log(`[advisors] ${findings.length} finding(s), ${blocking.length} at WARN or ERROR`);
  if (blocking.length > 0) process.exitCode = 1;
} finally {
  cluster?.stop();
}
