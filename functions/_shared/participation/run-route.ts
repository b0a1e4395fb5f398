// The shape every participation/attendance route shares: the caller from the verified token,
// path parameters and body through zod, then one transaction (caller's claims set) in which the
// operation reads as the caller, checks its rule and writes.
import type { z } from "zod";
import { type Caller, optionalUser, requireUser } from "../auth.ts";
import { type CallerTransaction, inCallerTransaction } from "../database.ts";
import type { Deps } from "../deps.ts";
import { json, readJson } from "../http.ts";
import type { RouteContext } from "../router.ts";
import { requireActiveAccount } from "../event-access.ts";

export interface OperationContext<P, B> {
  t: CallerTransaction;
  caller: Caller;
  params: P;
  body: B;
  now: Date;
}

interface RouteSpec<P extends z.ZodType, B extends z.ZodType | undefined> {
  params: P;
  body?: B;
  /** Query string schema (public routes): parsed into the context's `query`. */
  query?: z.ZodType;
  status?: number;
}

type BodyOf<B> = B extends z.ZodType ? z.infer<B> : undefined;

/** A signed-in, currently active user's route. */
export function userRoute<P extends z.ZodType, B extends z.ZodType | undefined = undefined, R = unknown>(
  deps: Deps,
  spec: RouteSpec<P, B>,
  operation: (ctx: OperationContext<z.infer<P>, BodyOf<B>>) => Promise<R>,
): (ctx: RouteContext) => Promise<Response> {
  return async ({ req, params }) => {
    const caller = await requireUser(deps.auth, req);
    const parsedParams = spec.params.parse(params) as z.infer<P>;
    const body = (spec.body ? spec.body.parse(await readJson(req)) : undefined) as BodyOf<B>;
    const now = deps.clock.now();
    const result = await inCallerTransaction(deps.sql, caller, async (t) => {
      await requireActiveAccount(t);
      return operation({ t, caller, params: parsedParams, body, now });
    });
    return json(result, spec.status ?? 200);
  };
}

export interface PublicOperationContext<P, B> {
  t: CallerTransaction;
  /** Null for the anon key (or no token where the gateway lets it through). */
  caller: Caller | null;
  params: P;
  body: B;
  /** The parsed query string (an empty object when the route declares none). */
  query: Record<string, unknown>;
  now: Date;
}

/**
 * A route that also answers the anon key (participant counts, the walk-in form). A user token
 * still identifies the caller, and a user who is not active is refused as on every other route.
 */
export function publicRoute<P extends z.ZodType, B extends z.ZodType | undefined = undefined, R = unknown>(
  deps: Deps,
  spec: RouteSpec<P, B>,
  operation: (ctx: PublicOperationContext<z.infer<P>, BodyOf<B>>) => Promise<R>,
): (ctx: RouteContext) => Promise<Response> {
  return async ({ req, params, url }) => {
    const caller = await optionalUser(deps.auth, req);
    const parsedParams = spec.params.parse(params) as z.infer<P>;
    const query = (spec.query ? spec.query.parse(Object.fromEntries(url.searchParams)) : {}) as Record<string, unknown>;
    const body = (spec.body ? spec.body.parse(await readJson(req)) : undefined) as BodyOf<B>;
    const now = deps.clock.now();
    const result = await inCallerTransaction(deps.sql, caller, async (t) => {
      if (caller) await requireActiveAccount(t);
      return operation({ t, caller, params: parsedParams, body, query, now });
    });
    return json(result, spec.status ?? 200);
  };
}
