// Liveness and readiness: answers 200 when the function runtime and the database both respond.
import { type Deps, depsFromEnv } from "../_shared/deps.ts";
import { AppError } from "../_shared/errors.ts";
import { errorResponse, json, methodNotAllowed, preflight } from "../_shared/http.ts";

export function createHandler(deps: Pick<Deps, "sql" | "clock">): (req: Request) => Promise<Response> {
  return async function handle(req) {
    if (req.method === "OPTIONS") return preflight();
    if (req.method !== "GET") {
      return methodNotAllowed(req.method, ["GET"]);
    }
    try {
      const [row] = await deps.sql`select current_setting('server_version_num')::int as version`;
      return json({ status: "ok", database: { serverVersion: row?.version ?? null }, time: deps.clock.now().toISOString() });
    } catch (error) {
      console.error(error);
      return errorResponse(new AppError(503, "database_unavailable", "The database is not reachable"));
    }
  };
}

export function handlerFromEnv(): (req: Request) => Promise<Response> {
  return createHandler(depsFromEnv());
}
