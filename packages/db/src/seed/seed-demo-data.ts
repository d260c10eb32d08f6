import { hash } from "bcryptjs";
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { buildDemoData, type DemoRows } from "./build-demo-data.ts";
import { seedPackingBench } from "./packing-bench.ts";
import { DEMO_PASSWORD, DEMO_PIN, DEMO_WEB_API_KEY } from "./sign-ins.ts";

export interface SeedOptions {
  /** The demo's "today": history is placed in the 90 days before it. Default: now, truncated to the UTC day. */
  now?: Date;
  /** Progress lines (the CLI prints them). */
  log?: (line: string) => void;
  /** 1 = the full demo (~300 products, ~650 orders); tests use less. */
  scale?: number;
}

export interface SeedSummary {
  now: Date;
  durationMs: number;
  counts: Record<string, number>;
}

/**
 * sha256 hex of an API key's secret, as stored in ApiKey.secretHash. The API-key check
 * hashes the presented bearer token the same way and looks the hash up.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** True when no location exists yet (a freshly migrated database). */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.location.count()) === 0;
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

const BATCH = 1000;

/**
 * Fills an empty, migrated database with the demo retailer. Deterministic: the same `now`
 * and `scale` give the same ids and rows. Not one transaction (too slow on embedded
 * PGlite): a failure part-way leaves part of the data, and the error says how to start over.
 */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const now = options.now ?? startOfUtcDay(new Date());
  const scale = options.scale ?? 1;
  const log = options.log ?? (() => undefined);
  if (!(scale > 0 && scale <= 10)) throw new Error(`The seed scale must be above 0 and at most 10, got ${scale}.`);
  if (!(await isDatabaseEmpty(prisma))) {
    throw new Error(
      "The database already has locations, so the demo data was not loaded (it only goes into an empty database). " +
        "To start over with fresh demo data run `npm run db:reset`.",
    );
  }

  // bcrypt is slow on purpose: hash each demo secret once and share the hash.
  const [passwordHash, pinHash] = await Promise.all([hash(DEMO_PASSWORD, 10), hash(DEMO_PIN, 10)]);
  const data = buildDemoData({ now, scale, passwordHash, pinHash, apiKeySecretHash: hashApiKeySecret(DEMO_WEB_API_KEY) });
  log(`built ${data.products.length} products, ${data.variants.length} variants, ${data.orders.length} orders in memory`);

  const counts: Record<string, number> = {};
  const insert = async <T>(name: keyof DemoRows, rows: T[], write: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
    counts[name] = rows.length;
  };
  let step = "";
  try {
    step = "organisation";
    await insert("settings", data.settings, (d) => prisma.organizationSettings.createMany({ data: d }));
    await insert("markets", data.markets, (d) => prisma.market.createMany({ data: d }));
    await insert("fxRates", data.fxRates, (d) => prisma.fxRate.createMany({ data: d }));
    await insert("locations", data.locations, (d) => prisma.location.createMany({ data: d }));
    await insert("registers", data.registers, (d) => prisma.register.createMany({ data: d }));
    await insert("users", data.users, (d) => prisma.user.createMany({ data: d }));
    await insert("apiKeys", data.apiKeys, (d) => prisma.apiKey.createMany({ data: d }));
    await insert("routingRules", data.routingRules, (d) => prisma.routingRule.createMany({ data: d }));
    log(`organisation: ${data.locations.length} locations, ${data.users.length} users`);

    step = "catalog";
    await insert("categories", data.categories, (d) => prisma.category.createMany({ data: d }));
    await insert("products", data.products, (d) => prisma.product.createMany({ data: d }));
    await insert("variants", data.variants, (d) => prisma.variant.createMany({ data: d }));
    await insert("barcodes", data.barcodes, (d) => prisma.barcode.createMany({ data: d }));
    await insert("prices", data.prices, (d) => prisma.variantPrice.createMany({ data: d }));
    log(`catalog: ${data.products.length} products, ${data.variants.length} variants, ${data.barcodes.length} barcodes`);

    step = "customers";
    await insert("customers", data.customers, (d) => prisma.customer.createMany({ data: d }));
    await insert("addresses", data.addresses, (d) => prisma.customerAddress.createMany({ data: d }));

    step = "stock";
    await insert("inventoryLevels", data.inventoryLevels, (d) => prisma.inventoryLevel.createMany({ data: d }));

    step = "orders";
    await insert("registerSessions", data.registerSessions, (d) => prisma.registerSession.createMany({ data: d }));
    await insert("orders", data.orders, (d) => prisma.order.createMany({ data: d }));
    await insert("orderLines", data.orderLines, (d) => prisma.orderLine.createMany({ data: d }));
    await insert("fulfillmentOrders", data.fulfillmentOrders, (d) => prisma.fulfillmentOrder.createMany({ data: d }));
    await insert("fulfillmentOrderLines", data.fulfillmentOrderLines, (d) => prisma.fulfillmentOrderLine.createMany({ data: d }));
    await insert("reservations", data.reservations, (d) => prisma.reservation.createMany({ data: d }));
    await insert("payments", data.payments, (d) => prisma.payment.createMany({ data: d }));
    await insert("shipments", data.shipments, (d) => prisma.shipment.createMany({ data: d }));
    await insert("returns", data.returns, (d) => prisma.return.createMany({ data: d }));
    await insert("returnLines", data.returnLines, (d) => prisma.returnLine.createMany({ data: d }));
    await insert("refunds", data.refunds, (d) => prisma.refund.createMany({ data: d }));
    await insert("cashMovements", data.cashMovements, (d) => prisma.cashMovement.createMany({ data: d }));
    await insert("movements", data.movements, (d) => prisma.inventoryMovement.createMany({ data: d }));
    await insert("events", data.events, (d) => prisma.orderEvent.createMany({ data: d }));
    await insert("tasks", data.tasks, (d) => prisma.task.createMany({ data: d }));
    await insert("counters", data.counters, (d) => prisma.counter.createMany({ data: d }));
    log(`history: ${data.orders.length} orders, ${data.returns.length} returns, ${data.movements.length} ledger rows`);

    step = "packing bench";
    Object.assign(counts, await seedPackingBench(prisma));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Loading the demo data failed while writing the ${step} rows, so the database now holds only part of it. ` +
        `Run \`npm run db:reset\` to start over with an empty database. Cause: ${reason}`,
      { cause: error },
    );
  }
  return { now, durationMs: Math.round(performance.now() - started), counts };
}
