// Delivers due outbox e-mails for a bounded time and reports what happened. On a hosted project a
// schedule calls it with the service role (pg_cron + pg_net, or any external scheduler); locally
// scripts/local/outbox-worker.ts runs the same dispatcher continuously instead.
import { requireServiceRole } from "../_shared/auth.ts";
import { OutboxDispatchRequest } from "../_shared/contracts/email.ts";
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { emailConfigFromEnv } from "../_shared/email/email-config.ts";
import { createResendMailer, type Mailer } from "../_shared/email/mailer.ts";
import { createOutboxDispatcher, defaultDispatcherOptions } from "../_shared/email/outbox-dispatcher.ts";
import { AppError } from "../_shared/errors.ts";
import { errorResponse, json, preflight, readJson } from "../_shared/http.ts";

export interface OutboxDispatchDeps extends Pick<Deps, "sql" | "auth"> {
  mailer: Mailer;
  siteUrl: string;
}

export function createHandler(deps: OutboxDispatchDeps): (req: Request) => Promise<Response> {
  return async function handle(req) {
    if (req.method === "OPTIONS") return preflight();
    try {
      if (req.method !== "POST") throw new AppError(405, "method_not_allowed", `Method ${req.method} is not allowed: use POST`);
      await requireServiceRole(deps.auth, req);
      const input = OutboxDispatchRequest.parse(await readJson(req));
      const dispatcher = createOutboxDispatcher({
        sql: deps.sql,
        mailer: deps.mailer,
        options: { ...defaultDispatcherOptions, siteUrl: deps.siteUrl, batchSize: input.batchSize },
      });
      const report = await dispatcher.drain({ budgetMs: input.budgetMs });
      return json(report);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Built at start: without its settings the function refuses to start (a clear error, not a 500 later). */
export function handlerFromEnv(): (req: Request) => Promise<Response> {
  const config = emailConfigFromEnv();
  const deps = depsFromEnv();
  return createHandler({ sql: deps.sql, auth: deps.auth, mailer: createResendMailer(config, { timeoutMs: 20_000 }), siteUrl: config.siteUrl });
}
