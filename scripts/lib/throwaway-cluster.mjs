// A throwaway cluster for tests and benchmarks: its own folder and port, never the dev data.
import fs from "node:fs";
import path from "node:path";
import { initCluster, logFileFor, scratchDataDir, startCluster, stopCluster } from "./cluster.mjs";
import { applyPlatformBase, applySeed, applyMigrationsWithCli, runSqlFile, sqlFilesIn } from "./database.mjs";
import { projectRoot } from "./paths.mjs";
import { freePort } from "./ports.mjs";

/**
 * Starts a fresh cluster. `build` = "full" applies base, migrations (CLI), seed and the test
 * helpers; "base" stops after the platform base. `preload`: extra shared_preload_libraries.
 */
export async function startThrowawayCluster({ major = 15, label = "test", build = "full", seed = true, preload = [] } = {}) {
  const port = await freePort();
  const dataDir = scratchDataDir(`${label}${major}`);
  const cluster = {
    port,
    dataDir,
    major,
    stop() {
      stopCluster({ dataDir, major });
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(`${dataDir}.log`, { force: true });
    },
  };
  try {
    initCluster({ dataDir, major, port, withCron: major === 15, preload });
    startCluster({ dataDir, major, port, logFile: logFileFor(dataDir) });
    applyPlatformBase({ port });
    if (build === "full") {
      applyMigrationsWithCli({ port });
      if (seed) applySeed({ port });
      applyTestHelpers({ port });
    }
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return cluster;
}

/** The `tests` schema (sign-in helpers, fixtures) used by pgTAP and the HTTP tests. */
export function applyTestHelpers({ port }) {
  for (const file of sqlFilesIn(path.join(projectRoot, "sql/tests"))) runSqlFile({ port }, file);
}
