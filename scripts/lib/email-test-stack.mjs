// Real parts for e-mail tests and the benchmark: a throwaway Postgres (base + migrations via the
// Supabase CLI), the mail catcher (standing in for Resend, the only remote part we fake), and on
// request the functions gateway or outbox workers as real Deno processes.
import { startThrowawayCluster } from "./throwaway-cluster.mjs";
import { dbUrl } from "./database.mjs";
import { ANON_KEY, dotEnv, LOCAL_JWT_SECRET, SERVICE_ROLE_KEY, serviceEnv } from "./local-env.mjs";
import { startDenoService, startMailCatcher } from "./services.mjs";
import { freePort } from "./ports.mjs";

export { ANON_KEY, LOCAL_JWT_SECRET, SERVICE_ROLE_KEY };

/** SEND_EMAIL_HOOK_SECRET from supabase/.env (the well-known local value). */
export function localHookSecret() {
  const secret = dotEnv().SEND_EMAIL_HOOK_SECRET;
  if (!secret) throw new Error("supabase/.env has no SEND_EMAIL_HOOK_SECRET");
  return secret;
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
        const service = startDenoService({
          name: "functions gateway",
          script: "scripts/local/serve-functions.ts",
          env: {
            ...serviceEnv({ dbPort: cluster.port, apiPort: port, inboxPort: catcher.port }),
            ...emailEnv,
            PORT: String(port),
            ...env,
          },
          readyText: "functions ready",
        });
        stoppers.push(() => service.stop());
        await service.ready;
        return { ...service, url: `http://127.0.0.1:${port}/functions/v1` };
      },
      /** An outbox worker process; stop("SIGKILL") kills it mid-whatever. */
      async startWorker(env = {}) {
        const service = startDenoService({
          name: "outbox worker",
          script: "scripts/local/outbox-worker.ts",
          env: { ...process.env, ...emailEnv, ...env },
          readyText: "outbox worker ready",
        });
        stoppers.push(() => service.stop());
        await service.ready;
        return service;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
