// `npm stop`: stops this checkout's local stack left running (e.g. after a terminal was closed).
// Only the processes this checkout's `npm start` recorded (see lib/stack-pids.mjs) and this
// checkout's database are touched; other checkouts' stacks and look-alike processes are not.
import { dataDirFor, isRunning, stopCluster } from "./lib/cluster.mjs";
import { forgetStack, isSameProcess, readStack } from "./lib/stack-pids.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => console.log(`[stop] ${line}`);

async function endProcess(entry) {
  if (!isSameProcess(entry)) return false;
  // SIGINT first: `npm start` treats it as Ctrl-C and stops its services and database itself.
  for (const [signal, waitMs] of [["SIGINT", 15000], ["SIGTERM", 5000], ["SIGKILL", 2000]]) {
    try {
      process.kill(entry.pid, signal);
    } catch {
      return true;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isSameProcess(entry)) return true;
      await sleep(100);
    }
  }
  return true;
}

let stoppedSomething = false;
const stack = readStack();
if (stack) {
  const [starter, ...services] = stack.processes;
  if (starter && (await endProcess(starter))) {
    log(`stopped npm start (pid ${starter.pid})`);
    stoppedSomething = true;
  }
  // Left over when `npm start` itself was killed without its Ctrl-C path.
  for (const service of services) {
    if (await endProcess(service)) {
      log(`stopped ${service.name} (pid ${service.pid})`);
      stoppedSomething = true;
    }
  }
  forgetStack();
}
const dataDir = dataDirFor("db");
if (isRunning(dataDir)) {
  stopCluster({ dataDir, major: 15 });
  log("local database stopped");
  stoppedSomething = true;
}
if (!stoppedSomething) log("nothing was running");
