import type { PrismaClient } from "@oms/db";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import type { DomainContext } from "../context.ts";
import { inventoryWorld, systemContext } from "../inventory/inventory.fixtures.ts";
import { adjustStock, commitReservations, receiveStock, reserveStock } from "../inventory/index.ts";
import { refreshSalesVelocity } from "../forecasting/index.ts";
import { expectAppError } from "../testing/index.ts";
import { exportInventoryCsv, getVariantStock, INVENTORY_COUNT_CAP, listInventory, listVariantMovements, type InventoryRow } from "./index.ts";

const db = useTestDatabase();
const DAY = 86_400_000;
const now = new Date("2026-11-20T12:00:00Z");

/** Sells `units` of a variant at a location on `daysAgo` (reserve + commit, as a till sale does). */
async function sell(prisma: PrismaClient, variantId: string, locationId: string, units: number, daysAgo: number) {
  const ctx: DomainContext = { db: prisma, actor: { kind: "SYSTEM" }, now: new Date(now.getTime() - daysAgo * DAY) };
  const [reservation] = await reserveStock({ lines: [{ variantId, locationId, quantity: units }] }, ctx);
  await commitReservations({ reservationIds: [reservation!.id], kind: "SALE" }, ctx);
}

/**
 * Three locations, four variants in two categories:
 *   JKT-1 (Trail Jacket, Jackets, barcode)  A: 30 on hand, 28 sold over 28 days (1/day) → 30 days
 *                                           B: 2 on hand, reorder point 5 → low
 *   JKT-2 (Trail Jacket, Jackets)           A: 0 on hand → zero and low
 *   BT-1  (Summit Boot, Boots)              A: 10 on hand, 3 reserved, safety stock 2 → ATP 5; 14 sold 3 days ago (1.15/day, weighted), 50 before the window → 8.7 days
 *   BT-2  (Summit Boot, Boots)              C: 7 on hand, 7 in transit
 */
async function world() {
  const base = await inventoryWorld(db.prisma, { locations: 3, variants: 0 });
  const [a, b, c] = base.locations as [(typeof base.locations)[0], (typeof base.locations)[0], (typeof base.locations)[0]];
  const tag = base.market.code.slice(1).toUpperCase();
  const jackets = await db.prisma.category.create({ data: { slug: `jackets-${tag}`, name: `Jackets ${tag}` } });
  const boots = await db.prisma.category.create({ data: { slug: `boots-${tag}`, name: `Boots ${tag}` } });
  const jacket = await db.prisma.product.create({ data: { handle: `jacket-${tag}`, name: `Trail Jacket ${tag}`, categoryId: jackets.id } });
  const boot = await db.prisma.product.create({ data: { handle: `boot-${tag}`, name: `Summit Boot ${tag}`, categoryId: boots.id } });
  const jkt1 = await db.prisma.variant.create({ data: { productId: jacket.id, sku: `JKT-${tag}-1`, name: "Red / M", barcodes: { create: { code: `400${tag}1` } } } });
  const jkt2 = await db.prisma.variant.create({ data: { productId: jacket.id, sku: `JKT-${tag}-2`, name: "Red / L" } });
  const bt1 = await db.prisma.variant.create({ data: { productId: boot.id, sku: `BT-${tag}-1`, name: "42" } });
  const bt2 = await db.prisma.variant.create({ data: { productId: boot.id, sku: `BT-${tag}-2`, name: "43" } });

  const early = systemContext(db.prisma, new Date(now.getTime() - 60 * DAY));
  await receiveStock({ locationId: a.id, lines: [{ variantId: jkt1.id, quantity: 58 }, { variantId: bt1.id, quantity: 74 }] }, early);
  await receiveStock({ locationId: b.id, lines: [{ variantId: jkt1.id, quantity: 2 }] }, early);
  await receiveStock({ locationId: c.id, lines: [{ variantId: bt2.id, quantity: 7 }] }, early);
  // JKT-2 at A: stocked once, all gone.
  await receiveStock({ locationId: a.id, lines: [{ variantId: jkt2.id, quantity: 1 }] }, early);
  await adjustStock({ locationId: a.id, variantId: jkt2.id, quantity: -1, reason: "DAMAGED" }, early);

  for (let d = 0; d < 28; d++) await sell(db.prisma, jkt1.id, a.id, 1, d + 0.5); // 28 in the window
  await sell(db.prisma, bt1.id, a.id, 14, 3); // 14 on day 2 of the window (weight 0.82): 1.15 a day
  await sell(db.prisma, bt1.id, a.id, 50, 40); // before the window: not counted

  await db.prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: jkt1.id, locationId: b.id } }, data: { reorderPoint: 5 } });
  await db.prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: bt1.id, locationId: a.id } }, data: { safetyStock: 2 } });
  await db.prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: bt2.id, locationId: c.id } }, data: { inTransit: 7, reorderPoint: 3 } });
  await reserveStock({ lines: [{ variantId: bt1.id, locationId: a.id, quantity: 3 }] }, systemContext(db.prisma, now));
  // The stored velocity the screens read, as the job computes it (docs/forecasting.md).
  await refreshSalesVelocity({ locationIds: [a.id, b.id, c.id] }, { db: db.prisma, now });
  return { a, b, c, jackets, boots, jkt1, jkt2, bt1, bt2, all: [a.id, b.id, c.id] };
}

