// The well-known local values (PLATFORM.md §5) and the environment every local service gets.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./paths.mjs";

export const LOCAL_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
export const ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
export const SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";
export const PUBLISHABLE_KEY = "sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH";
export const SECRET_KEY = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";

// Standard local ports; ATAS_*_PORT move them (tests of start-up itself run beside a dev stack).
export const PORTS = {
  api: Number(process.env.ATAS_API_PORT ?? 54321),
  db: Number(process.env.ATAS_DB_PORT ?? 54322),
  studio: 54323,
  inbox: Number(process.env.ATAS_INBOX_PORT ?? 54324),
};

/** Values from supabase/.env (read by the CLI for env() in config.toml too). */
export function dotEnv() {
  const file = path.join(projectRoot, "supabase/.env");
  if (!fs.existsSync(file)) return {};
  const entries = fs.readFileSync(file, "utf8").split("\n")
    .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/.exec(line))
    .filter(Boolean)
    .map((m) => [m[1], m[2]]);
  return Object.fromEntries(entries);
}

// Secrets the functions refuse to start without (SEND_EMAIL_HOOK_SECRET, CHECKIN_CODE_SECRET) come
// from supabase/.env: local, well-known values; hosted projects set their own (README, "Deploying").
export function serviceEnv({ dbPort, apiPort, inboxPort }) {
  return {
    ...process.env,
    ...dotEnv(),
    DENO_NO_UPDATE_CHECK: "1",
    SUPABASE_URL: `http://127.0.0.1:${apiPort}`,
    SUPABASE_DB_URL: `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`,
    SUPABASE_ANON_KEY: ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: SERVICE_ROLE_KEY,
    SUPABASE_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    SUPABASE_SECRET_KEY: SECRET_KEY,
    AUTH_JWT_SECRET: LOCAL_JWT_SECRET,
    SITE_URL: "http://127.0.0.1:3000",
    RESEND_API_KEY: "re_local_catcher",
    RESEND_BASE_URL: `http://127.0.0.1:${inboxPort}`,
    INBOX_URL: `http://127.0.0.1:${inboxPort}`,
  };
}
