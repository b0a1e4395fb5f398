// Starts a throwaway database and keeps it until Ctrl-C: for trying migrations and tests by hand.
//   node scripts/db-scratch.mjs [--pg 17] [--no-seed]
import { startThrowawayCluster } from "./lib/throwaway-cluster.mjs";
import { dbUrl } from "./lib/database.mjs";

const major = process.argv.includes("--pg") ? Number(process.argv[process.argv.indexOf("--pg") + 1]) : 15;
const cluster = await startThrowawayCluster({ major, label: "scratch", seed: !process.argv.includes("--no-seed") });
console.log(`scratch database ready: ${dbUrl({ port: cluster.port })}`);
console.log(`PGPORT=${cluster.port}`);
const stop = () => { cluster.stop(); process.exit(0); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => {}, 1 << 30);
