// Database access for functions. A request runs in one transaction: reads as the caller (role
// `authenticated` + their claims, so RLS decides what they see), writes that carry a rule with the
// function's own privileges after the handler has checked that rule.
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
