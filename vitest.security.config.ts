import { defineConfig } from "vitest/config";

// The security suites (`npm run test:security`): JWT and fuzz over real HTTP. They compare table
// checksums, so they run on a database of their own (global setup builds one when
// ATAS_TEST_DB_URL is unset), one file at a time, never beside the other HTTP tests.
export default defineConfig({
  test: {
    include: ["tests/security/**/*.security.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
    reporters: ["default"],
  },
});
