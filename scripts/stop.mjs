// `npm stop`: stops a local stack left running (e.g. after a terminal was closed).
import { spawnSync } from "node:child_process";
import { dataDirFor, isRunning, stopCluster } from "./lib/cluster.mjs";

spawnSync("pkill", ["-f", "scripts/local/(serve-functions|mail-catcher|outbox-worker).ts"]);
const dataDir = dataDirFor("db");
if (isRunning(dataDir)) {
  stopCluster({ dataDir, major: 15 });
  console.log("[stop] local database stopped");
} else {
  console.log("[stop] nothing was running");
}
