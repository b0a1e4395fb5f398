// Shapes the accounts, organizations and admin contracts share. RouteContract has the same shape
// as the one in contracts/common.ts (lifecycle branch) so one OpenAPI generator reads every
// module's `routes`; fold this file into common.ts once both branches are on main.
import { z } from "zod";

/** A Postgres uuid in canonical text form (any version; gen_random_uuid() gives v4). */
export const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Expected a UUID");
export type Uuid = z.infer<typeof Uuid>;

export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

/** Trimmed, non-empty text of at most `max` characters. */
export function boundedText(max: number) {
  return z.string().trim().min(1, "Must not be empty").max(max, `Must be at most ${max} characters`);
}

/** An https URL of at most 500 characters. */
export const HttpsUrl = z.url({ protocol: /^https$/ }).max(500, "Must be at most 500 characters");

/** A required moderation reason (stored ≤ 500 characters: users.suspended_reason, decision_reason). */
export const Reason = boundedText(500);

/** The empty body of an action route: nothing may be sent. */
export const EmptyBody = z.strictObject({});
export type EmptyBody = z.infer<typeof EmptyBody>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** One route of one function, as the OpenAPI generator reads it. */
export interface RouteContract {
  function: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path after `/functions/v1/<function>`, with `:param` segments (e.g. `/:id/approve`). */
  path: string;
  summary: string;
  description?: string;
  auth: "user" | "optional" | "service" | "none";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType; mediaType?: string }>;
  errors?: Array<{ status: number; code: string; when: string }>;
}
