// Starts what HTTP tests talk to: a throwaway database (unless ATAS_TEST_DB_URL names one), the
// mail catcher standing in for Resend (the only remote service we fake), and the functions
// gateway — real Deno processes on free ports.
import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { dbUrl } from "../../scripts/lib/database.mjs";
import { serviceEnv } from "../../scripts/lib/local-env.mjs";
import { freePort } from "../../scripts/lib/ports.mjs";
import { startDenoService, stopService } from "../../scripts/lib/services.mjs";
import { startThrowawayCluster } from "../../scripts/lib/throwaway-cluster.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    dbUrl: string;
    functionsUrl: string;
    inboxUrl: string;
    serviceEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const cleanups: Array<() => void> = [];
  let url = process.env.ATAS_TEST_DB_URL;
  let dbPort = url ? Number(new URL(url).port) : 0;
  if (!url) {
    const cluster = await startThrowawayCluster({ label: "vitest" });
    cleanups.push(() => cluster.stop());
    dbPort = cluster.port;
    url = dbUrl({ port: cluster.port });
  }
  const [apiPort, inboxPort] = [await freePort(), await freePort()];
  const env = serviceEnv({ dbPort, apiPort, inboxPort }) as Record<string, string>;
  const services = [];
  if (fs.existsSync("scripts/local/mail-catcher.ts")) services.push(startDenoService({
    name: "mail catcher", script: "scripts/local/mail-catcher.ts", readyText: "inbox ready", env: { ...env, PORT: String(inboxPort) },
  }));
  services.push(startDenoService({
    name: "functions", script: "scripts/local/serve-functions.ts", readyText: "functions ready", env: { ...env, PORT: String(apiPort) },
  }));
  for (const service of services) cleanups.push(() => stopService(service));
  try {
    await Promise.all(services.map((service) => service.ready));
  } catch (error) {
    for (const cleanup of cleanups.reverse()) cleanup();
    throw error;
  }
  project.provide("dbUrl", url);
  project.provide("functionsUrl", `http://127.0.0.1:${apiPort}/functions/v1`);
  project.provide("inboxUrl", `http://127.0.0.1:${inboxPort}`);
  project.provide("serviceEnv", env);
  return () => {
    for (const cleanup of cleanups.reverse()) cleanup();
  };
}
