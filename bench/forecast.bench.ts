// Forecasting on the 1,000,000-level network of bench/inventory-generate.ts: refreshes the
// stored sales velocity of every level (refreshSalesVelocity, what the job runs), computes
// the replenishment suggestions of the whole network (replenishmentSql, the one rule the
// forecast table and accepting use), and times the forecast table's page, sort and filter
// requests (listForecast, the forecast.table procedure). Writes bench/results/forecast.{json,md}.
// See docs/forecasting.md "Benchmark".
//
//   npx tsx bench/inventory-generate.ts   (once; npm run bench:inventory:generate)
//   npx tsx bench/forecast.bench.ts       (npm run bench:forecast)
//
// Settings: BENCH_DATABASE_URL, BENCH_INVENTORY_DB (as the generator), BENCH_ROUNDS
// (requests per type, default 30), BENCH_WARMUP (per type, default 3).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchDatabaseName, benchDatabaseUrl } from "./inventory-generate.ts";

const here = dirname(fileURLToPath(import.meta.url));
/** BENCH_RESULTS_DIR: where results go (bench/run-all.ts --smoke writes elsewhere than the committed ones). */
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(here, "results");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const TARGET_MS = 300;

const { openDatabase, applyMigrations, Prisma } = await import("@oms/db");
const { refreshSalesVelocity, replenishmentSql, listForecast } = await import("@oms/core");

const database = openDatabase({ url: benchDatabaseUrl() });
const db = database.prisma;
const levels = await db.inventoryLevel.count().catch(() => 0);
if (levels < Number(process.env.BENCH_MIN_LEVELS ?? 1_000_000)) {
  console.error(`${benchDatabaseName} holds ${levels} levels: run npx tsx bench/inventory-generate.ts first.`);
  await database.close();
  process.exit(1);
}
const loadBefore = loadavg()[0]!;
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
};

// A database generated before forecasting existed gets its migration first.
const [{ applied }, migrateMs] = await time(() => applyMigrations(database));
console.log(`${benchDatabaseName}: ${levels.toLocaleString("en")} levels${applied.length ? `; applied ${applied.join(", ")} in ${migrateMs} ms` : ""}`);

