// The routing replay (docs/hq-routing.md) on the demo data: seeds a throw-away database with
// seedDemoData (about 650 orders over 90 days), then times routingRules.replay's domain
// function for 90 days of orders, saved rules against a draft that adds a "warehouse
// first" rule on top, and the simulator for one order. Writes bench/results/routing-replay.{json,md}.
//
//   npx tsx bench/routing-replay.bench.ts
//
// Settings: BENCH_DATABASE_URL (PostgreSQL; default: in-memory PGlite), BENCH_ROUNDS (default 10).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** BENCH_RESULTS_DIR: where results go (bench/run-all.ts --smoke writes elsewhere than the committed ones). */
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(here, "results");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

const { openDatabase, applyMigrations } = await import("@oms/db");
const { seedDemoData } = await import("@oms/db/seed");
const { replayRouting, simulateRouting, listRoutingRules } = await import("@oms/core");

const url = process.env.BENCH_DATABASE_URL;
const database = url ? openDatabase({ url }) : openDatabase({ dataDir: "memory://" });
const db = database.prisma;
await applyMigrations(database);
if ((await db.location.count()) === 0) await seedDemoData(db, {});
const now = new Date();
const ordersPlaced = await db.order.count({ where: { placedAt: { gte: new Date(now.getTime() - 90 * 86_400_000), lt: now } } });
const ctx = { db, actor: { kind: "SYSTEM" as const }, now };

const saved = await listRoutingRules(ctx);
const asDraft = saved.map((r) => ({ ...r, filters: r.filters!, ranking: r.ranking! }));
const warehouseFirst = {
  id: null,
  name: "Warehouse first for shipping",
  priority: 0,
  fulfillmentType: "SHIP" as const,
  filters: { locationKinds: ["WAREHOUSE" as const], stayInMarket: true },
  ranking: ["STOCK_DEPTH" as const, "DISTANCE" as const],
  splitPolicy: "WHEN_NEEDED" as const,
  fallbacks: ["BACKORDER" as const],
};
const draft = [warehouseFirst, ...asDraft].map((r, i) => ({ ...r, priority: (i + 1) * 10 }));

const timings: number[] = [];
const routing: number[] = [];
let last: Awaited<ReturnType<typeof replayRouting>> | undefined;
for (let i = 0; i < ROUNDS + 1; i++) {
  const started = performance.now();
  last = await replayRouting({ days: 90, rules: draft }, ctx);
  const ms = performance.now() - started;
  if (i === 0) continue; // warm-up
  timings.push(ms);
  routing.push(last.routingMs);
}
const sku = (await db.variant.findFirst({ orderBy: { sku: "asc" }, select: { sku: true } }))!.sku;
const simStarted = performance.now();
const sim = await simulateRouting({ fulfillmentType: "SHIP", address: { countryCode: "PL", city: "Kraków", latitude: 50.0614, longitude: 19.9366 }, items: [{ sku, quantity: 2 }], rules: draft }, ctx);
const simMs = Math.round(performance.now() - simStarted);
await database.close();

const sorted = [...timings].sort((a, b) => a - b);
const median = Math.round(sorted[Math.floor(sorted.length / 2)]!);
const max = Math.round(sorted.at(-1)!);
const result = {
  database: url ? "PostgreSQL" : "PGlite (in memory)",
  cpus: cpus().length,
  /** The machine's 1-minute load when the rounds ended: other work on shared cores slows every number. */
  loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  rounds: ROUNDS,
  ordersPlaced,
  ordersReplayed: last!.ordersReplayed,
  ordersInWindow: last!.ordersInWindow,
  replayMedianMs: median,
  replayMaxMs: max,
  routingMedianMs: [...routing].sort((a, b) => a - b)[Math.floor(routing.length / 2)],
  changedOrders: last!.changedOrders,
  saved: { splitRate: last!.saved.splitRate, meanDistanceKm: last!.saved.meanDistanceKm, p90DistanceKm: last!.saved.p90DistanceKm, unroutable: last!.saved.unroutable },
  draft: { splitRate: last!.draft.splitRate, meanDistanceKm: last!.draft.meanDistanceKm, p90DistanceKm: last!.draft.p90DistanceKm, unroutable: last!.draft.unroutable },
  simulateMs: simMs,
  simulateOutcome: sim.result.outcome,
};
console.log(JSON.stringify(result, null, 2));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "routing-replay.json"), JSON.stringify(result, null, 2) + "\n");
writeFileSync(
  join(resultsDir, "routing-replay.md"),
  `# Routing replay on the demo data\n\n${result.database}, ${result.cpus} CPUs (load average ${result.loadAverage}), ${result.rounds} rounds after one warm-up.\n\n` +
    `| measure | value |\n| --- | --- |\n| orders placed in the 90 days | ${ordersPlaced} |\n| orders replayed (not carry-out, not wholly cancelled) | ${result.ordersReplayed} |\n| replay, median (reads + 2 × routing) | ${median} ms |\n| replay, slowest | ${max} ms |\n| routing only (both rule sets), median | ${result.routingMedianMs} ms |\n| simulate one order | ${simMs} ms |\n| orders that change with "warehouse first" | ${result.changedOrders} |\n`,
);
