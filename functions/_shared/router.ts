// A small method + path router for functions with several routes. Paths are matched after the
// function's own name (`/events/123/publish` → `/:id/publish` in function `events`).
import { AppError, badRequest } from "./errors.ts";
import { errorResponse, methodNotAllowed, preflight } from "./http.ts";

export interface RouteContext {
  req: Request;
  url: URL;
  params: Record<string, string>;
}

type RouteHandler = (ctx: RouteContext) => Promise<Response>;
type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

interface Route {
  method: Method;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/\/:([a-zA-Z_]+)/g, (_, name: string) => {
    names.push(name);
    return "/([^/]+)";
  });
  return { pattern: new RegExp(`^${source === "" ? "/?" : `${source}/?`}$`), names };
}

/** The route part of a request path, after `/functions/v1/<name>` or `/<name>`. */
export function routePath(url: URL, functionName: string): string {
  const path = url.pathname.replace(/^\/functions\/v1/, "");
  const prefix = `/${functionName}`;
  return path.startsWith(prefix) ? path.slice(prefix.length) || "/" : path;
}

/** A percent-decoded path segment; a malformed escape (`%zz`, a cut UTF-8 sequence) is the client's error. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest("The request path is malformed: it holds an invalid percent-escape", [
      { path: "path", message: `Cannot decode "${segment.slice(0, 100)}"`, code: "invalid_path" },
    ]);
  }
}

export function createRouter(functionName: string) {
  const routes: Route[] = [];
  const router = {
    on(method: Method, path: string, handler: RouteHandler) {
      routes.push({ method, ...compile(path === "/" ? "" : path), handler });
      return router;
    },
    async handle(req: Request): Promise<Response> {
      if (req.method === "OPTIONS") return preflight();
      try {
        const url = new URL(req.url);
        const path = routePath(url, functionName);
        const matching = routes.filter((route) => route.pattern.test(path));
        if (matching.length === 0) throw new AppError(404, "not_found", `No route for ${req.method} ${path}`);
        const route = matching.find((candidate) => candidate.method === req.method);
        if (!route) {
          return methodNotAllowed(req.method, [...new Set(matching.map((m) => m.method))], path);
        }
        const values = route.pattern.exec(path)?.slice(1) ?? [];
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodePathSegment(values[i] ?? "")]));
        return await route.handler({ req, url, params });
      } catch (error) {
        return errorResponse(error);
      }
    },
  };
  return router;
}