// The generator's sales are dated relative to when it ran; the bench's "now" is the newest sale, so velocities stay non-trivial whenever it runs.
const newest = await db.inventoryMovement.findFirst({ where: { kind: { in: ["SALE", "SHIPMENT", "PICKUP_HANDOVER"] } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
const now = newest ? new Date(newest.createdAt.getTime() + 60_000) : new Date();

// From scratch, as on a network that never had a velocity: every selling level is written.
// (A refresh 60 days on, when nothing sold in the window, zeroes every level in its batches.)
await refreshSalesVelocity({}, { db, now: new Date(now.getTime() + 60 * 86_400_000) });
const [refresh, refreshMs] = await time(() => refreshSalesVelocity({}, { db, now }));
console.log(`  refresh velocity: ${refreshMs} ms (${refresh.levels.toLocaleString("en")} levels written, ${refresh.locations} location batches)`);
const [again, againMs] = await time(() => refreshSalesVelocity({}, { db, now }));
console.log(`  refresh again (same numbers): ${againMs} ms (${again.levels.toLocaleString("en")} levels)`);
// What the hourly job meets: an hour later, the sales whose age crossed a whole day move to the next day's weight.
const hourLater = new Date(now.getTime() + 3_600_000);
const [hourly, hourlyMs] = await time(() => refreshSalesVelocity({}, { db, now: hourLater }));
console.log(`  refresh one hour later: ${hourlyMs} ms (${hourly.levels.toLocaleString("en")} levels changed)`);
await refreshSalesVelocity({}, { db, now });
const [stats] = await db.$queryRaw<{ selling: number; avg: number; max: number }[]>`
  SELECT count(*)::int AS "selling", avg("soldPerDay")::float8 AS "avg", max("soldPerDay")::float8 AS "max" FROM "InventoryLevel" WHERE "soldPerDay" > 0`;

const [[network], suggestMs] = await time(() =>
  db.$queryRaw<{ positions: number; needs: number; transfers: number; transferUnits: number; orders: number; orderUnits: number }[]>`
    SELECT count(*)::int AS "positions", count(*) FILTER (WHERE r."need" > 0)::int AS "needs",
      count(*) FILTER (WHERE r."need" > 0 AND r."fromLocationId" IS NOT NULL)::int AS "transfers",
      COALESCE(SUM(r."need") FILTER (WHERE r."fromLocationId" IS NOT NULL), 0)::int AS "transferUnits",
      count(*) FILTER (WHERE r."need" > 0 AND r."fromLocationId" IS NULL)::int AS "orders",
      COALESCE(SUM(r."need") FILTER (WHERE r."need" > 0 AND r."fromLocationId" IS NULL), 0)::int AS "orderUnits"
    FROM (${replenishmentSql(Prisma.sql`TRUE`)}) r`,
);
console.log(`  suggestions for the whole network: ${suggestMs} ms (${network!.needs.toLocaleString("en")} of ${network!.positions.toLocaleString("en")} selling levels need stock: ${network!.transfers.toLocaleString("en")} transfers, ${network!.orders.toLocaleString("en")} purchase orders)`);

const locations = await db.location.findMany({ orderBy: { code: "asc" }, select: { id: true } });
const categories = await db.category.findMany({ orderBy: { slug: "asc" }, select: { id: true } });
let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % n;
};
const pick = <T>(xs: T[]): T => xs[rand(xs.length)]!;
const ctx = { db, now };
const scenarios: { name: string; run: () => Promise<unknown> }[] = [
  { name: "first page, soonest stockout", run: () => listForecast({}, ctx) },
  { name: "page 2–40, soonest stockout", run: () => listForecast({ pageIndex: 1 + rand(40) }, ctx) },
  { name: "stockout within 7 days", run: () => listForecast({ urgency: "7" }, ctx) },
  { name: "stockout within 28 days, latest first", run: () => listForecast({ urgency: "28", desc: true }, ctx) },
  { name: "sort by days of cover", run: () => listForecast({ sort: "daysOfCover", desc: rand(2) === 1 }, ctx) },
  { name: "sort by sold per day (fastest first)", run: () => listForecast({ sort: "soldPerDay", desc: true }, ctx) },
  { name: "sort by SKU", run: () => listForecast({ sort: "sku", desc: rand(2) === 1 }, ctx) },
  { name: "filter: one location", run: () => listForecast({ locationIds: [pick(locations).id] }, ctx) },
  { name: "filter: one location, within 14 days", run: () => listForecast({ locationIds: [pick(locations).id], urgency: "14" }, ctx) },
  { name: "filter: category", run: () => listForecast({ categoryId: pick(categories).id }, ctx) },
];
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const results: { name: string; requests: number; p50: number; p95: number; max: number }[] = [];
for (const scenario of scenarios) {
  for (let i = 0; i < WARMUP; i++) await scenario.run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await scenario.run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const row = { name: scenario.name, requests: times.length, p50: r1(percentile(times, 50)), p95: r1(percentile(times, 95)), max: r1(times.at(-1)!) };
  results.push(row);
  console.log(`  ${row.name.padEnd(44)} p50 ${String(row.p50).padStart(7)} ms  p95 ${String(row.p95).padStart(7)} ms  max ${String(row.max).padStart(7)} ms`);
}
await database.close();

const missed = results.filter((r) => r.p95 >= TARGET_MS).map((r) => r.name);
const summary = {
  benchmark: "forecast",
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "unknown", loadAverage1m: { before: Math.round(loadBefore * 10) / 10, after: Math.round(loadavg()[0]! * 10) / 10 } },
  database: { name: benchDatabaseName, levels, sellingLevels: stats!.selling, avgSoldPerDay: Math.round(stats!.avg * 1000) / 1000, maxSoldPerDay: Math.round(stats!.max * 1000) / 1000 },
  now: now.toISOString(),
  phases: {
    refreshVelocityMs: refreshMs,
    refreshLevelsWritten: refresh.levels,
    refreshBatches: refresh.locations,
    refreshAgainMs: againMs,
    refreshHourLaterMs: hourlyMs,
    refreshHourLaterLevelsWritten: hourly.levels,
    networkSuggestionsMs: suggestMs,
    ...network,
  },
  roundsPerType: ROUNDS,
  targetP95Ms: TARGET_MS,
  pass: missed.length === 0,
  missed,
  results,
};
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "forecast.json"), `${JSON.stringify(summary, null, 2)}\n`);
const n = (x: number) => x.toLocaleString("en");
writeFileSync(
  join(resultsDir, "forecast.md"),
  [
    "# Forecasting on 1,000,000 levels",
    "",
    `${summary.date}, ${summary.machine.cpus} CPUs (${summary.machine.model}), PostgreSQL database \`${benchDatabaseName}\` with ${n(levels)} inventory levels, ${n(stats!.selling)} of them selling (average ${summary.database.avgSoldPerDay} units a day, at most ${summary.database.maxSoldPerDay}).`,
    `Load average (1 min): ${summary.machine.loadAverage1m.before} before, ${summary.machine.loadAverage1m.after} after (shared machine).`,
    "",
    "## The whole network",
    "",
    "| phase | ms | what |",
    "| --- | ---: | --- |",
    `| refresh the stored velocity from scratch (\`refreshSalesVelocity\`) | ${refreshMs} | ${n(refresh.levels)} levels written in ${refresh.locations} location batches |`,
    `| refresh again, same moment | ${againMs} | ${n(again.levels)} levels changed (nothing written) |`,
    `| refresh one hour later (what the hourly job meets) | ${hourlyMs} | ${n(hourly.levels)} levels changed |`,
    `| replenishment suggestions for every level (\`replenishmentSql\`) | ${suggestMs} | ${n(network!.needs)} levels need stock: ${n(network!.transfers)} transfers (${n(network!.transferUnits)} units), ${n(network!.orders)} purchase orders (${n(network!.orderUnits)} units) |`,
    "",
    "## The forecast table (`listForecast`)",
    "",
    `${ROUNDS} requests per type after ${WARMUP} warm-up requests, one at a time; each is page ids, capped count and the page's rows with their suggestions.`,
    "",
    "| request | p50 ms | p95 ms | max ms | p95 < 300 ms |",
    "| --- | ---: | ---: | ---: | :---: |",
    ...results.map((r) => `| ${r.name} | ${r.p50} | ${r.p95} | ${r.max} | ${r.p95 < TARGET_MS ? "yes" : "**no**"} |`),
    "",
    summary.pass ? `Every forecast table request type p95 < ${TARGET_MS} ms.` : `p95 ≥ ${TARGET_MS} ms: ${missed.join("; ")}.`,
    "",
  ].join("\n"),
);
