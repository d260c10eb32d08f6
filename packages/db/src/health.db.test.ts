import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { databaseHealth } from "./health.ts";
import { readMigrations } from "./migrate/index.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let migrated: TestDatabase;
let empty: TestDatabase;

beforeAll(async () => {
  [migrated, empty] = await Promise.all([createTestDatabase(), createTestDatabase({ migrate: false })]);
});

afterAll(async () => {
  await Promise.all([migrated?.drop(), empty?.drop()]);
});

describe("databaseHealth", () => {
  test("is ok on a migrated database", async () => {
    const health = await databaseHealth(migrated);
    const onDisk = await readMigrations();
    expect(health).toMatchObject({
      ok: true,
      kind: migrated.kind,
      migrations: { applied: onDisk.length, pending: [], failed: [] },
    });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    expect(health.error).toBeUndefined();
  });

  test("is not ok while migrations are pending", async () => {
    const health = await databaseHealth(empty);
    expect(health.ok).toBe(false);
    expect(health.migrations.pending).toEqual((await readMigrations()).map((m) => m.name));
    expect(health.error).toMatch(/db:migrate/);
  });

  test("reports an unreachable database instead of throwing", async () => {
    const gone = await createTestDatabase();
    await gone.drop();
    const health = await databaseHealth(gone, { timeoutMs: 1_000 });
    expect(health.ok).toBe(false);
    expect(health.latencyMs).toBe(-1);
    expect(health.error).toMatch(/^Database unavailable/);
  });
});
