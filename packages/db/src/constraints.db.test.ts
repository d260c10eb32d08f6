import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations, migrationStatus, readMigrations } from "./migrate/index.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

// The hand-written part of the init migration: CHECK constraints and the append-only
// trigger on InventoryMovement, on PGlite and (with TEST_DATABASE_URL) on PostgreSQL.

let db: TestDatabase;
let variantId: string;
let locationId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const suffix = Math.random().toString(36).slice(2, 8);
  await db.prisma.market.create({ data: { code: `T${suffix}`, name: "Test", currency: "EUR", countries: ["PT"] } });
  const location = await db.prisma.location.create({
    data: {
      code: `LOC-${suffix}`,
      name: "Test store",
      kind: "STORE",
      marketCode: `T${suffix}`,
      addressLine1: "Rua 1",
      city: "Lisboa",
      postalCode: "1000-001",
      countryCode: "PT",
      latitude: 38.7,
      longitude: -9.1,
      timeZone: "Europe/Lisbon",
      currency: "EUR",
      locale: "pt-PT",
      taxRateBps: 2300,
      pricesIncludeTax: true,
      fulfillmentTypes: ["CARRY_OUT"],
      openingHours: {},
    },
  });
  const category = await db.prisma.category.create({ data: { slug: `cat-${suffix}`, name: "Cat" } });
  const product = await db.prisma.product.create({
    data: { handle: `p-${suffix}`, name: "Shirt", categoryId: category.id },
  });
  const variant = await db.prisma.variant.create({
    data: { productId: product.id, sku: `SKU-${suffix}`, name: "Blue / M" },
  });
  variantId = variant.id;
  locationId = location.id;
});

afterAll(async () => {
  await db?.drop();
});

describe("InventoryLevel CHECK constraints", () => {
  test("accept a consistent level", async () => {
    const level = await db.prisma.inventoryLevel.create({
      data: { variantId, locationId, onHand: 5, reserved: 5 },
    });
    expect(level.reserved).toBe(5);
    await db.prisma.inventoryLevel.delete({ where: { id: level.id } });
  });

  test("reject reserved > onHand", async () => {
    await expect(
      db.prisma.inventoryLevel.create({ data: { variantId, locationId, onHand: 2, reserved: 3 } }),
    ).rejects.toThrow(/InventoryLevel_reserved_within_onHand_check/);
  });

  test("reject negative onHand", async () => {
    const level = await db.prisma.inventoryLevel.create({ data: { variantId, locationId, onHand: 1 } });
    await expect(
      db.prisma.inventoryLevel.update({ where: { id: level.id }, data: { onHand: { decrement: 2 } } }),
    ).rejects.toThrow(/InventoryLevel_onHand_check/);
    const after = await db.prisma.inventoryLevel.findUniqueOrThrow({ where: { id: level.id } });
    expect(after.onHand).toBe(1);
    await db.prisma.inventoryLevel.delete({ where: { id: level.id } });
  });
});

describe("InventoryMovement is append-only", () => {
  test("inserts work, updates and deletes fail", async () => {
    const movement = await db.prisma.inventoryMovement.create({
      data: { variantId, locationId, kind: "INITIAL", quantity: 4, actorKind: "SYSTEM" },
    });
    await expect(
      db.prisma.inventoryMovement.update({ where: { id: movement.id }, data: { quantity: 40 } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.inventoryMovement.delete({ where: { id: movement.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.prisma.inventoryMovement.deleteMany({ where: { variantId } })).rejects.toThrow(
      /append-only/,
    );
    const kept = await db.prisma.inventoryMovement.findUniqueOrThrow({ where: { id: movement.id } });
    expect(kept.quantity).toBe(4);
  });
});

describe("migration bookkeeping", () => {
  test("a test database reports every migration applied and none pending", async () => {
    const onDisk = (await readMigrations()).map((m) => m.name);
    expect(onDisk.length).toBeGreaterThan(0);
    expect(await migrationStatus(db)).toEqual({ applied: onDisk, pending: [], failed: [] });
    // The schema engine agrees with the test helper's bookkeeping: nothing left to apply.
    expect(await applyMigrations(db)).toEqual({ applied: [] });
  });

  test("applyMigrations applies everything once, then nothing", async () => {
    const empty = await createTestDatabase({ migrate: false });
    try {
      const onDisk = (await readMigrations()).map((m) => m.name);
      expect(await migrationStatus(empty)).toEqual({ applied: [], pending: onDisk, failed: [] });
      expect(await applyMigrations(empty)).toEqual({ applied: onDisk });
      expect(await applyMigrations(empty)).toEqual({ applied: [] });
      expect(await migrationStatus(empty)).toEqual({ applied: onDisk, pending: [], failed: [] });
      // The engine ran the hand-written SQL whole (function body with semicolons included).
      const [trigger] = await empty.prisma.$queryRawUnsafe<{ n: number }[]>(
        `select count(*)::int as n from pg_trigger where tgname = 'inventory_movement_append_only'`,
      );
      expect(trigger?.n).toBe(1);
      const [checks] = await empty.prisma.$queryRawUnsafe<{ n: number }[]>(
        `select count(*)::int as n from pg_constraint where contype = 'c' and conname like '%\\_check'`,
      );
      expect(checks?.n).toBeGreaterThanOrEqual(20);
    } finally {
      await empty.drop();
    }
  });
});
