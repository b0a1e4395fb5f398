// The caller's identity comes only from a verified access token, never from the body.
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";
import { forbidden, unauthenticated } from "./errors.ts";
import { readEnv } from "./env.ts";

export interface Caller {
  id: string;
  role: "authenticated";
  claims: JWTPayload & { sub: string; role: string };
}

export interface Authenticator {
  /** Verified claims of the bearer token, or null when there is none. */
  verify(req: Request): Promise<JWTPayload | null>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * HS256 with a shared secret (local stack, `AUTH_JWT_SECRET`) or the project's JWKS (hosted
 * projects sign with asymmetric keys). `issuer`: the project's Auth URL; a user's token must name
 * it (`iss`), as Supabase Auth writes it.
 */
export function createAuthenticator(options: { jwtSecret?: string; jwksUrl?: string; issuer?: string }): Authenticator {
  const secret = options.jwtSecret ? new TextEncoder().encode(options.jwtSecret) : null;
  const jwks = !secret && options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : null;
  return {
    async verify(req) {
      const token = bearerToken(req);
      if (!token) return null;
      if (!secret && !jwks) throw unauthenticated("Token verification is not configured on this server");
      let payload: JWTPayload;
      try {
        payload = secret ? (await jwtVerify(token, secret, { algorithms: ["HS256"] })).payload : (await jwtVerify(token, jwks!)).payload;
      } catch {
        throw unauthenticated("The access token is invalid or expired: sign in again");
      }
      // Only Auth issues user tokens, and it names itself: a token signed with the same key for
      // another issuer (another environment or branch sharing the secret) is not a session here.
      if (options.issuer && payload.role === "authenticated" && payload.iss !== options.issuer) {
        throw unauthenticated("The access token was issued by another Auth server: sign in again");
      }
      return payload;
    },
  };
}

export function authenticatorFromEnv(): Authenticator {
  const supabaseUrl = readEnv("SUPABASE_URL");
  const jwtSecret = readEnv("AUTH_JWT_SECRET");
  // Without either, every token would be refused at request time: refuse to start instead.
  if (!jwtSecret && !supabaseUrl) {
    throw new Error(
      'Refusing to start: neither "AUTH_JWT_SECRET" (HS256 secret) nor "SUPABASE_URL" (for the project JWKS) is set, so no access token could be verified',
    );
  }
  return createAuthenticator({
    ...(jwtSecret ? { jwtSecret } : {}),
    // Supabase Auth's issuer is the project URL + /auth/v1, the URL the functions are given.
    ...(supabaseUrl ? { jwksUrl: `${supabaseUrl}/auth/v1/.well-known/jwks.json`, issuer: `${supabaseUrl}/auth/v1` } : {}),
  });
}

/** A signed-in (non-anonymous) user; anon and service keys are not users. */
export async function requireUser(auth: Authenticator, req: Request): Promise<Caller> {
  const claims = await auth.verify(req);
  if (!claims) throw unauthenticated("Authentication required: send the user's access token as a bearer token");
  if (claims.role === "anon") throw unauthenticated("Sign in first: the anon key does not identify a user");
  if (claims.role !== "authenticated" || typeof claims.sub !== "string" || !UUID.test(claims.sub)) {
    throw forbidden("This action needs a signed-in user's access token");
  }
  if (claims.is_anonymous === true) throw forbidden("Anonymous sessions cannot do this: create an account first");
  return { id: claims.sub, role: "authenticated", claims: claims as Caller["claims"] };
}

/** A caller that may be anonymous: returns null for no token or the anon key. */
export async function optionalUser(auth: Authenticator, req: Request): Promise<Caller | null> {
  const claims = await auth.verify(req);
  if (!claims || claims.role === "anon") return null;
  return requireUser(auth, new Request(req.url, { headers: req.headers }));
}

/** The service role (system jobs). */
export async function requireServiceRole(auth: Authenticator, req: Request): Promise<JWTPayload> {
  const claims = await auth.verify(req);
  if (!claims) throw unauthenticated();
  if (claims.role !== "service_role") throw forbidden("This endpoint is for the service role only");
  return claims;
}
