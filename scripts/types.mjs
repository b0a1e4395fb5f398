// `npm run types`: regenerates functions/_shared/database.types.ts from a throwaway database built
// from the migrations (so it never depends on local data). `--check` fails when the file is stale.
import fs from "node:fs";
import { readArgs } from "./lib/args.mjs";
import { dbUrl } from "./lib/database.mjs";
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";
import { generateTypes, typesFile } from "./lib/typegen.mjs";

const { values: { check } } = readArgs({ options: { check: { type: "boolean", default: false } }, usage: "node scripts/types.mjs [--check]" });
const cluster = await startThrowawayCluster({ label: "types", seed: false });
try {
  const fresh = generateTypes(dbUrl({ port: cluster.port }));
  const current = fs.existsSync(typesFile) ? fs.readFileSync(typesFile, "utf8") : "";
  if (check) {
    if (fresh !== current) {
      console.error("[types] functions/_shared/database.types.ts is stale: run `npm run types` and commit it");
      process.exitCode = 1;
    } else {
      console.log("[types] database.types.ts is current");
    }
  } else {
    fs.writeFileSync(typesFile, fresh);
    console.log(`[types] wrote ${typesFile}`);
  }
} finally {
  cluster.stop();
}
