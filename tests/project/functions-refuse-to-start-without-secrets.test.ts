// Functions refuse to start without their secrets (issue 14): no built-in fallback such as a
// constant check-in secret. Each case runs the function's real index.ts under Deno with an
// environment that lacks one secret and expects it to exit at once, naming the missing variable.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { binOf, projectRoot } from "../../scripts/lib/paths.mjs";
import { freePort } from "../../scripts/lib/ports.mjs";

async function start(fn: string, without: string[]) {
  const env: Record<string, string> = { ...inject("serviceEnv"), PORT: String(await freePort()) };
  for (const name of without) delete env[name];
  return spawnSync(binOf("deno"), ["run", "-A", "--config", path.join(projectRoot, "deno.json"), path.join(projectRoot, `functions/${fn}/index.ts`)], {
    encoding: "utf8",
    timeout: 45_000,
    env,
  });
}

describe("functions refuse to start without their secrets", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["attendance", ["CHECKIN_CODE_SECRET"], /CHECKIN_CODE_SECRET/],
    ["events", ["SUPABASE_DB_URL"], /SUPABASE_DB_URL/],
    ["registrations", ["AUTH_JWT_SECRET", "SUPABASE_URL"], /AUTH_JWT_SECRET.*SUPABASE_URL/],
    ["auth-email", ["SEND_EMAIL_HOOK_SECRET"], /SEND_EMAIL_HOOK_SECRET/],
    ["outbox-dispatch", ["RESEND_API_KEY"], /RESEND_API_KEY/],
    ["admin", ["SUPABASE_SERVICE_ROLE_KEY"], /SUPABASE_SERVICE_ROLE_KEY/],
  ];
  for (const [fn, without, message] of cases) {
    it(`${fn} without ${without.join(" and ")} exits with a message naming it`, async () => {
      const result = await start(fn, without);
      expect(result.error, "it kept running: it started without the secret").toBeUndefined();
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/Refusing to start/);
      expect(result.stderr).toMatch(message);
    }, 60_000);
  }

  it("attendance refuses a short check-in secret", async () => {
    const env = { ...inject("serviceEnv"), CHECKIN_CODE_SECRET: "short", PORT: String(await freePort()) };
    const result = spawnSync(binOf("deno"), ["run", "-A", "--config", path.join(projectRoot, "deno.json"), path.join(projectRoot, "functions/attendance/index.ts")], {
      encoding: "utf8", timeout: 45_000, env,
    });
    expect(result.error).toBeUndefined();
    expect(result.stderr).toMatch(/CHECKIN_CODE_SECRET.*shorter than 32/);
  }, 60_000);
});
