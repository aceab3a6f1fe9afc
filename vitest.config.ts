import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/ts/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // test files share one database: they run one after another, each cleaning up after itself
    fileParallelism: false,
  },
});
