// HQ reports on a year of sales (docs/hq-reports.md "Measurements"): builds a fresh
// PostgreSQL database with LOCATIONS stores in three currencies, PRODUCTS products and
// ORDERS orders of two lines over the last 365 days (3 % returned, every third picked up or
// shipped), then times the overview and the reports as the screens call them. Every row is
// generated inside PostgreSQL with generate_series and deterministic hashes.
// Writes bench/results/reports.{json,md}.
//
//   npx tsx bench/reports.bench.ts
//
// Settings: BENCH_DATABASE_URL (server; default postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_REPORTS_DB (oms_bench_reports), BENCH_ORDERS (200000), BENCH_ROUNDS (10),
// BENCH_REUSE=1 (time the database a previous run built instead of building it again).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const here = dirname(fileURLToPath(import.meta.url));
/** BENCH_RESULTS_DIR: where results go (bench/run-all.ts --smoke writes elsewhere than the committed ones). */
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(here, "results");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const dbName = process.env.BENCH_REPORTS_DB ?? "oms_bench_reports";
const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const LOCATIONS = 30;
const PRODUCTS = 2_000;
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

async function withClient<T>(connectionString: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const reuse = process.env.BENCH_REUSE === "1" && (await withClient(adminUrl, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName])).rowCount! > 0));
if (!reuse) {
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${dbName}"`);
  });
}

