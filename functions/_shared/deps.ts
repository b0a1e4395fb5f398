// What a handler may touch, built once per process from the environment.
import { type Authenticator, authenticatorFromEnv } from "./auth.ts";
import { type Clock, systemClock } from "./clock.ts";
import { connect, type Sql } from "./database.ts";
import { requireEnv } from "./env.ts";

export interface Deps {
  sql: Sql;
  auth: Authenticator;
  clock: Clock;
}

let shared: Deps | null = null;

export function depsFromEnv(): Deps {
  shared ??= { sql: connect(requireEnv("SUPABASE_DB_URL")), auth: authenticatorFromEnv(), clock: systemClock };
  return shared;
}
