import { defineConfig } from "vitest/config";

// Screen journeys (tests/journeys/*.journey.ts): supabase-js against the real Deno gateway and the
// PostgREST per-request SQL replay (tests/journeys/support.ts). Same global setup as the HTTP tests:
// a throwaway database unless ATAS_TEST_DB_URL names one, mail catcher, functions gateway.
export default defineConfig({
  test: {
    include: ["tests/journeys/**/*.journey.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
