// A VALID request for every route: path parameters are real ids from the seed, the body is the
// smallest value its zod schema accepts (from the schema's JSON Schema), plus per-route overrides
// where a refinement needs more (dates in order, a rating in range). Used where a test must be
// sure that what refuses a request is the rule under test (a token, a suspension), not the input.
import { z } from "zod";
import type { Route } from "./declared-routes.ts";

export interface SeedIds {
  /** Cloud Native Workshop: published, public, open, olga's. */
  event: string;
  organization: string;
  user: string;
  participant: string;
  walkInToken: string;
  walkInTokenSecret: string;
  review: string;
  category: string;
  skill: string;
  tag: string;
}

type Json = Record<string, unknown>;

function sampleOf(schema: Json | undefined, name: string, ids: SeedIds): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  // On a typed schema, anyOf/oneOf only constrain which keys go together (contracts/common.ts
  // exactlyOneOf, requiredWith): the type's own branch builds the value.
  for (const key of schema.type ? [] : ["anyOf", "oneOf", "allOf"]) {
    const options = schema[key] as Json[] | undefined;
    if (options?.length) return sampleOf(options.find((o) => o.type !== "null") ?? options[0], name, ids);
  }
  switch (schema.type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const out: Json = {};
      for (const key of (schema.required ?? []) as string[]) out[key] = sampleOf(properties[key], key, ids);
      return out;
    }
    case "array": {
      const min = Number(schema.minItems ?? 0);
      return Array.from({ length: min }, (_, i) => sampleOf(schema.items as Json, `${name}${i}`, ids));
    }
    case "integer":
    case "number":
      return Math.max(Number(schema.minimum ?? 1), 1);
    case "boolean":
      return false;
    case "string": {
      const pattern = String(schema.pattern ?? "");
      if (schema.format === "uuid" || pattern.includes("[0-9a-f]{8}")) return idFor(name, ids);
      if (schema.format === "uri") return "https://example.com/atas";
      if (schema.format === "email") return "someone@example.com";
      if (schema.format === "date-time") return new Date(Date.now() + 20 * 86_400_000).toISOString();
      const min = Number(schema.minLength ?? 1);
      return "x".repeat(Math.max(min, 3)).slice(0, Number(schema.maxLength ?? 1000));
    }
    default:
      return null;
  }
}

function idFor(name: string, ids: SeedIds): string {
  if (/token/i.test(name)) return ids.walkInToken;
  if (/participant/i.test(name)) return ids.participant;
  if (/event/i.test(name)) return ids.event;
  if (/org/i.test(name)) return ids.organization;
  if (/review/i.test(name)) return ids.review;
  if (/categor/i.test(name)) return ids.category;
  if (/skill/i.test(name)) return ids.skill;
  if (/tag/i.test(name)) return ids.tag;
  return ids.user;
}

const toJson = (schema: z.ZodType | undefined) =>
  schema ? z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as Json : undefined;

/** Ids of the resource a route's `:id` names (the function decides which table). */
function pathId(route: Route, param: string, ids: SeedIds): string {
  if (param !== "id") return idFor(param, ids);
  const byFunction: Record<string, string> = { events: ids.event, organizations: ids.organization, reviews: ids.review };
  if (route.function === "admin") {
    if (route.path.startsWith("/categories")) return ids.category;
    if (route.path.startsWith("/skills")) return ids.skill;
    if (route.path.startsWith("/tags")) return ids.tag;
  }
  return byFunction[route.function] ?? ids.user;
}

// Refinements a JSON Schema cannot say: patches on the generated body.
const OVERRIDES: Record<string, (body: Json, ids: SeedIds) => Json> = {
  "POST events": (body) => ({
    ...body, startDatetime: new Date(Date.now() + 40 * 86_400_000).toISOString(),
    endDatetime: new Date(Date.now() + 40 * 86_400_000 + 7_200_000).toISOString(),
  }),
  "POST attendance/walk-in": (body, ids) => ({ ...body, token: ids.walkInTokenSecret, email: "walk.in@example.com" }),
  "POST attendance/events/:eventId/check-in": () => ({ code: "ABCDEFGH" }),
  "PATCH events/:id": () => ({ description: "Changed by the security suite" }),
  "PATCH organizations/:id": () => ({ description: "Changed by the security suite" }),
  "PATCH reviews/:id": () => ({ rating: 4 }),
  "PUT organizations/:id/bank-details": (body) => ({ ...body, accountNumber: "5140 1234 5678" }),
  "PUT participants/events/:eventId/payment-proof": (body, ids) => ({ ...body, path: `${ids.event}/${ids.user}/proof.png` }),
  // A well-formed QR (the signature is checked after the caller's standing): the scan route's input.
  "POST attendance/events/:eventId/scan": (_body, ids) => ({ token: `qr1.${ids.participant}.${ids.event}.${Math.floor(Date.now() / 1000) + 600}.${"A".repeat(43)}` }),
  "POST participants/events/:eventId/bookings": (_body, ids) => ({ expertId: ids.user, proposal: { title: "A brief from the security suite" } }),
  "PUT participants/events/:eventId/promo": () => ({ promoLink: "https://example.com/promo" }),
};

export interface ValidRequest {
  path: string;
  body?: unknown;
}

export function validRequest(route: Route, ids: SeedIds): ValidRequest {
  const params = toJson(route.params);
  const values = (sampleOf(params, "params", ids) ?? {}) as Json;
  const path = route.path.replace(/:([A-Za-z_]+)|\{([A-Za-z_]+)\}/g, (_, a: string, b: string) => {
    const param = a ?? b;
    const schema = ((params?.properties ?? {}) as Record<string, Json>)[param];
    const value = schema && (schema.enum || schema.const !== undefined) ? values[param] : pathId(route, param, ids);
    return encodeURIComponent(String(value));
  }).replace(/\/$/, "");
  const key = `${route.method} ${route.function}${route.path.replace(/\{([A-Za-z_]+)\}/g, ":$1")}`.replace(/\/$/, "");
  const generated = route.body ? sampleOf(toJson(route.body), "body", ids) as Json : undefined;
  const override = OVERRIDES[key];
  const body = override ? override(generated ?? {}, ids) : generated;
  return { path: `${route.function}${path}`, ...(body === undefined ? {} : { body }) };
}
