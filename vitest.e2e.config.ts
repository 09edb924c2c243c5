import { defineConfig } from "vitest/config";
import path from "node:path";

// End-to-end suites: one production server (built and started by the global setup) on a
// fresh SQLite database, exercised over HTTP and through Debian's Chromium.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    setupFiles: ["tests/e2e/setup.ts"],
    environment: "node",
    // isolated-vm (the grader's sandbox) requires it on Node 20+.
    execArgv: ["--no-node-snapshot"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
