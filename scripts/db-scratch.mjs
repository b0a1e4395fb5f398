// Starts a throwaway database and keeps it until Ctrl-C: for trying migrations and tests by hand.
//   node scripts/db-scratch.mjs [--pg 17] [--no-seed]
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";
import { dbUrl } from "./lib/database.mjs";
import { readArgs } from "./lib/args.mjs";

const { values } = readArgs({
  options: { pg: { type: "string", default: "15" }, "no-seed": { type: "boolean", default: false } },
  numbers: ["pg"],
  usage: "node scripts/db-scratch.mjs [--pg 17] [--no-seed]",
});
const cluster = await startThrowawayCluster({ major: values.pg, label: "scratch", seed: !values["no-seed"] });
console.log(`scratch database ready: ${dbUrl({ port: cluster.port })}`);
console.log(`PGPORT=${cluster.port}`);
const stop = () => { cluster.stop(); process.exit(0); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => {}, 1 << 30);
