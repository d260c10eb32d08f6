// Order intake through the public API: BENCH_CLIENTS shops post BENCH_ORDERS orders at once
// to POST /api/v1/orders of the production server (apps/web/server.ts, the `npm start`
// build) on PostgreSQL, each with its own Idempotency-Key, one API key per client. A share
// of the orders (BENCH_HOT_SHARE) is for one hot SKU with only BENCH_HOT_STOCK units in the
// network; the rest spread over 20 plentiful SKUs. Reports orders/s, p50/p99 per accepted
// order, and counts oversold units on the database at the end (reservations vs on hand,
// and the hot SKU's reservations vs its stock), plus the ledger check (verifyLedger).
//
//   npx tsx bench/order-intake.bench.ts          (npm run bench:intake)
//
// Settings: BENCH_DATABASE_URL (server; default postgresql://postgres@127.0.0.1:5432/postgres;
// a throw-away database is created and dropped), BENCH_CLIENTS (16), BENCH_ORDERS (2000),
// BENCH_HOT_SHARE (0.2), BENCH_HOT_STOCK (100), NEXT_DIST_DIR / FAULTS_SKIP_BUILD as
// scripts/faults (the server build is reused when up to date).
// A 409 insufficient-stock is the right answer once the hot SKU is gone; a 503 or 429 is
// sent again with the same key, as a shop would (counted as retries).
import { verifyLedger } from "@oms/core";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWebApp, startApp, teardown } from "../scripts/faults/infra.ts";
import { createApiKeys, createDatabase, orderRequest, postOrder, problemType, seedWorld, type OrderRequest } from "../scripts/faults/world.ts";

