// Typed request parts for routed functions: path params and query strings go through zod like
// bodies do, so a bad UUID or an unknown query key is a 400 invalid_request, never a SQL error.
import type { z } from "zod";
import type { Tx } from "../database.ts";
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
 * Keyset cursor over (timestamp, id), written out as `<microseconds since 1970>_<id>` (the
 * contract's KeysetCursor pattern): every value of that pattern is a position in the list, so a
 * schema-valid cursor is never refused (schemathesis sent "0", valid for the old "opaque base64"
 * pattern, and got a 400). Microseconds keep Postgres' precision (a JS Date would round to
 * milliseconds and pages would repeat rows): queries select `cursorMicroseconds(column)` and
 * compare with `cursorInstant(microseconds)`.
 */
export function encodeCursor(microseconds: string, id: string): string {
  return `${microseconds}_${id}`;
}

/** SQL: a timestamp column as the cursor's exact microseconds (text). `column` is code, never input. */
export function cursorMicroseconds(tx: Tx, column: string) {
  return tx.unsafe(`(extract(epoch from ${column}) * 1000000)::bigint::text`);
}

/** SQL: the cursor's microseconds as a timestamptz, exactly (`us * interval` would go through a double). */
export function cursorInstant(tx: Tx, microseconds: string) {
  return tx`timestamptz 'epoch' + (${microseconds}::text || ' microseconds')::interval`;
}

/** The (microseconds, id) of a cursor the contract's pattern already accepted. */
export function decodeCursor(cursor: string | undefined): { microseconds: string; id: string } | null {
  if (!cursor) return null;
  const [microseconds, id] = cursor.split("_");
  return { microseconds: microseconds!, id: id! };
}