const skus = (rows: InventoryRow[]) => rows.map((r) => `${r.sku}@${r.locationName}`);

describe("the inventory table", () => {
  it("shows every variant × location with ATP, days of cover and low stock", async () => {
    const w = await world();
    const page = await listInventory({ locationIds: w.all }, { db: db.prisma, now });
    expect(page.total).toBe(5);
    expect(page.totalCapped).toBe(false);
    // Default: by SKU, then location name.
    expect(skus(page.items)).toEqual([`${w.bt1.sku}@Store 0`, `${w.bt2.sku}@Store 2`, `${w.jkt1.sku}@Store 0`, `${w.jkt1.sku}@Store 1`, `${w.jkt2.sku}@Store 0`]);
    const byKey = new Map(page.items.map((r) => [`${r.sku}@${r.locationName}`, r]));
    expect(byKey.get(`${w.jkt1.sku}@Store 0`)).toMatchObject({ onHand: 30, reserved: 0, available: 30, soldPerDay: 1, daysOfCover: 30, low: false, categoryName: w.jackets.name });
    expect(byKey.get(`${w.bt1.sku}@Store 0`)).toMatchObject({ onHand: 10, reserved: 3, safetyStock: 2, available: 5, soldPerDay: 1.15, daysOfCover: 8.7, low: false });
    expect(byKey.get(`${w.jkt1.sku}@Store 1`)).toMatchObject({ onHand: 2, reorderPoint: 5, soldPerDay: 0, daysOfCover: null, low: true });
    expect(byKey.get(`${w.jkt2.sku}@Store 0`)).toMatchObject({ onHand: 0, daysOfCover: null, low: true });
    expect(byKey.get(`${w.bt2.sku}@Store 2`)).toMatchObject({ onHand: 7, inTransit: 7, low: false });
  });

  it("filters by location, category, search (SKU, name, barcode), low and zero stock", async () => {
    const w = await world();
    const ctx = { db: db.prisma, now };
    expect(skus((await listInventory({ locationIds: [w.b.id, w.c.id] }, ctx)).items)).toEqual([`${w.bt2.sku}@Store 2`, `${w.jkt1.sku}@Store 1`]);
    expect(skus((await listInventory({ locationIds: w.all, categoryId: w.boots.id }, ctx)).items)).toEqual([`${w.bt1.sku}@Store 0`, `${w.bt2.sku}@Store 2`]);
    expect(skus((await listInventory({ locationIds: w.all, search: w.jkt1.sku.toLowerCase() }, ctx)).items)).toEqual([`${w.jkt1.sku}@Store 0`, `${w.jkt1.sku}@Store 1`]);
    expect((await listInventory({ locationIds: w.all, search: "summit boot" }, ctx)).total).toBe(2);
    expect((await listInventory({ locationIds: w.all, search: "Red / L" }, ctx)).items.map((r) => r.sku)).toEqual([w.jkt2.sku]);
    const barcode = (await db.prisma.barcode.findFirstOrThrow({ where: { variantId: w.jkt1.id } })).code;
    expect((await listInventory({ locationIds: w.all, search: barcode }, ctx)).total).toBe(2);
    // LIKE wildcards are searched for literally.
    expect((await listInventory({ locationIds: w.all, search: "%" }, ctx)).total).toBe(0);
    expect(skus((await listInventory({ locationIds: w.all, stock: "LOW" }, ctx)).items)).toEqual([`${w.jkt1.sku}@Store 1`, `${w.jkt2.sku}@Store 0`]);
    expect(skus((await listInventory({ locationIds: w.all, stock: "ZERO" }, ctx)).items)).toEqual([`${w.jkt2.sku}@Store 0`]);
    expect(skus((await listInventory({ locationIds: w.all, categoryId: w.jackets.id, stock: "LOW", search: "JKT" }, ctx)).items)).toEqual([
      `${w.jkt1.sku}@Store 1`,
      `${w.jkt2.sku}@Store 0`,
    ]);
    expect((await listInventory({ locationIds: [] }, ctx)).total).toBe(0);
  });

  it("sorts by every column, both ways, with a stable order", async () => {
    const w = await world();
    const ctx = { db: db.prisma, now };
    const sorted = async (sort: Parameters<typeof listInventory>[0]["sort"], desc = false) => skus((await listInventory({ locationIds: w.all, sort, desc }, ctx)).items);
    expect(await sorted("onHand", true)).toEqual([`${w.jkt1.sku}@Store 0`, `${w.bt1.sku}@Store 0`, `${w.bt2.sku}@Store 2`, `${w.jkt1.sku}@Store 1`, `${w.jkt2.sku}@Store 0`]);
    expect((await sorted("available")).slice(0, 1)).toEqual([`${w.jkt2.sku}@Store 0`]);
    expect((await sorted("inTransit", true))[0]).toBe(`${w.bt2.sku}@Store 2`);
    expect((await sorted("reserved", true))[0]).toBe(`${w.bt1.sku}@Store 0`);
    expect((await sorted("safetyStock", true))[0]).toBe(`${w.bt1.sku}@Store 0`);
    expect((await sorted("reorderPoint", true))[0]).toBe(`${w.jkt1.sku}@Store 1`);
    // Days of cover: 20 (BT-1) before 30 (JKT-1); nothing sold: last, whichever way.
    expect((await sorted("daysOfCover")).slice(0, 2)).toEqual([`${w.bt1.sku}@Store 0`, `${w.jkt1.sku}@Store 0`]);
    expect((await sorted("daysOfCover", true)).slice(0, 2)).toEqual([`${w.jkt1.sku}@Store 0`, `${w.bt1.sku}@Store 0`]);
    expect(await sorted("location")).toEqual([`${w.bt1.sku}@Store 0`, `${w.jkt1.sku}@Store 0`, `${w.jkt2.sku}@Store 0`, `${w.jkt1.sku}@Store 1`, `${w.bt2.sku}@Store 2`]);
    expect((await sorted("location", true))[0]).toBe(`${w.bt2.sku}@Store 2`);
    expect((await sorted("name")).slice(0, 2)).toEqual([`${w.bt1.sku}@Store 0`, `${w.bt2.sku}@Store 2`]);
    expect((await sorted("sku", true))[0]).toBe(`${w.jkt2.sku}@Store 0`);
  });

  it("pages without gaps or repeats, and refuses pages past the count cap", async () => {
    const w = await world();
    const ctx = { db: db.prisma, now };
    for (const sort of ["sku", "onHand", "location", "daysOfCover"] as const) {
      const seen: string[] = [];
      for (let pageIndex = 0; pageIndex < 3; pageIndex++) {
        const page = await listInventory({ locationIds: w.all, sort, pageIndex, pageSize: 2 }, ctx);
        expect(page.total).toBe(5);
        seen.push(...page.items.map((r) => r.id));
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    }
    await expectAppError(listInventory({ pageIndex: INVENTORY_COUNT_CAP / 50, pageSize: 50 }, ctx), "VALIDATION_FAILED", /narrow the filter/);
    await expectAppError(listInventory({ locationIds: ["nope"] }, ctx), "VALIDATION_FAILED", /locationIds\.0: Choose a location/);
  });

  it("exports the filtered set as CSV in chunks, every row once", async () => {
    const w = await world();
    const ctx = { db: db.prisma, now };
    await db.prisma.product.update({ where: { id: (await db.prisma.variant.findUniqueOrThrow({ where: { id: w.bt1.id } })).productId }, data: { name: '=HYPERLINK("x"), "Boot"' } });
    let chunk = await exportInventoryCsv({ locationIds: w.all, chunkSize: 2 }, ctx);
    const chunks = [chunk];
    while (chunk.nextCursor) {
      chunk = await exportInventoryCsv({ locationIds: w.all, chunkSize: 2, cursor: chunk.nextCursor }, ctx);
      chunks.push(chunk);
    }
    expect(chunks.map((c) => c.rows)).toEqual([2, 2, 1]);
    const lines = chunks.map((c) => c.csv).join("").split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("SKU,Product,Variant,Category,Location code,Location,On hand,Reserved,ATP,In transit,Safety stock,Reorder point,Sold per day (28 days),Days of cover,Low stock");
    expect(lines).toHaveLength(6);
    // Quoted, quotes doubled, and not a formula.
    expect(lines[1]).toBe(`${w.bt1.sku},"'=HYPERLINK(""x""), ""Boot""",42,Boots ${w.boots.name.split(" ")[1]},${w.a.code},Store 0,10,3,5,0,2,0,1.15,8.7,no`);
    expect(lines.find((l) => l.startsWith(`${w.jkt1.sku},`) && l.includes("Store 1"))).toMatch(/,2,0,2,0,0,5,0,,yes$/);
    const low = await exportInventoryCsv({ locationIds: w.all, stock: "LOW" }, ctx);
    expect(low.rows).toBe(2);
    expect(low.nextCursor).toBeNull();
    await expectAppError(exportInventoryCsv({ cursor: "garbage" }, ctx), "VALIDATION_FAILED", /start the export again/);
  });
});

describe("one variant across locations", () => {
  it("lists every active location (zeros where never stocked) with totals, and the ledger across them", async () => {
    const w = await world();
    const stock = await getVariantStock({ variantId: w.jkt1.id }, { db: db.prisma, now });
    expect(stock.variant).toMatchObject({ sku: w.jkt1.sku, category: { name: w.jackets.name } });
    expect(stock.variant.barcodes).toHaveLength(1);
    const mine = stock.locations.filter((l) => w.all.includes(l.locationId));
    expect(mine.map((l) => [l.locationName, l.onHand, l.daysOfCover, l.low])).toEqual([
      ["Store 0", 30, 30, false],
      ["Store 1", 2, null, true],
      ["Store 2", 0, null, false],
    ]);
    expect(mine[2]!.levelId).toBeNull();
    expect(stock.totals.onHand).toBeGreaterThanOrEqual(32);

    const first = await listVariantMovements({ variantId: w.jkt1.id, limit: 20 }, { db: db.prisma });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.kind).toBe("SALE");
    const rest = await listVariantMovements({ variantId: w.jkt1.id, limit: 20, cursor: first.nextCursor! }, { db: db.prisma });
    // 2 receipts + 28 sales.
    expect(first.items.length + rest.items.length).toBe(30);
    expect(rest.nextCursor).toBeNull();
    const atB = await listVariantMovements({ variantId: w.jkt1.id, locationId: w.b.id }, { db: db.prisma });
    expect(atB.items.map((m) => [m.kind, m.quantity, m.locationName])).toEqual([["RECEIPT", 2, "Store 1"]]);
  });
});
