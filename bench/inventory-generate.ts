// Builds the database of the HQ inventory table benchmark (bench/inventory-table.bench.ts):
// a fresh PostgreSQL database with LOCATIONS × VARIANTS inventory levels (default 50 ×
// 20,000 = 1,000,000), a ledger that sums to on hand (one INITIAL movement per stocked
// level) and sales over the last 28 days for a share of the levels, so days of cover, the
// forecast and the low-stock filter have something to work on, then the stored sales
// velocity (refreshSalesVelocity). See docs/hq-inventory.md "Benchmark".
//
//   npx tsx bench/inventory-generate.ts          (npm run bench:inventory:generate)
//   npx tsx bench/inventory-generate.ts --force  (rebuild even when it is already there)
//
// Settings: BENCH_DATABASE_URL (server to create it on; default
// postgresql://postgres@127.0.0.1:5432/postgres), BENCH_INVENTORY_DB (database name,
// default oms_bench_inventory), BENCH_LOCATIONS (50), BENCH_VARIANTS (20000).
//
// Idempotent: when the database exists and holds the same shape (a marker row in
// "Counter"), it is left alone; otherwise it is dropped and built again. Every row is
// generated inside PostgreSQL with generate_series and deterministic hashes (hashint8), so
// nothing crosses the wire row by row and two runs give the same data.
import pg from "pg";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const benchDatabaseName = process.env.BENCH_INVENTORY_DB ?? "oms_bench_inventory";
const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 50);
const VARIANTS = Number(process.env.BENCH_VARIANTS ?? 20_000);
const VARIANTS_PER_PRODUCT = 10;
const CATEGORIES = 20;
const force = process.argv.includes("--force");

export function benchDatabaseUrl(): string {
  const url = new URL(adminUrl);
  url.pathname = `/${benchDatabaseName}`;
  return url.toString();
}

const marker = `bench-inventory:${LOCATIONS}x${VARIANTS}:v1`;

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function alreadyBuilt(): Promise<boolean> {
  const exists = await withClient(adminUrl, async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [benchDatabaseName])).rowCount! > 0);
  if (!exists) return false;
  return withClient(benchDatabaseUrl(), async (c) => {
    try {
      const r = await c.query(`SELECT 1 FROM "Counter" WHERE "name" = $1`, [marker]);
      return r.rowCount! > 0;
    } catch {
      return false;
    }
  });
}

