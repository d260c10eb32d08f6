// Till sales under load: 20 terminals (5 registers in each of 4 stores) selling at once on
// PostgreSQL, each completing BENCH_SALES sales through the tRPC router (the same code path
// as the sale screen: scan, quote, checkout.start, tenders). Reports the server time per
// completed sale (the sum of its calls' durations, no think time) at p50/p95, and per call.
//
//   npx tsx bench/pos-sales.bench.ts            (npm run bench:pos)
//
// Settings: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a
// throw-away database is created and dropped), BENCH_TERMINALS (20), BENCH_SALES (10 per
// terminal), BENCH_POOL_SIZE (20 connections, one app instance), BENCH_SEED (42).
// Tender mix: 60 % cash, 25 % card on the simulated reader (answers at once), 15 % card
// for half and cash for the rest. Cards are the simulated provider, so the figures are our
// server's time, not a card network's.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const here = dirname(fileURLToPath(import.meta.url));
/** BENCH_RESULTS_DIR: where results go (bench/run-all.ts --smoke writes elsewhere than the committed ones). */
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(here, "results");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TERMINALS = Number(process.env.BENCH_TERMINALS ?? 20);
const SALES = Number(process.env.BENCH_SALES ?? 10);
const POOL = Number(process.env.BENCH_POOL_SIZE ?? 20);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const STORES = 4;
const VARIANTS = 40;
const WARMUP = 2;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const name = `oms_bench_pos_${Date.now()}_${randomBytes(3).toString("hex")}`;
await adminQuery(`CREATE DATABASE "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const dbUrl = url.toString();

const { openDatabase, applyMigrations, readDbEnv } = await import("@oms/db");
const { seededRandom } = await import("@oms/db/testing");
const { createCaller, createTrpcContext } = await import("@oms/api");
const { createPosProduct, createStaffWorld, createTestLocation, createTestUser, openTestRegister, sessionUserOf } = await import("@oms/core/testing");
const { SimulatedProvider, setPaymentProvider, simulatedReaderId } = await import("@oms/payments");

const database = openDatabase({ url: dbUrl, env: { ...readDbEnv({}), DATABASE_POOL_SIZE: POOL } });
try {
  await applyMigrations(database);
  const prisma = database.prisma;
  setPaymentProvider(new SimulatedProvider({ isolated: true, readerDelayMs: 0 }));

  // The world: 4 stores, 40 products stocked at each, 5 registers with a cashier per store.
  const world = await createStaffWorld(prisma);
  const stores = [world.storeA, world.storeB];
  while (stores.length < STORES) stores.push(await createTestLocation(prisma, { marketCode: world.market.code }));
  const stock = Object.fromEntries(stores.map((s) => [s.id, 100_000]));
  const variants = [];
  for (let i = 0; i < VARIANTS; i++) {
    const barcode = `2${String(1_000_000_000_00 + i).padStart(12, "0")}`;
    variants.push({ ...(await createPosProduct(prisma, { price: 500 + ((i * 377) % 9000), stock, barcode })).variant, barcode });
  }
  const terminals = [];
  for (let t = 0; t < TERMINALS; t++) {
    const store = stores[t % stores.length]!;
    const cashier = await createTestUser(prisma, { role: "CASHIER", locationId: store.id });
    const { session } = await openTestRegister(prisma, { locationId: store.id, openedById: cashier.id, readerId: simulatedReaderId(store.id) });
    terminals.push({ store, session, caller: createCaller(createTrpcContext({ user: sessionUserOf(cashier), db: prisma })) });
  }
  console.log(`[bench] ${TERMINALS} terminals in ${stores.length} stores, ${SALES} sales each (+${WARMUP} warm-up), pool ${POOL}`);

  type Caller = (typeof terminals)[number]["caller"];
  const callTimes = new Map<string, number[]>();
  const saleTimes: number[] = [];
  const failures: string[] = [];
  let done = 0;
  const timed = async <T>(label: string, sink: { ms: number }, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      const ms = performance.now() - start;
      sink.ms += ms;
      (callTimes.get(label) ?? callTimes.set(label, []).get(label)!).push(ms);
    }
  };

  async function sell(caller: Caller, locationId: string, registerSessionId: string, random: () => number, record: boolean) {
    const sink = { ms: 0 };
    const count = 1 + Math.floor(random() * 3);
    const lines = [];
    for (let i = 0; i < count; i++) {
      const v = variants[Math.floor(random() * variants.length)]!;
      const scanned = await timed("pos.lookupBarcode", sink, () => caller.pos.lookupBarcode({ locationId, code: v.barcode }));
      lines.push({ variantId: scanned.variantId, quantity: 1 + Math.floor(random() * 2) });
    }
    const cart = { lines };
    await timed("pos.quote", sink, () => caller.pos.quote({ locationId, cart }));
    const sale = await timed("pos.checkout.start", sink, () => caller.pos.checkout.start({ registerSessionId, cart, attemptId: randomUUID() }));
    const mix = random();
    let state = sale;
    if (mix < 0.4) {
      const amount = mix < 0.15 ? Math.max(1, Math.floor(sale.remaining / 2)) : sale.remaining;
      const card = await timed("pos.checkout.startCardTender", sink, () => caller.pos.checkout.startCardTender({ orderId: sale.orderId, amount, attemptId: randomUUID() }));
      let polled = await timed("pos.checkout.cardTenderState", sink, () => caller.pos.checkout.cardTenderState({ orderId: sale.orderId, paymentId: card.paymentId }));
      for (let polls = 1; polled.paymentStatus === "REQUIRES_ACTION" || polled.paymentStatus === "PENDING"; polls++) {
        if (polls >= 50) throw new Error(`sale ${sale.number}: the card payment is still ${polled.paymentStatus} after 50 polls`);
        polled = await timed("pos.checkout.cardTenderState", sink, () => caller.pos.checkout.cardTenderState({ orderId: sale.orderId, paymentId: card.paymentId }));
      }
      state = polled.checkout;
    }
    if (!state.completed) {
      const tendered = Math.ceil(state.cashDue / 5000) * 5000 || 5000;
      state = await timed("pos.checkout.addCashTender", sink, () => caller.pos.checkout.addCashTender({ orderId: sale.orderId, tendered, attemptId: randomUUID() }));
    }
    if (!state.completed) throw new Error(`sale ${sale.number} not completed: ${JSON.stringify(state)}`);
    if (record) saleTimes.push(sink.ms);
    if (++done % 50 === 0) console.log(`[bench] ${done} sales completed`);
  }

  const started = performance.now();
  await Promise.all(
    terminals.map(async (terminal, t) => {
      const random = seededRandom(SEED + t);
      for (let i = 0; i < WARMUP + SALES; i++) {
        try {
          await sell(terminal.caller, terminal.store.id, terminal.session.id, random, i >= WARMUP);
        } catch (error) {
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const wallSeconds = (performance.now() - started) / 1000;

  saleTimes.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  const calls = Object.fromEntries(
    [...callTimes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, times]) => {
        const sorted = [...times].sort((a, b) => a - b);
        return [label, { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) }];
      }),
  );
  const completed = await prisma.order.count({ where: { channel: "POS", status: "COMPLETED" } });
  const result = {
    benchmark: "pos: completed till sales, 20 terminals at once (PostgreSQL, tRPC router in-process)",
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
    setup: { terminals: TERMINALS, stores: stores.length, salesPerTerminal: SALES, warmupPerTerminal: WARMUP, poolSize: POOL, variants: VARIANTS, tenderMix: "60% cash, 25% card, 15% card + cash", seed: SEED },
    serverMsPerSale: { p50: round(percentile(saleTimes, 50)), p95: round(percentile(saleTimes, 95)), max: round(saleTimes.at(-1) ?? NaN), min: round(saleTimes[0] ?? NaN) },
    calls,
    throughput: { completedSales: completed, measuredSales: saleTimes.length, wallSeconds: round(wallSeconds), salesPerSecond: round(completed / wallSeconds) },
    failures: failures.length,
    failureSamples: failures.slice(0, 5),
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "pos-sales.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(resultsDir, "pos-sales.md"),
    [
      "# Till sales benchmark",
      "",
      `${result.benchmark}. Run \`npx tsx bench/pos-sales.bench.ts\` (${result.date}, ${result.machine.cpus} × ${result.machine.cpu}, Node ${result.machine.node}).`,
      "",
      "| measure | result |",
      "|---|---|",
      `| server time per completed sale, p50 | ${result.serverMsPerSale.p50} ms |`,
      `| server time per completed sale, p95 | ${result.serverMsPerSale.p95} ms |`,
      `| max | ${result.serverMsPerSale.max} ms |`,
      `| completed sales | ${completed} in ${result.throughput.wallSeconds} s (${result.throughput.salesPerSecond}/s) |`,
      `| failed sales | ${failures.length} |`,
      "",
      "| call | count | p50 | p95 |",
      "|---|---|---|---|",
      ...Object.entries(calls).map(([label, c]) => `| ${label} | ${c.count} | ${c.p50} ms | ${c.p95} ms |`),
      "",
      `${TERMINALS} terminals (${TERMINALS / stores.length} registers in each of ${stores.length} stores, one cashier each) sell at once without pauses, ${SALES} sales each after ${WARMUP} warm-up sales, through the tRPC router in this process against one PostgreSQL database with a pool of ${POOL} connections. A sale scans 1–3 items by barcode (1–2 units each), quotes the cart, starts the checkout (order, carry-out reservation) and pays: ${result.setup.tenderMix}; the last tender completes it (stock committed through the ledger, order COMPLETED). Server time per sale is the sum of its calls' durations; with 20 terminals on a 2-core machine it includes waiting for the CPU and the pool.`,
      "",
    ].join("\n"),
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await database.close();
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
}