const here = dirname(fileURLToPath(import.meta.url));
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(here, "results");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 2_000);
const HOT_SHARE = Number(process.env.BENCH_HOT_SHARE ?? 0.2);
const HOT_STOCK = Number(process.env.BENCH_HOT_STOCK ?? 100);
const NORMAL_SKUS = 20;
const WARMUP = 20;
const TARGETS = { ordersPerSecond: 20, p99Ms: 2_000, oversold: 0 };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 10) / 10;

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const name = `oms_bench_intake_${Date.now()}_${randomBytes(3).toString("hex")}`;
buildWebApp();
const { url, database } = await createDatabase(adminUrl, name);
let exitCode = 0;
try {
  const perLocation = Math.ceil(HOT_STOCK / 3);
  const hotStock = [perLocation, perLocation, HOT_STOCK - 2 * perLocation];
  const world = await seedWorld(database.prisma, [hotStock, ...Array.from({ length: NORMAL_SKUS }, () => [100_000, 100_000, 100_000])]);
  const [hot, ...normal] = world.variants;
  const tokens = await createApiKeys(database.prisma, CLIENTS);
  const app = await startApp("bench server", { databaseUrl: url, env: { JOBS_ENABLED: "false" } });

  // Deterministic mix: order i is for the hot SKU when its hash falls under the share.
  const requests: OrderRequest[] = Array.from({ length: WARMUP + ORDERS }, (_, i) => {
    const isHot = i >= WARMUP && ((i * 2_654_435_761) % 1_000) / 1_000 < HOT_SHARE;
    const variant = isHot ? hot! : normal[i % normal.length]!;
    return orderRequest(world, tokens[i % CLIENTS]!, variant.sku, isHot ? 1 : 1 + (i % 3));
  });
  const warm = requests.slice(0, WARMUP);
  for (const r of warm) await postOrder(app.baseUrl, r);

  console.log(`[bench] ${CLIENTS} clients posting ${ORDERS} orders (${Math.round(HOT_SHARE * 100)} % for a SKU with ${HOT_STOCK} units)`);
  const measured = requests.slice(WARMUP);
  const outcomes: Array<{ status: number; ms: number; type: string; allocated: boolean; hot: boolean }> = new Array(measured.length);
  let next = 0;
  let retries = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      // Each client sends its own orders (its own API key), one after another.
      for (;;) {
        const i = next++;
        if (i >= measured.length) return;
        const r = { ...measured[i]!, token: tokens[c]! };
        const t0 = performance.now();
        let answer = await postOrder(app.baseUrl, r);
        for (let attempt = 0; attempt < 10 && (answer.status === 503 || answer.status === 429); attempt++) {
          retries++;
          await new Promise((w) => setTimeout(w, 200 + Math.random() * 300));
          answer = await postOrder(app.baseUrl, r);
        }
        const body = answer.status === 201 ? (JSON.parse(answer.text) as { status: string }) : null;
        outcomes[i] = { status: answer.status, ms: performance.now() - t0, type: problemType(answer), allocated: body?.status === "ALLOCATED", hot: r.sku === hot!.sku };
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;
  await app.stop();

  const accepted = outcomes.filter((o) => o.status === 201);
  const latencies = accepted.map((o) => o.ms).sort((a, b) => a - b);
  const byStatus: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status === 201 ? "201" : `${o.status} ${o.type}`;
    byStatus[key] = (byStatus[key] ?? 0) + 1;
  }
  const levels = await database.prisma.inventoryLevel.findMany({ where: { variantId: { in: world.variants.map((v) => v.id) } }, select: { variantId: true, onHand: true, reserved: true } });
  const overLevels = levels.reduce((s, l) => s + Math.max(0, l.reserved - l.onHand), 0);
  const hotReserved = (await database.prisma.reservation.aggregate({ _sum: { quantity: true }, where: { variantId: hot!.id, status: "ACTIVE" } }))._sum.quantity ?? 0;
  const hotAccepted = accepted.filter((o) => o.hot && o.allocated).length;
  const oversold = overLevels + Math.max(0, hotReserved - HOT_STOCK);
  const { mismatches } = await verifyLedger(database.prisma);
  const unexpected = outcomes.filter((o) => o.status !== 201 && !(o.status === 409 && o.type === "insufficient-stock"));

  const result = {
    benchmark: "order-intake",
    title: "order intake through the public API (POST /api/v1/orders, production server, PostgreSQL)",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version, loadAverage1m: round(loadavg()[0]!) },
    setup: { clients: CLIENTS, orders: ORDERS, warmup: WARMUP, hotShare: HOT_SHARE, hotStock: HOT_STOCK, normalSkus: NORMAL_SKUS, poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10) },
    throughput: { wallSeconds: round(wallSeconds), acceptedOrders: accepted.length, ordersPerSecond: round(accepted.length / wallSeconds), requestsPerSecond: round(outcomes.length / wallSeconds), retries },
    latencyMs: { p50: round(percentile(latencies, 50)), p90: round(percentile(latencies, 90)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? NaN) },
    // Where the time goes: the hot SKU's orders (accepted or refused) against the others.
    latencyByKindMs: Object.fromEntries(
      (
        [
          ["hotAccepted", outcomes.filter((o) => o.hot && o.status === 201)],
          ["hotRefused", outcomes.filter((o) => o.hot && o.status === 409)],
          ["plentiful", outcomes.filter((o) => !o.hot && o.status === 201)],
        ] as const
      ).map(([kind, list]) => {
        const ms = list.map((o) => o.ms).sort((x, y) => x - y);
        return [kind, { count: ms.length, p50: round(percentile(ms, 50)), p99: round(percentile(ms, 99)) }];
      }),
    ),
    statuses: byStatus,
    stock: { hotStock: HOT_STOCK, hotOrdersAllocated: hotAccepted, hotUnitsReserved: hotReserved, oversold, ledgerMismatches: mismatches.length },
    unexpected: unexpected.length,
    targets: TARGETS,
    pass: oversold === 0 && mismatches.length === 0 && unexpected.length === 0 && accepted.length / wallSeconds >= TARGETS.ordersPerSecond && percentile(latencies, 99) < TARGETS.p99Ms,
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "order-intake.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(resultsDir, "order-intake.md"),
    [
      "# Order intake benchmark",
      "",
      `${result.title}. Run \`npx tsx bench/order-intake.bench.ts\` (${result.date}, ${result.machine.cpus} × ${result.machine.cpu}, Node ${result.machine.node}, load ${result.machine.loadAverage1m}).`,
      "",
      "| measure | result | target |",
      "|---|---|---|",
      `| accepted orders per second | ${result.throughput.ordersPerSecond} | ≥ ${TARGETS.ordersPerSecond} |`,
      `| latency per accepted order p50 | ${result.latencyMs.p50} ms | |`,
      `| latency per accepted order p99 | ${result.latencyMs.p99} ms | < ${TARGETS.p99Ms} ms |`,
      `| oversold units | ${oversold} | 0 |`,
      `| hot SKU | ${hotAccepted} orders allocated, ${hotReserved} of ${HOT_STOCK} units reserved | ≤ ${HOT_STOCK} |`,
      `| ledger mismatches | ${mismatches.length} | 0 |`,
      `| p50 / p99 by kind | ${Object.entries(result.latencyByKindMs).map(([k, v]) => `${k} (${v.count}): ${v.p50} / ${v.p99} ms`).join("; ")} | |`,
      `| answers | ${Object.entries(byStatus).map(([k, n]) => `${n} × ${k}`).join(", ")}; ${retries} retries of 503/429 | only 201 and 409 insufficient-stock |`,
      "",
      `${CLIENTS} clients (one API key each) send ${ORDERS} orders after ${WARMUP} warm-up orders, each as soon as its previous one was answered, to one server process (pool of ${result.setup.poolSize} connections) on one PostgreSQL database. ${Math.round(HOT_SHARE * 100)} % of the orders are for one hot SKU with ${HOT_STOCK} units in the network (1 unit each); the rest for 1–3 units of 20 plentiful SKUs, shipped. Latency is from the first send to the final answer of an accepted order (retries included).`,
      "",
    ].join("\n"),
  );
  console.log(JSON.stringify(result, null, 2));
  if (!result.pass) exitCode = 1;
} finally {
  await teardown();
  await database.close();
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
process.exit(exitCode);
