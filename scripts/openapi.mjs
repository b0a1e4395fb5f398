// `npm run openapi` (`-- --check` to verify): generates docs/api/openapi.json from the zod
// contracts with Deno, which imports the TypeScript contracts as the functions do.
import { spawnSync } from "node:child_process";
import { binOf, projectRoot } from "./lib/paths.mjs";

const result = spawnSync(binOf("deno"), ["run", "--allow-read", "--allow-write", "--allow-env", "scripts/local/openapi.ts", ...process.argv.slice(2)], {
  cwd: projectRoot, stdio: "inherit",
});
process.exit(result.status ?? 1);