async function step(client: pg.Client, label: string, sql: string): Promise<void> {
  const started = performance.now();
  const result = await client.query(sql);
  const rows = Array.isArray(result) ? "" : result.rowCount === null ? "" : ` (${result.rowCount.toLocaleString("en")} rows)`;
  console.log(`  ${label}${rows}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  if (!force && (await alreadyBuilt())) {
    console.log(`${benchDatabaseName} already holds ${LOCATIONS} × ${VARIANTS} levels; nothing to do (--force rebuilds it).`);
    return;
  }
  const started = performance.now();
  console.log(`Building ${benchDatabaseName}: ${LOCATIONS} locations × ${VARIANTS} variants = ${(LOCATIONS * VARIANTS).toLocaleString("en")} levels`);
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${benchDatabaseName}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${benchDatabaseName}"`);
  });

  // The schema exactly as the app has it: the real migrations.
  const { openDatabase, applyMigrations } = await import("@oms/db");
  const database = openDatabase({ url: benchDatabaseUrl() });
  try {
    await applyMigrations(database);
  } finally {
    await database.close();
  }
  console.log(`  migrations: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  await withClient(benchDatabaseUrl(), async (c) => {
    await c.query("SET synchronous_commit = off");
    await c.query("SET maintenance_work_mem = '512MB'");
    await c.query("SET work_mem = '256MB'");
    // h(i, salt) = a deterministic number in [0, 1000) for row i.
    await c.query(`CREATE FUNCTION pg_temp.h(i bigint, salt int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT (abs(hashint8(i * 7919 + salt)) % 1000)::int $$`);

    await step(c, "market, locations", `
      INSERT INTO "Market" ("code", "name", "currency", "countries") VALUES ('BENCH', 'Benchmark market', 'EUR', ARRAY['DE']);
      INSERT INTO "Location" ("id", "code", "name", "kind", "marketCode", "addressLine1", "city", "postalCode", "countryCode",
        "latitude", "longitude", "timeZone", "currency", "locale", "taxRateBps", "pricesIncludeTax", "fulfillmentTypes", "openingHours", "updatedAt")
      SELECT gen_random_uuid(), 'B' || lpad(i::text, 3, '0'),
        CASE WHEN i % 10 = 0 THEN 'Warehouse ' ELSE 'Store ' END || lpad(i::text, 3, '0'),
        (CASE WHEN i % 10 = 0 THEN 'WAREHOUSE' ELSE 'STORE' END)::"LocationKind", 'BENCH', 'Street ' || i, 'Berlin', '10115', 'DE',
        52.5 + i / 1000.0, 13.4, 'Europe/Berlin', 'EUR', 'de-DE', 1900, true, ARRAY['CARRY_OUT','PICKUP','SHIP']::"FulfillmentType"[], '{}', now()
      FROM generate_series(1, ${LOCATIONS}) AS i`);

    await step(c, "categories, products", `
      INSERT INTO "Category" ("id", "slug", "name")
      SELECT gen_random_uuid(), 'bench-' || i, (ARRAY['Jackets','Trousers','Shirts','Knitwear','Shoes','Boots','Bags','Hats','Gloves','Socks',
        'Dresses','Skirts','Shorts','Swimwear','Belts','Scarves','Sunglasses','Watches','Tents','Backpacks'])[1 + (i - 1) % 20] || CASE WHEN i > 20 THEN ' ' || i ELSE '' END
      FROM generate_series(1, ${CATEGORIES}) AS i;
      INSERT INTO "Product" ("id", "handle", "name", "categoryId", "updatedAt")
      SELECT gen_random_uuid(), 'bench-p-' || i,
        (ARRAY['Trail','Summit','Harbour','Meadow','Canyon','Glacier','Forest','Coast','Ridge','Valley'])[1 + pg_temp.h(i, 1) % 10] || ' ' ||
        (ARRAY['Jacket','Trousers','Shirt','Sweater','Shoe','Boot','Bag','Hat','Glove','Sock'])[1 + pg_temp.h(i, 2) % 10] || ' ' || i,
        (SELECT "id" FROM "Category" ORDER BY "slug" OFFSET (i % ${CATEGORIES}) LIMIT 1), now()
      FROM generate_series(1, ${Math.ceil(VARIANTS / VARIANTS_PER_PRODUCT)}) AS i`);

    await step(c, "variants, barcodes", `
      INSERT INTO "Variant" ("id", "productId", "sku", "name", "updatedAt")
      SELECT gen_random_uuid(), p."id", 'BN-' || lpad(((i - 1) / ${VARIANTS_PER_PRODUCT} + 1)::text, 5, '0') || '-' || lpad(((i - 1) % ${VARIANTS_PER_PRODUCT})::text, 2, '0'),
        (ARRAY['Black','Navy','Olive','Sand','Red'])[1 + ((i - 1) % ${VARIANTS_PER_PRODUCT}) / 2 % 5] || ' / ' || (ARRAY['S','M','L','XL'])[1 + (i - 1) % 4], now()
      FROM generate_series(1, ${VARIANTS}) AS i
      JOIN "Product" p ON p."handle" = 'bench-p-' || ((i - 1) / ${VARIANTS_PER_PRODUCT} + 1);
      INSERT INTO "Barcode" ("code", "variantId") SELECT '40' || lpad((row_number() OVER (ORDER BY "sku"))::text, 11, '0'), "id" FROM "Variant"`);

    // Levels: on hand 0–59 (6 % at zero), reserved ≤ on hand, safety stock and reorder point
    // set on most rows, some units in transit: about a tenth come out low.
    await step(c, "inventory levels", `
      INSERT INTO "InventoryLevel" ("id", "variantId", "locationId", "onHand", "reserved", "safetyStock", "reorderPoint", "inTransit", "bin", "updatedAt")
      SELECT gen_random_uuid(), v."id", l."id", s.on_hand,
        CASE WHEN s.on_hand > 0 AND pg_temp.h(s.k, 4) < 150 THEN LEAST(s.on_hand, 1 + pg_temp.h(s.k, 5) % 3) ELSE 0 END,
        pg_temp.h(s.k, 6) % 3, 3 + pg_temp.h(s.k, 7) % 8,
        CASE WHEN pg_temp.h(s.k, 8) < 50 THEN 1 + pg_temp.h(s.k, 9) % 12 ELSE 0 END,
        'A' || (pg_temp.h(s.k, 10) % 40), now()
      FROM (SELECT "id", row_number() OVER (ORDER BY "sku")::int AS n FROM "Variant") v
      CROSS JOIN (SELECT "id", row_number() OVER (ORDER BY "code")::int AS n FROM "Location") l
      CROSS JOIN LATERAL (SELECT v.n * 1000 + l.n AS k) k0
      CROSS JOIN LATERAL (SELECT k0.k, CASE WHEN pg_temp.h(k0.k, 3) < 60 THEN 0 ELSE pg_temp.h(k0.k, 11) % 60 END AS on_hand) s`);

    // Sales in the last 28 days for one level in five (1–4 sales each), then one INITIAL
    // movement per level = on hand + units sold, dated before the sales: the ledger sums to
    // on hand, as npm run inventory:verify expects.
    await step(c, "sales movements", `
      INSERT INTO "InventoryMovement" ("variantId", "locationId", "kind", "quantity", "orderId", "actorKind", "createdAt")
      SELECT lv."variantId", lv."locationId", (ARRAY['SALE','SHIPMENT','PICKUP_HANDOVER']::"MovementKind"[])[1 + pg_temp.h(lv.k + j, 12) % 3],
        -(1 + pg_temp.h(lv.k + j, 13) % 3), NULL, 'SYSTEM', now() - make_interval(mins => pg_temp.h(lv.k + j, 14) * 40)
      FROM (SELECT "variantId", "locationId", abs(hashtext("id"::text)::bigint) AS k FROM "InventoryLevel") lv
      CROSS JOIN LATERAL generate_series(1, 1 + lv.k % 4) AS j
      WHERE lv.k % 5 = 0`);
    await step(c, "initial movements", `
      INSERT INTO "InventoryMovement" ("variantId", "locationId", "kind", "quantity", "actorKind", "createdAt")
      SELECT l."variantId", l."locationId", 'INITIAL', l."onHand" + COALESCE(s.sold, 0), 'SYSTEM', now() - interval '60 days'
      FROM "InventoryLevel" l
      LEFT JOIN (SELECT "variantId", "locationId", -SUM("quantity") AS sold FROM "InventoryMovement" GROUP BY 1, 2) s
        ON s."variantId" = l."variantId" AND s."locationId" = l."locationId"
      WHERE l."onHand" + COALESCE(s.sold, 0) > 0`);

  });

  // The stored sales velocity the screens read (docs/forecasting.md), as the job computes it.
  const velocityStarted = performance.now();
  const { refreshSalesVelocity } = await import("@oms/core");
  const velocityDb = openDatabase({ url: benchDatabaseUrl() });
  try {
    const refreshed = await refreshSalesVelocity({}, { db: velocityDb.prisma, now: new Date() });
    console.log(`  sales velocity (${refreshed.levels.toLocaleString("en")} levels): ${((performance.now() - velocityStarted) / 1000).toFixed(1)} s`);
  } finally {
    await velocityDb.close();
  }

  await withClient(benchDatabaseUrl(), async (c) => {
    await step(c, "analyze", `VACUUM ANALYZE`);
    await c.query(`INSERT INTO "Counter" ("name", "value") VALUES ($1, 1)`, [marker]);
  });
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${benchDatabaseUrl()}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) {
  await main();
}
