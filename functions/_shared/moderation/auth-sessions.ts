// Ending a user's sessions when an admin suspends them or they delete their account.
//
// Two layers:
// 1. In the database transaction: delete the user's rows in auth.sessions. Their refresh tokens
//    (auth.refresh_tokens.session_id, on delete cascade on hosted projects) go with them, so no new
//    access token can be obtained with an old refresh token. The project owner (`postgres`) holds
//    these rights on hosted projects and on our local base alike.
// 2. After commit, the Auth admin API: `PUT /auth/v1/admin/users/<id>` with `ban_duration` bans the
//    user so neither a password/OAuth sign-in nor a refresh works until an admin lifts it
//    (`ban_duration: "none"` on reactivation). GoTrue has no "revoke sessions by user id" admin
//    route (admin sign-out takes the user's own JWT), so the ban plus the deleted sessions is the
//    supported combination. Locally there is no Auth server (SUPABASE_URL is the functions
//    gateway, which answers 501 for /auth/v1): the result is `unavailable` and layer 1 stands alone.
//
// Access tokens already issued stay valid until they expire (JWTs cannot be recalled); the
// database and every function check the CURRENT account status, so they can no longer write.
import type { Tx } from "../database.ts";
import { requireEnv } from "../env.ts";

export type AuthAdminOutcome = "banned" | "unbanned" | "unavailable" | "failed";

export interface AuthAdmin {
  setBanned(userId: string, banned: boolean): Promise<AuthAdminOutcome>;
}

/** Roughly 100 years: "until an admin lifts it". */
const PERMANENT_BAN = "876000h";

export function createAuthAdmin(options: { supabaseUrl?: string; serviceRoleKey?: string; fetch?: typeof fetch }): AuthAdmin {
  const doFetch = options.fetch ?? fetch;
  return {
    async setBanned(userId, banned) {
      if (!options.supabaseUrl || !options.serviceRoleKey) return "unavailable";
      try {
        const response = await doFetch(`${options.supabaseUrl}/auth/v1/admin/users/${encodeURIComponent(userId)}`, {
          method: "PUT",
          headers: {
            apikey: options.serviceRoleKey,
            authorization: `Bearer ${options.serviceRoleKey}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({ ban_duration: banned ? PERMANENT_BAN : "none" }),
          signal: AbortSignal.timeout(5000),
        });
        await response.body?.cancel();
        if (response.ok) return banned ? "banned" : "unbanned";
        // 501: our local gateway (no Auth server). 404: no Auth behind this URL.
        if (response.status === 501 || response.status === 404) return "unavailable";
        console.error(`Auth admin API answered ${response.status} while ${banned ? "banning" : "unbanning"} ${userId}`);
        return "failed";
      } catch (error) {
        console.error("Auth admin API not reachable:", error);
        return "unavailable";
      }
    },
  };
}

/** Suspensions ban through the Auth admin API: without its key the function refuses to start. */
export function authAdminFromEnv(): AuthAdmin {
  return createAuthAdmin({ supabaseUrl: requireEnv("SUPABASE_URL"), serviceRoleKey: requireEnv("SUPABASE_SERVICE_ROLE_KEY") });
}

/**
 * Deletes every auth session of the user (their refresh tokens cascade); returns how many. In a
 * savepoint: should a platform change ever take this right from the project owner, the
 * suspension still commits (the database checks the status anyway) and the Auth ban remains.
 */
export async function deleteAuthSessions(tx: Tx, userId: string): Promise<number> {
  try {
    const rows = await tx.savepoint((sp) => sp`delete from auth.sessions where user_id = ${userId} returning id`);
    return rows.length;
  } catch (error) {
    if ((error as { code?: string }).code !== "42501") throw error;
    console.error("Cannot delete auth.sessions rows with the function's role:", error);
    return 0;
  }
}
