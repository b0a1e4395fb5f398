// Typed request parts for routed functions: path params and query strings go through zod like
// bodies do, so a bad UUID or an unknown query key is a 400 invalid_request, never a SQL error.
import type { z } from "zod";
import { badRequest } from "../errors.ts";
import { readJson } from "../http.ts";
import type { RouteContext } from "../router.ts";

export function parseParams<T extends z.ZodType>(schema: T, ctx: RouteContext): z.infer<T> {
  return schema.parse(ctx.params);
}

export function parseQuery<T extends z.ZodType>(schema: T, ctx: RouteContext): z.infer<T> {
  return schema.parse(Object.fromEntries(ctx.url.searchParams));
}

export async function parseBody<T extends z.ZodType>(schema: T, ctx: RouteContext): Promise<z.infer<T>> {
  return schema.parse(await readJson(ctx.req));
}

/** ISO text for a timestamp column (postgres.js gives Date objects). */
export function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

/**
 * Keyset cursor over (timestamp, id). The timestamp is Postgres' own text form (`ts::text`,
 * microseconds kept): a JS Date would round to milliseconds and make pages repeat rows. Queries
 * compare against `${cursor}::text::timestamptz` so the driver never turns it into a Date.
 */
export function encodeCursor(timestampText: string, id: string): string {
  return btoa(`${timestampText}|${id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [createdAt, id, extra] = atob(cursor.replace(/-/g, "+").replace(/_/g, "/")).split("|");
    if (extra !== undefined || !createdAt || !id) throw new Error("bad cursor");
    if (!/^\d{4}-\d{2}-\d{2}[ T][0-9:.]+([+-]\d{2}(:?\d{2})?|Z)$/.test(createdAt)) throw new Error("bad cursor");
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw badRequest("The cursor is invalid: pass nextCursor from the previous page unchanged");
  }
}
