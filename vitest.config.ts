import { defineConfig } from "vitest/config";

// Unit, contract and HTTP tests. HTTP tests talk to real Deno serving our functions against a
// throwaway Postgres that tests/support/global-setup.ts builds (or the one `npm test` passes in).
export default defineConfig({
  test: {
    include: ["functions/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ["default"],
  },
});
