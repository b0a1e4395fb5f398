// Shapes every function shares: ids, timestamps, the error body, and the route table each
// contracts module exports so `npm run openapi` can describe every function from one place.
import { z } from "zod";

/** A Postgres uuid in canonical text form (any version; gen_random_uuid() gives v4). */
export const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Expected a UUID");
export type Uuid = z.infer<typeof Uuid>;

/**
 * A keyset cursor `<microseconds since 1970>_<id>` from a previous page's `nextCursor`. Its
 * pattern is the whole rule: any value that matches names a position in the list.
 */
export const KeysetCursor = z.string().regex(
  /^[0-9]{1,16}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  "Invalid cursor: pass nextCursor from the previous page unchanged",
);

/** An instant with an explicit offset, e.g. `2026-12-03T17:00:00Z` or `2026-12-04T01:00:00+08:00`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTime>;

// Text with at least one (two) characters that trim() keeps, and no NUL anywhere.
// deno-lint-ignore no-control-regex
const VISIBLE_TEXT = /^[^\u0000]*[^\s\u0000\ufeff][^\u0000]*$/;
// deno-lint-ignore no-control-regex
const TWO_VISIBLE = /^[^\u0000]*[^\s\u0000\ufeff][^\u0000]*[^\s\u0000\ufeff][^\u0000]*$/;

/** Trimmed text of at most `max` characters, at least `min` (1 or 2) once trimmed. */
export function boundedText(max: number, min: 1 | 2 = 1) {
  // One pattern says both rules, so that the OpenAPI document says them too: no NUL (Postgres
  // text cannot hold it; found by schemathesis) and something left once trimmed (schemathesis
  // sent "\u00a0", valid for minLength 1, and got a 400). `\s` is what trim() removes; U+FEFF is
  // added for generators whose `\s` (Python's) lacks it. One pattern, not two: two become an
  // allOf that schemathesis can only generate by filtering (its coverage phase stalled on it).
  return z.string().trim().max(max, `Must be at most ${max} characters`)
    .regex(min === 2 ? TWO_VISIBLE : VISIBLE_TEXT, min === 2 ? "Must be at least 2 characters, without NUL characters" : "Must not be blank or contain NUL characters");
}

/** Optional trimmed, non-empty text of at most `max` characters (messages, reasons). */
export function optionalText(max: number) {
  return boundedText(max).optional();
}

// Rules between fields: zod checks them (with a message naming the field) and the JSON Schema
// says them too (`oneOf` / `anyOf` of `required`), so that what the OpenAPI document calls valid
// is what the function accepts (schemathesis sent both fields, or the flag without its field).

/** Exactly one of the two keys is sent. */
export function exactlyOneOf<T extends z.ZodObject>(schema: T, [first, second]: [string, string], message: string) {
  return schema
    .refine((input: Record<string, unknown>) => (input[first] === undefined) !== (input[second] === undefined), { message, path: [first] })
    .meta({ oneOf: [{ required: [first] }, { required: [second] }] });
}

/** When `flag` is sent, `needed` must be sent too. */
export function requiredWith<T extends z.ZodObject>(schema: T, flag: string, needed: string, message: string) {
  return schema
    .refine((input: Record<string, unknown>) => input[flag] === undefined || input[needed] !== undefined, { message, path: [flag] })
    .meta({ anyOf: [{ not: { required: [flag] } }, { required: [needed] }] });
}

/** Path parameters every event-scoped function takes: `/events/:eventId/…`. */
export const EventParams = z.object({ eventId: Uuid }).strict();
export type EventParams = z.infer<typeof EventParams>;
/** Path parameters of routes on one participant row: `/:participantId/…`. */
export const ParticipantParams = z.object({ participantId: Uuid }).strict();
export type ParticipantParams = z.infer<typeof ParticipantParams>;

/**
 * A Storage object name `<eventId>/<userId>/<file>` (never a URL), as the payment-proofs bucket's
 * policies expect it; `message` names the field for the caller.
 */
export function eventUserObjectName(message: string, { nonEmpty = false } = {}) {
  // The file name is never "." or "..": in the pattern, so the published schema says it too.
  return (nonEmpty ? z.string().min(1) : z.string()).max(500).regex(/^[0-9a-f-]{36}\/[0-9a-f-]{36}\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,200}$/i, message);
}

/** A team decision on a pending row: one of `decisions`, with an optional reason (≤ 500). */
export function decisionInput<const T extends readonly [string, ...string[]]>(decisions: T) {
  return z.object({ decision: z.enum(decisions), reason: optionalText(500) }).strict();
}

/** An https URL of at most 500 characters. */
export const HttpsUrl = z.url({ protocol: /^https$/ }).max(500, "Must be at most 500 characters");

/** A required moderation reason (stored ≤ 500 characters: users.suspended_reason, decision_reason). */
export const Reason = boundedText(500);

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe("Stable snake_case code, e.g. invalid_request, not_found, invalid_transition"),
    message: z.string().describe("Sentence case, no final period, names the value at fault"),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** One route of one function, as the OpenAPI generator reads it. */
export interface RouteContract {
  function: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path after `/functions/v1/<function>`, with `:param` segments (e.g. `/:id/publish`). */
  path: string;
  summary: string;
  description?: string;
  /** `user`: a signed-in user's token; `optional`: the anon key is enough; `service`: service role. */
  auth: "user" | "optional" | "service" | "none";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success status → schema (or a media type for non-JSON replies). */
  responses: Record<number, { description: string; schema?: z.ZodType; mediaType?: string }>;
  /** Error codes this route can answer besides the generic ones. */
  errors?: Array<{ status: number; code: string; when: string }>;
}

/** Routes that take no fields still refuse unknown ones. */
export const EmptyBody = z.strictObject({});
export type EmptyBody = z.infer<typeof EmptyBody>;
