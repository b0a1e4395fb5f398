// Database access for functions. A request runs in one transaction: reads as the caller (role
// `authenticated` + their claims, so RLS decides what they see), writes that carry a rule with the
// function's own privileges after the handler has checked that rule.
//
// The function's own role is still the login role of SUPABASE_DB_URL (`postgres`, the owner; not a
// superuser on Supabase). Not yet a dedicated role (issue 14), because: a role that writes past RLS
// needs BYPASSRLS, which only a superuser may grant on Postgres 15 (16+ lets a BYPASSRLS creator do
// it); `service_role` would do (non-owner, BYPASSRLS) but is kept out of the e-mail outbox, the hook
// receipts and auth.sessions on purpose, which the functions use. Meanwhile every function
// transaction carries the caller's claims (or anon's), so guard triggers never take it for the
// system path (private.is_system_path).
import postgres from "postgres";
import type { Caller } from "./auth.ts";

export type Sql = postgres.Sql;
export type Tx = postgres.TransactionSql;

export interface CallerTransaction {
  /** Runs `work` as the caller under RLS, then returns to the function's own role. */
  asCaller<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** The function's own privileges (still bound by constraints and triggers). */
  tx: Tx;
}

export function connect(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 20,
    prepare: false,
    onnotice: () => {},
    connection: { application_name: "atas-functions" },
  });
}

/** One transaction with the caller's claims set, exactly as PostgREST sets them per request. */
export function inCallerTransaction<T>(sql: Sql, caller: Caller | null, work: (t: CallerTransaction) => Promise<T>): Promise<T> {
  return sql.begin(async (tx) => {
    const claims = caller ? caller.claims : { role: "anon" };
    await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
    const role = caller ? "authenticated" : "anon";
    const t: CallerTransaction = {
      tx,
      async asCaller(inner) {
        await tx.unsafe(`set local role ${role}`);
        // On error the transaction is aborted and rolled back, role included: nothing to reset.
        const result = await inner(tx);
        await tx.unsafe("reset role");
        return result;
      },
    };
    return work(t);
  }) as Promise<T>;
}
