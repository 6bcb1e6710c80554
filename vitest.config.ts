import { defineConfig } from "vitest/config";

// Two projects: unit tests beside the code (x.test.ts), and integration tests (x.int.test.ts) that talk to
// a real PostgreSQL: the embedded server by default, TEST_DATABASE_URL when given. Each integration test
// file gets its own database cloned from a migrated template (tests/integration-db.ts).
const serverOnlyStub = new URL("./node_modules/server-only/empty.js", import.meta.url).pathname;

export default defineConfig({
  resolve: { tsconfigPaths: true, alias: { "server-only": serverOnlyStub } },
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "tests/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "tests/**/*.int.test.ts", "scripts/**/*.int.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          hookTimeout: 120_000,
          testTimeout: 60_000,
          // Files run in parallel, each in its own database.
          fileParallelism: true,
        },
      },
    ],
  },
});
