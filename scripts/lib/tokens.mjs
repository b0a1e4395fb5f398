// Access tokens shaped as Supabase Auth issues them: base claims, passed through our Custom Access
// Token hook in the database (as Auth calls it), signed HS256 with the local JWT secret.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import postgres from "postgres";
import { LOCAL_JWT_SECRET } from "./local-env.mjs";

/** The `iss` Supabase Auth writes: the project URL + /auth/v1 (what the functions require). */
export function authIssuer(origin) {
  return `${origin}/auth/v1`;
}

/** Claims before the hook, as GoTrue builds them for a password sign-in. */
function baseClaims(user, { issuerOrigin, nowSeconds, expiresInSeconds }) {
  return {
    iss: authIssuer(issuerOrigin),
    sub: user.id,
    aud: "authenticated",
    exp: nowSeconds + expiresInSeconds,
    iat: nowSeconds,
    email: user.email,
    phone: user.phone ?? "",
    app_metadata: user.raw_app_meta_data ?? { provider: "email", providers: ["email"] },
    user_metadata: user.raw_user_meta_data ?? {},
    role: "authenticated",
    aal: "aal1",
    amr: [{ method: "password", timestamp: nowSeconds }],
    session_id: randomUUID(),
    is_anonymous: false,
  };
}

/**
 * Mints a token for the user with this e-mail in the database at `dbUrl`.
 * Connects as `supabase_auth_admin`, the role Auth uses, so the hook's grants are exercised too.
 */
export async function mintUserToken({ dbUrl, email, issuerOrigin = "http://127.0.0.1:54321", expiresInSeconds = 3600, now = new Date() }) {
  const asAuth = new URL(dbUrl);
  asAuth.username = "supabase_auth_admin";
  const sql = postgres(asAuth.toString(), { max: 1, onnotice: () => {} });
  try {
    const [user] = await sql`select id, email, phone, raw_app_meta_data, raw_user_meta_data from auth.users where lower(email) = lower(${email})`;
    if (!user) throw new Error(`No user with e-mail "${email}" in this database`);
    const nowSeconds = Math.floor(now.getTime() / 1000);
    let claims = baseClaims(user, { issuerOrigin, nowSeconds, expiresInSeconds });
    const [hook] = await sql`select to_regprocedure('private.custom_access_token_hook(jsonb)') is not null as present`;
    if (hook?.present) {
      const event = { user_id: user.id, claims, authentication_method: "password" };
      const [row] = await sql`select private.custom_access_token_hook(${sql.json(event)}) as result`;
      const result = row.result;
      if (result.error) throw new Error(`The access-token hook refused "${email}": ${result.error.message}`);
      claims = result.claims;
    }
    return await signClaims(claims);
  } finally {
    await sql.end();
  }
}

export function signClaims(claims, secret = LOCAL_JWT_SECRET) {
  return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(secret));
}
