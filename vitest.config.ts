import { defineConfig } from "vitest/config";

// Unit tests sit beside the code (lib/**/x.test.ts); integration tests that need PostgreSQL are named
// *.int.test.ts and get a database from tests/global-setup.ts.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.int.test.ts"],
    testTimeout: 20_000,
  },
});