const { openDatabase, applyMigrations } = await import("@oms/db");
const { getHqOverview, salesReport, sellThroughReport, returnsReport, fulfilmentTimesReport } = await import("@oms/core");
const database = openDatabase({ url });
await applyMigrations(database);
const db = database.prisma;
const generated = performance.now();
// A reused database is timed at the moment it was built, so its year of sales is the same.
const built = reuse ? await db.organizationSettings.findUnique({ where: { id: 1 }, select: { updatedAt: true } }) : null;
const now = built?.updatedAt ?? new Date();
if (!reuse) await withClient(url, async (c) => {
  const q = (sql: string, params: unknown[] = []) => c.query(sql, params);
  await q(`INSERT INTO "OrganizationSettings" ("id", "name", "reportingCurrency", "updatedAt") VALUES (1, 'Bench retail', 'EUR', $1)`, [now]);
  await q(`INSERT INTO "FxRate" ("base", "quote", "rate", "asOf", "updatedAt") VALUES ('PLN', 'EUR', 0.2315, now(), now()), ('SEK', 'EUR', 0.0871, now(), now())`);
  await q(`INSERT INTO "Market" ("code", "name", "currency", "countries") VALUES ('PT', 'Portugal', 'EUR', '{PT}'), ('PL', 'Poland', 'PLN', '{PL}'), ('SE', 'Sweden', 'SEK', '{SE}')`);
  await q(`
    INSERT INTO "Location" ("id", "code", "name", "kind", "marketCode", "addressLine1", "city", "postalCode", "countryCode", "latitude", "longitude",
      "timeZone", "currency", "locale", "taxRateBps", "pricesIncludeTax", "fulfillmentTypes", "openingHours", "updatedAt")
    SELECT gen_random_uuid(), 'B' || i, 'Bench store ' || i, 'STORE', m.code, 'Street ' || i, 'City', '1000', m.country, 50, 10,
      m.tz, m.currency, 'en', 2300, true, '{CARRY_OUT,PICKUP,SHIP}', '{}', now()
    FROM generate_series(1, ${LOCATIONS}) i
    CROSS JOIN LATERAL (SELECT (ARRAY['PT','PL','SE'])[1 + i % 3] AS code, (ARRAY['PT','PL','SE'])[1 + i % 3] AS country,
      (ARRAY['Europe/Lisbon','Europe/Warsaw','Europe/Stockholm'])[1 + i % 3] AS tz, (ARRAY['EUR','PLN','SEK'])[1 + i % 3] AS currency) m`);
  await q(`INSERT INTO "Category" ("id", "slug", "name") SELECT gen_random_uuid(), 'c' || i, 'Category ' || i FROM generate_series(1, 20) i`);
  await q(`
    INSERT INTO "Product" ("id", "handle", "name", "categoryId", "updatedAt")
    SELECT gen_random_uuid(), 'p' || i, 'Product ' || lpad(i::text, 4, '0'), (SELECT id FROM "Category" ORDER BY slug OFFSET (i % 20) LIMIT 1), now()
    FROM generate_series(1, ${PRODUCTS}) i`);
  await q(`INSERT INTO "Variant" ("id", "productId", "sku", "name", "updatedAt") SELECT gen_random_uuid(), p.id, 'SKU-' || p.handle, 'One size', now() FROM "Product" p`);
  await q(`CREATE TEMP TABLE locs AS SELECT row_number() OVER (ORDER BY code) AS n, id, currency FROM "Location"`);
  await q(`CREATE TEMP TABLE vars AS SELECT row_number() OVER (ORDER BY sku) AS n, id FROM "Variant"`);
  // Orders over the last 365 days; amounts in the store's currency.
  await q(`
    INSERT INTO "Order" ("id", "number", "channel", "currency", "originLocationId", "subtotal", "taxTotal", "total", "pricesIncludeTax", "status", "placedAt", "updatedAt")
    SELECT gen_random_uuid(), 'B' || i, (ARRAY['POS','POS','WEB','MARKETPLACE','PHONE']::"Channel"[])[1 + abs(hashint8(i)) % 5],
      l.currency, l.id, 0, 0, 0, true, 'COMPLETED',
      $1::timestamptz - (abs(hashint8(i * 7)) % (365 * 86400)) * interval '1 second', now()
    FROM generate_series(1, ${ORDERS}) i JOIN locs l ON l.n = 1 + abs(hashint8(i * 3)) % ${LOCATIONS}`, [now]);
  await q(`
    INSERT INTO "OrderLine" ("id", "orderId", "lineNo", "variantId", "sku", "name", "quantity", "unitPrice", "taxRateBps", "taxTotal", "total")
    SELECT gen_random_uuid(), o.id, k, v.id, 'SKU', 'Item', q.qty, q.price, 2300, (q.qty * q.price * 23) / 123, q.qty * q.price
    FROM "Order" o CROSS JOIN generate_series(1, 2) k
    CROSS JOIN LATERAL (SELECT 1 + abs(hashtext(o.number || 'q' || k)) % 3 AS qty, 1000 + abs(hashtext(o.number || 'p' || k)) % 9000 AS price) q
    JOIN vars v ON v.n = 1 + abs(hashtext(o.number || 'v' || k)) % ${PRODUCTS}`);
  await q(`
    INSERT INTO "Return" ("id", "number", "orderId", "locationId", "status", "refundMethod", "refundTotal", "currency", "createdAt")
    SELECT gen_random_uuid(), 'R' || o.number, o.id, o."originLocationId", 'COMPLETED', 'ORIGINAL_PAYMENT', 0, o.currency, LEAST(o."placedAt" + interval '3 days', $1::timestamptz)
    FROM "Order" o WHERE abs(hashtext(o.number || 'r')) % 100 < 3`, [now]);
  await q(`
    INSERT INTO "ReturnLine" ("id", "returnId", "orderLineId", "variantId", "quantity", "reason", "condition", "refundAmount")
    SELECT gen_random_uuid(), r.id, ol.id, ol."variantId", 1, (ARRAY['DAMAGED','DOES_NOT_FIT','CHANGED_MIND','DEFECTIVE']::"ReturnReason"[])[1 + abs(hashtext(r.number)) % 4], 'SELLABLE', ol.total / ol.quantity
    FROM "Return" r JOIN "OrderLine" ol ON ol."orderId" = r."orderId" AND ol."lineNo" = 1`);
  await q(`
    INSERT INTO "FulfillmentOrder" ("id", "number", "orderId", "locationId", "type", "status", "readyAt", "shippedAt", "pickedUpAt", "updatedAt")
    SELECT gen_random_uuid(), 'F' || o.number, o.id, o."originLocationId", CASE WHEN pick THEN 'PICKUP' ELSE 'SHIP' END::"FulfillmentType", 'PICKED_UP',
      CASE WHEN pick THEN o."placedAt" + (600 + abs(hashtext(o.number || 'a')) % 14400) * interval '1 second' END,
      CASE WHEN NOT pick THEN o."placedAt" + (3600 + abs(hashtext(o.number || 'b')) % 172800) * interval '1 second' END,
      CASE WHEN pick THEN o."placedAt" + (7200 + abs(hashtext(o.number || 'c')) % 259200) * interval '1 second' END, now()
    FROM "Order" o CROSS JOIN LATERAL (SELECT abs(hashtext(o.number || 'f')) % 2 = 0 AS pick) x
    WHERE abs(hashtext(o.number || 'x')) % 3 = 0`);
  await q(`
    INSERT INTO "InventoryMovement" ("variantId", "locationId", "kind", "quantity", "actorKind", "createdAt")
    SELECT ol."variantId", o."originLocationId", 'SALE', -ol.quantity, 'SYSTEM', o."placedAt" FROM "OrderLine" ol JOIN "Order" o ON o.id = ol."orderId"`);
  await q(`
    INSERT INTO "InventoryLevel" ("id", "variantId", "locationId", "onHand", "reorderPoint", "updatedAt")
    SELECT gen_random_uuid(), v.id, l.id, abs(hashtext(v.id::text || l.id::text)) % 40, 5, now() FROM vars v CROSS JOIN locs l`);
  await q(`ANALYZE`);
});
const generateMs = Math.round(performance.now() - generated);
const counts = await db.$queryRaw<{ orders: number; lines: number; returns: number; fulfillments: number; movements: number; levels: number }[]>`
  SELECT (SELECT count(*) FROM "Order")::int AS "orders", (SELECT count(*) FROM "OrderLine")::int AS "lines", (SELECT count(*) FROM "ReturnLine")::int AS "returns",
         (SELECT count(*) FROM "FulfillmentOrder")::int AS "fulfillments", (SELECT count(*) FROM "InventoryMovement")::int AS "movements", (SELECT count(*) FROM "InventoryLevel")::int AS "levels"`;
