import { compare } from "bcryptjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/index.ts";
import { isValidEan13 } from "./ean13.ts";
import { DEMO_PASSWORD, DEMO_PIN, demoSignIns, hashApiKeySecret, isDatabaseEmpty, seedDemoData } from "./index.ts";

const NOW = new Date("2026-11-22T00:00:00.000Z");
const DAY = 86_400_000;

/** Runs a query and returns its rows with bigint counts turned into numbers. */
async function sql<T = Record<string, unknown>>(db: TestDatabase, query: string): Promise<T[]> {
  const rows = await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(query);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))) as T[];
}

describe("seedDemoData (full demo)", () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    expect(await isDatabaseEmpty(db.prisma)).toBe(true);
    await seedDemoData(db.prisma, { now: NOW });
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
  });

  test("a network in several markets and currencies", async () => {
    const p = db.prisma;
    expect(await isDatabaseEmpty(p)).toBe(false);
    const locations = await p.location.findMany();
    expect(new Set(locations.map((l) => l.currency)).size).toBeGreaterThanOrEqual(2);
    expect(locations.filter((l) => l.kind === "WAREHOUSE")).toHaveLength(1);
    expect(locations.filter((l) => l.kind === "STORE").length).toBeGreaterThanOrEqual(5);
    expect(locations.filter((l) => l.kind === "DROPSHIP_SUPPLIER")).toHaveLength(1);
    expect(locations.map((l) => l.code)).toContain("WAW1");
    for (const l of locations) {
      expect(l.dailyCapacity).toBeGreaterThan(0);
      expect(Object.keys(l.openingHours as object)).toHaveLength(7);
      if (l.kind === "STORE") expect(l.fulfillmentTypes).toEqual(expect.arrayContaining(["CARRY_OUT", "PICKUP"]));
    }
    const settings = await p.organizationSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings.reportingCurrency).toBe("EUR");
    const markets = await p.market.findMany();
    for (const m of markets) {
      expect(locations.some((l) => l.marketCode === m.code)).toBe(true);
      const rule = await p.routingRule.findFirst({ where: { marketCode: m.code, channel: null, fulfillmentType: null } });
      expect(rule?.filters).toMatchObject({ stayInMarket: true, locationKinds: ["STORE", "WAREHOUSE"] });
      expect(rule?.fallbacks).toEqual(["BACKORDER", "DROPSHIP"]);
    }
    const fx = await p.fxRate.findUniqueOrThrow({ where: { base_quote: { base: "PLN", quote: "EUR" } } });
    expect(fx.rate.toString()).toBe("0.2315");
    expect(await p.register.count()).toBe(locations.filter((l) => l.kind === "STORE").length * 2);
  });

  test("a catalog of 300+ products whose barcodes are valid, unique EAN-13s", async () => {
    const p = db.prisma;
    expect(await p.product.count()).toBeGreaterThanOrEqual(300);
    const variants = await p.variant.findMany({ include: { barcodes: true, prices: true } });
    expect(variants.length).toBeGreaterThanOrEqual(900);
    const codes = variants.flatMap((v) => v.barcodes.map((b) => b.code));
    expect(codes.every(isValidEan13)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(variants.every((v) => v.barcodes.length >= 1)).toBe(true);
    expect(variants.some((v) => v.barcodes.length === 2)).toBe(true);
    expect(variants.every((v) => /^NW-\d{4}-[A-Z]{3}-[0-9A-Z]+$/.test(v.sku))).toBe(true);
    const currencies = (await p.market.findMany()).map((m) => m.currency).sort();
    for (const v of variants) expect(v.prices.map((x) => x.currency).sort()).toEqual(currencies);
    expect(variants.some((v) => v.prices.some((x) => x.compareAt !== null && x.compareAt > x.amount))).toBe(true);
    expect(await p.product.count({ where: { taxCategory: "REDUCED" } })).toBeGreaterThan(0);
  });

  test("500+ orders over the last 90 days on every channel and in every status", async () => {
    const p = db.prisma;
    expect(await p.order.count()).toBeGreaterThanOrEqual(500);
    const channels = await p.order.groupBy({ by: ["channel"], _count: true });
    expect(channels.map((c) => c.channel).sort()).toEqual(["MARKETPLACE", "PHONE", "POS", "SOCIAL", "WEB"]);
    const statuses = (await p.order.groupBy({ by: ["status"], _count: true })).map((s) => s.status);
    for (const status of ["COMPLETED", "FULFILLED", "IN_FULFILLMENT", "ALLOCATED", "ON_HOLD", "CANCELLED", "PARTIALLY_RETURNED", "RETURNED"] as const) {
      expect(statuses).toContain(status);
    }
    const range = await p.order.aggregate({ _min: { placedAt: true }, _max: { placedAt: true } });
    expect(range._min.placedAt!.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 91 * DAY);
    expect(range._max.placedAt!.getTime()).toBeLessThan(NOW.getTime());
    const numbers = await p.order.findMany({ select: { number: true } });
    expect(numbers.some((o) => o.number.startsWith("WAW1-"))).toBe(true);
    expect(numbers.some((o) => /^W-1\d{5}$/.test(o.number))).toBe(true);
  });

  test("money adds up on every order and line", async () => {
    const totals = await sql(db, `
      SELECT o."number" FROM "Order" o
      JOIN (SELECT "orderId", SUM("total") AS lines, SUM("unitPrice" * "quantity") AS gross, SUM("discountTotal") AS discounts
            FROM "OrderLine" GROUP BY "orderId") l ON l."orderId" = o."id"
      WHERE o."total" <> l.lines + o."shippingTotal" OR o."subtotal" <> l.gross OR o."discountTotal" <> l.discounts`);
    expect(totals).toEqual([]);
    const lineTax = await sql(db, `
      SELECT "id" FROM "OrderLine"
      WHERE "taxTotal" <> ROUND("total"::numeric * "taxRateBps" / (10000 + "taxRateBps"))
         OR "total" <> "unitPrice" * "quantity" - "discountTotal"`);
    expect(lineTax).toEqual([]);
    const orderTax = await sql(db, `
      SELECT o."number" FROM "Order" o
      JOIN (SELECT "orderId", SUM("taxTotal") AS tax FROM "OrderLine" GROUP BY "orderId") l ON l."orderId" = o."id"
      JOIN "Location" loc ON loc."currency" = o."currency"
      WHERE o."taxTotal" <> l.tax + ROUND(o."shippingTotal"::numeric * loc."taxRateBps" / (10000 + loc."taxRateBps"))`);
    expect(orderTax).toEqual([]);
    // Refunds never exceed what was paid, and a RETURNED order was refunded in full.
    const payments = await sql(db, `SELECT "id" FROM "Payment" WHERE "amountRefunded" > "amountCaptured"`);
    expect(payments).toEqual([]);
    const returned = await sql(db, `
      SELECT o."number" FROM "Order" o JOIN "Payment" p ON p."orderId" = o."id"
      WHERE o."status" = 'RETURNED' AND (p."amountRefunded" <> o."total" OR o."paymentStatus" <> 'REFUNDED')`);
    expect(returned).toEqual([]);
  });

  test("the stock ledger reconciles and reservations match", async () => {
    const ledger = await sql(db, `
      SELECT l."id" FROM "InventoryLevel" l
      LEFT JOIN (SELECT "variantId", "locationId", SUM("quantity") AS q FROM "InventoryMovement" GROUP BY 1, 2) m
        ON m."variantId" = l."variantId" AND m."locationId" = l."locationId"
      WHERE l."onHand" <> COALESCE(m.q, 0)`);
    expect(ledger).toEqual([]);
    const orphans = await sql(db, `
      SELECT m."id" FROM "InventoryMovement" m
      LEFT JOIN "InventoryLevel" l ON l."variantId" = m."variantId" AND l."locationId" = m."locationId"
      WHERE l."id" IS NULL`);
    expect(orphans).toEqual([]);
    const reserved = await sql(db, `
      SELECT l."id" FROM "InventoryLevel" l
      LEFT JOIN (SELECT "variantId", "locationId", SUM("quantity") AS q FROM "Reservation" WHERE "status" = 'ACTIVE' GROUP BY 1, 2) r
        ON r."variantId" = l."variantId" AND r."locationId" = l."locationId"
      WHERE l."reserved" <> COALESCE(r.q, 0)`);
    expect(reserved).toEqual([]);
    const [kinds] = await sql<{ low: number; zero: number; reserved: number }>(db, `
      SELECT COUNT(*) FILTER (WHERE "onHand" > 0 AND "onHand" < "reorderPoint") AS low,
             COUNT(*) FILTER (WHERE "onHand" = 0) AS zero,
             COUNT(*) FILTER (WHERE "reserved" > 0) AS reserved
      FROM "InventoryLevel"`);
    expect(kinds!.low).toBeGreaterThan(0);
    expect(kinds!.zero).toBeGreaterThan(0);
    expect(kinds!.reserved).toBeGreaterThan(0);
    const movementKinds = (await db.prisma.inventoryMovement.groupBy({ by: ["kind"], _count: true })).map((k) => k.kind).sort();
    expect(movementKinds).toEqual(["INITIAL", "PICKUP_HANDOVER", "RETURN_RESTOCK", "SALE", "SHIPMENT"]);
    // Open orders hold stock; every order that is not on hold has a fulfillment order.
    const unreserved = await sql(db, `
      SELECT o."number" FROM "Order" o
      WHERE o."status" IN ('ALLOCATED', 'IN_FULFILLMENT')
        AND NOT EXISTS (SELECT 1 FROM "Reservation" r WHERE r."orderId" = o."id" AND r."status" = 'ACTIVE')`);
    expect(unreserved).toEqual([]);
    const noFulfillment = await sql(db, `
      SELECT o."number" FROM "Order" o
      WHERE o."status" <> 'ON_HOLD' AND NOT EXISTS (SELECT 1 FROM "FulfillmentOrder" f WHERE f."orderId" = o."id")`);
    expect(noFulfillment).toEqual([]);
  });

  test("held orders have an open validation task and stores have work in their inbox", async () => {
    const p = db.prisma;
    const held = await p.order.findMany({ where: { status: "ON_HOLD" }, include: { tasks: true } });
    expect(held.length).toBeGreaterThan(0);
    for (const order of held) {
      const task = order.tasks.find((t) => t.kind === "VALIDATION" && t.status === "OPEN");
      expect(task?.instruction).toMatch(new RegExp(order.number));
    }
    const stores = await p.location.findMany({ where: { kind: "STORE" }, include: { tasks: { where: { status: "OPEN" } } } });
    for (const store of stores) {
      const kinds = new Set(store.tasks.map((t) => t.kind));
      expect(kinds.has("VALIDATION") && kinds.has("PICK"), store.code).toBe(true);
    }
  });

  test("register sessions balance and shipped orders carry tracking numbers", async () => {
    const sessions = await sql(db, `
      SELECT s."id" FROM "RegisterSession" s
      JOIN (SELECT "registerSessionId", SUM("amount") AS cash FROM "CashMovement" GROUP BY 1) m ON m."registerSessionId" = s."id"
      WHERE s."expectedCash" <> m.cash OR s."variance" <> s."countedCash" - s."expectedCash" OR s."status" <> 'CLOSED'`);
    expect(sessions).toEqual([]);
    expect(await db.prisma.registerSession.count()).toBeGreaterThan(10);
    const untracked = await db.prisma.fulfillmentOrder.count({ where: { status: { in: ["SHIPPED", "DELIVERED"] }, shipments: { none: { trackingNumber: { not: null } } } } });
    expect(untracked).toBe(0);
    expect(await db.prisma.return.count()).toBeGreaterThan(0);
    expect(await db.prisma.refund.count({ where: { returnId: { not: null } } })).toBe(await db.prisma.return.count());
  });

  test("counters continue after the highest demo numbers", async () => {
    const counters = new Map((await db.prisma.counter.findMany()).map((c) => [c.name, c.value]));
    const web = await db.prisma.order.findMany({ where: { channel: "WEB" }, select: { number: true } });
    expect(counters.get("order:W")).toBe(Math.max(...web.map((o) => Number(o.number.slice(2)))));
    const waw = await db.prisma.order.findMany({ where: { number: { startsWith: "WAW1-" } }, select: { number: true } });
    expect(counters.get("order:WAW1")).toBe(waw.length);
    expect(counters.get("return")).toBe(await db.prisma.return.count());
  });

  test("demo users and the web API key exist", async () => {
    const users = await db.prisma.user.findMany({ include: { homeLocation: true } });
    expect(users).toHaveLength(demoSignIns.length);
    for (const signIn of demoSignIns) {
      const user = users.find((u) => u.email === signIn.email);
      expect(user?.role, signIn.email).toBe(signIn.role);
      expect(user?.homeLocation?.code ?? null).toBe(signIn.location);
      expect(user?.pinHash === null).toBe(signIn.pin === null);
    }
    const admin = users.find((u) => u.email === "admin@demo.shop")!;
    expect(admin.role).toBe("ADMIN");
    expect(await compare(DEMO_PASSWORD, admin.passwordHash)).toBe(true);
    const cashier = users.find((u) => u.email === "cashier.waw1@demo.shop")!;
    expect(await compare(DEMO_PIN, cashier.pinHash!)).toBe(true);
    expect(users.filter((u) => u.homeLocation?.code === "WAW1" && u.role === "CASHIER")).toHaveLength(2);

    const key = await db.prisma.apiKey.findUniqueOrThrow({ where: { prefix: "demo-web" } });
    expect(key.channel).toBe("WEB");
    expect(key.secretHash).toBe(hashApiKeySecret("demo-web-key"));
    expect(key.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.scopes).toContain("orders:write");
  });

  test("refuses to seed a database that already has data", async () => {
    await expect(seedDemoData(db.prisma, { now: NOW })).rejects.toThrow(/already has locations.*db:reset/);
  });
});

describe("seedDemoData determinism", () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  test("two fresh databases get the same ids, SKUs, numbers and stock", async () => {
    const snapshots = [];
    for (let i = 0; i < 2; i++) {
      const db = await createTestDatabase();
      dbs.push(db);
      await seedDemoData(db.prisma, { now: NOW, scale: 0.1 });
      snapshots.push({
        variants: await db.prisma.variant.findMany({ select: { id: true, sku: true, productId: true }, orderBy: { sku: "asc" } }),
        orders: await db.prisma.order.findMany({ select: { id: true, number: true, total: true, status: true, placedAt: true }, orderBy: { number: "asc" } }),
        levels: await db.prisma.inventoryLevel.findMany({ select: { id: true, onHand: true, reserved: true }, orderBy: { id: "asc" } }),
        users: await db.prisma.user.findMany({ select: { id: true, email: true, name: true }, orderBy: { email: "asc" } }),
      });
    }
    expect(snapshots[0]!.variants.length).toBeGreaterThan(20);
    expect(snapshots[0]!.orders.length).toBeGreaterThan(40);
    expect(snapshots[1]).toEqual(snapshots[0]);
  }, 120_000);
});
