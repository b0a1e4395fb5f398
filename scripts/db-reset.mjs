// `npm run db:reset`: rebuilds the local database from empty (base, migrations, seed).
// Refuses while `npm start` runs, so no server loses its database underneath it.
import fs from "node:fs";
import { dataDirFor, initCluster, isRunning, logFileFor, startCluster, stopCluster } from "./lib/cluster.mjs";
import { applyMigrationsWithCli, applyPlatformBase, applySeed, checkMigrationsInScratchDatabase } from "./lib/database.mjs";
import { PORTS } from "./lib/local-env.mjs";

let dataDir = dataDirFor("db");
if (isRunning(dataDir)) {
  console.error("[db:reset] the local stack is running: stop it (Ctrl-C or `npm stop`), then reset");
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.seeded`, { force: true });
dataDir = dataDirFor("db");
try {
  initCluster({ dataDir, major: 15, port: PORTS.db, withCron: true });
  startCluster({ dataDir, major: 15, port: PORTS.db, logFile: logFileFor(dataDir) });
  applyPlatformBase({ port: PORTS.db });
  checkMigrationsInScratchDatabase({ port: PORTS.db });
  applyMigrationsWithCli({ port: PORTS.db });
  applySeed({ port: PORTS.db });
  fs.writeFileSync(`${dataDir}.seeded`, new Date().toISOString());
  console.log("[db:reset] rebuilt: platform base, migrations, seed");
} catch (error) {
  console.error(`[db:reset] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  stopCluster({ dataDir, major: 15 });
}
