// Real parts for e-mail tests and the benchmark: a throwaway Postgres (base + migrations via the
// Supabase CLI), the mail catcher (standing in for Resend, the only remote part we fake), and on
// request the functions gateway or outbox workers as real Deno processes.
import fs from "node:fs";
import path from "node:path";
import { startThrowawayCluster } from "./throwaway-cluster.mjs";
import { dbUrl } from "./database.mjs";
import { startDenoService, startMailCatcher } from "./deno-process.mjs";
import { freePort } from "./ports.mjs";
import { projectRoot } from "./paths.mjs";

export const LOCAL_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
export const SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";
export const ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";

/** SEND_EMAIL_HOOK_SECRET from supabase/.env (the well-known local value). */
export function localHookSecret() {
  const text = fs.readFileSync(path.join(projectRoot, "supabase/.env"), "utf8");
  const match = /^SEND_EMAIL_HOOK_SECRET="?([^"\n]+)"?$/m.exec(text);
  if (!match) throw new Error("supabase/.env has no SEND_EMAIL_HOOK_SECRET");
  return match[1];
}

export async function startEmailTestStack({ label = "email", seed = false, catcherEnv = {} } = {}) {
  const stoppers = [];
  const stop = async () => {
    for (const stopper of stoppers.reverse()) {
      try {
        await stopper();
      } catch (error) {
        console.error(error);
      }
    }
  };
  try {
    const cluster = await startThrowawayCluster({ label, seed });
    stoppers.push(() => cluster.stop());
    const url = dbUrl({ port: cluster.port });
    const catcher = await startMailCatcher({ env: catcherEnv });
    stoppers.push(() => catcher.stop());
    const emailEnv = {
      SUPABASE_DB_URL: url,
      RESEND_BASE_URL: catcher.url,
      RESEND_API_KEY: "re_local_test_key",
      SITE_URL: "http://127.0.0.1:3000",
    };
    return {
      dbPort: cluster.port,
      dbUrl: url,
      catcher,
      emailEnv,
      stop,
      /** The functions gateway (every function of config.toml) on a free port. */
      async startFunctions(env = {}) {
        const port = await freePort();
        const service = await startDenoService("scripts/local/serve-functions.ts", {
          env: {
            ...emailEnv,
            PORT: String(port),
            AUTH_JWT_SECRET: LOCAL_JWT_SECRET,
            SUPABASE_ANON_KEY: ANON_KEY,
            SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
            SEND_EMAIL_HOOK_SECRET: localHookSecret(),
            ...env,
          },
          readyPattern: /functions ready/,
          label: "functions gateway",
        });
        stoppers.push(() => service.stop());
        return { ...service, url: `http://127.0.0.1:${port}/functions/v1` };
      },
      /** An outbox worker process; stop("SIGKILL") kills it mid-whatever. */
      async startWorker(env = {}) {
        const service = await startDenoService("scripts/local/outbox-worker.ts", {
          env: { ...emailEnv, ...env },
          readyPattern: /outbox worker ready/,
          label: "outbox worker",
        });
        stoppers.push(() => service.stop());
        return service;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
