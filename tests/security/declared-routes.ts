// Every function declared in supabase/config.toml and every route of every contracts module
// (`routes` tables: the same list `npm run openapi` reads).
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import type { z } from "zod";

export interface DeclaredFunction {
  name: string;
  verifyJwt: boolean;
}

export interface Route {
  function: string;
  method: string;
  path: string;
  auth: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

const root = path.resolve(import.meta.dirname, "../..");

export function declaredFunctions(): DeclaredFunction[] {
  const config = parse(fs.readFileSync(path.join(root, "supabase/config.toml"), "utf8")) as {
    functions?: Record<string, { enabled?: boolean; verify_jwt?: boolean }>;
  };
  return Object.entries(config.functions ?? {})
    .filter(([, fn]) => fn.enabled !== false)
    .map(([name, fn]) => ({ name, verifyJwt: fn.verify_jwt !== false }));
}

export async function contractRoutes(): Promise<Route[]> {
  const dir = path.join(root, "functions/_shared/contracts");
  const routes: Route[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort()) {
    const module = await import(path.join(dir, file)) as { routes?: Route[] };
    if (Array.isArray(module.routes)) routes.push(...module.routes);
  }
  return routes;
}

/** Whether the route's path has parameters (`:eventId` or `{eventId}`: the modules use both). */
export const hasPathParams = (route: Route) => /:[A-Za-z_]|\{[A-Za-z_]+\}/.test(route.path);

/** `/:eventId/publish` → `<fn>/<uuid>/publish`, each `:param` or `{param}` replaced by `fill(name)`. */
export function concretePath(route: Route, fill: (param: string) => string): string {
  const rest = route.path.replace(/:([A-Za-z_]+)|\{([A-Za-z_]+)\}/g, (_, a: string, b: string) => encodeURIComponent(fill(a ?? b)))
    .replace(/\/$/, "");
  return `${route.function}${rest}`;
}
