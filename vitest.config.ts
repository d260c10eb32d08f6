import { defineConfig } from "vitest/config";

// One run for the whole monorepo: unit tests (*.test.ts), database tests (*.db.test.ts,
// embedded PGlite by default, PostgreSQL when TEST_DATABASE_URL is set) and browser
// journeys (apps/web/e2e/*.e2e.test.ts, against a server the suite starts itself).
export default defineConfig({
  test: {
    reporters: ["default", "./tools/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["packages/*/src/**/*.test.ts", "apps/web/src/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "**/node_modules/**"],
          environment: "node",
        },
      },
      {
        test: {
          name: "db",
          sequence: { groupOrder: 1 },
          include: ["packages/*/src/**/*.db.test.ts", "apps/web/src/**/*.db.test.ts"],
          exclude: ["**/node_modules/**"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file builds its own database; two at a time fits a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "e2e",
          sequence: { groupOrder: 2 },
          include: ["apps/web/e2e/**/*.e2e.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