console.log(`generated in ${generateMs} ms:`, counts[0]);

const day = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
const last30 = { from: day(29), to: day(0) };
const year = { from: day(365), to: day(0) };
const cases: [string, () => Promise<unknown>][] = [
  ["overview", () => getHqOverview(undefined, { db, now })],
  ["sales by day, 30 days, compared", () => salesReport({ ...last30, groupBy: "day", compare: true, pageSize: 366 }, { db, now })],
  ["sales by location, 30 days, compared", () => salesReport({ ...last30, groupBy: "location", compare: true }, { db, now })],
  ["sales by product, 30 days, page 1", () => salesReport({ ...last30, groupBy: "product" }, { db, now })],
  ["sales by day, 366 days", () => salesReport({ ...year, groupBy: "day", pageSize: 366 }, { db, now })],
  ["sales by product, 366 days, page 1", () => salesReport({ ...year, groupBy: "product" }, { db, now })],
  ["sell-through by product, 30 days", () => sellThroughReport({ ...last30 }, { db, now })],
  ["returns, 30 days, compared", () => returnsReport({ ...last30, compare: true }, { db, now })],
  ["fulfilment times, 30 days", () => fulfilmentTimesReport({ ...last30 }, { db, now })],
];
const results: { name: string; p50: number; p95: number; max: number }[] = [];
for (const [name, fn] of cases) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
  results.push({ name, p50: at(0.5), p95: at(0.95), max: Math.round(times.at(-1)!) });
  console.log(`  ${name}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
}
// Index use of the sales relation for the 30-day window.
const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
  `EXPLAIN SELECT count(*) FROM "Order" o WHERE o."placedAt" >= $1 AND o."placedAt" < $2`,
  new Date(Date.parse(`${last30.from}T00:00:00Z`) - 15 * 3_600_000),
  new Date(Date.parse(`${day(-1)}T00:00:00Z`) + 13 * 3_600_000),
);
const planText = plan.map((r) => r["QUERY PLAN"]).join("\n");
console.log(planText);
await database.close();

mkdirSync(resultsDir, { recursive: true });
const meta = { when: now.toISOString(), cpus: cpus().length, orders: counts[0], rounds: ROUNDS, generateMs };
writeFileSync(join(resultsDir, "reports.json"), `${JSON.stringify({ ...meta, results, plan: planText }, null, 2)}\n`);
writeFileSync(
  join(resultsDir, "reports.md"),
  [
    `# HQ reports benchmark (${meta.when.slice(0, 10)})`,
    "",
    `PostgreSQL, ${counts[0]!.orders.toLocaleString("en")} orders / ${counts[0]!.lines.toLocaleString("en")} lines over 365 days, ${LOCATIONS} stores in EUR, PLN and SEK, ${PRODUCTS.toLocaleString("en")} products, ${counts[0]!.returns.toLocaleString("en")} returned lines, ${counts[0]!.fulfillments.toLocaleString("en")} fulfillment orders; ${ROUNDS} rounds after one warm-up, ${meta.cpus} CPUs shared with other work.`,
    "",
    "| Request | p50 ms | p95 ms | max ms |",
    "|---|---:|---:|---:|",
    ...results.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.max} |`),
    "",
    "The 30-day window of orders:",
    "",
    "```",
    planText,
    "```",
    "",
  ].join("\n"),
);
