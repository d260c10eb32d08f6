// Live update latency: an inventory change (goods received at a store, a real domain
// command) reaching 500 connected clients spread over 2 app instances that share
// PostgreSQL and Redis. Measures commit → receipt in the client (after sequence checks).
//
//   npx tsx bench/realtime.bench.ts            (npm run bench:realtime)
//
// Settings: BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a
// throw-away database is created and dropped), BENCH_REDIS_URL (default
// redis://127.0.0.1:6379), BENCH_CLIENTS (500), BENCH_CHANGES (100), BENCH_INTERVAL_MS (50).
// Processes: this one runs instance A (the dispatcher leader) and makes the changes; a child
// runs instance B (standby dispatcher); another child holds the 500 clients, so the
// servers do not share an event loop with the clients.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const here = dirname(fileURLToPath(import.meta.url));
/** BENCH_RESULTS_DIR: where results go (bench/run-all.ts --smoke writes elsewhere than the committed ones). */
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(here, "results");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 100);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 50);
const WARMUP = 5;
const now = () => performance.timeOrigin + performance.now();

type Msg =
  | { kind: "instance-ready"; url: string }
  | { kind: "clients-ready"; connected: number }
  | { kind: "receipts"; receipts: Array<[string, number]> };

function child(role: "instance" | "clients", env: Record<string, string>): ChildProcess {
  return fork(fileURLToPath(import.meta.url), [role], { execArgv: ["--import", "tsx"], env: { ...process.env, ...env }, stdio: "inherit" });
}

function next<T extends Msg["kind"]>(proc: ChildProcess, kind: T): Promise<Extract<Msg, { kind: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Msg) => {
      if (m.kind !== kind) return;
      proc.off("message", onMessage);
      resolve(m as Extract<Msg, { kind: T }>);
    };
    proc.on("message", onMessage);
    proc.once("exit", (code) => reject(new Error(`${kind}: child exited with ${code}`)));
  });
}

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

const role = process.argv[2];
const databaseUrl = process.env.BENCH_DB_URL_INTERNAL;
const redisKey = process.env.BENCH_REDIS_KEY ?? "oms-bench";

if (role === "instance") {
  const { openDatabase } = await import("@oms/db");
  const { startTestInstance } = await import("@oms/realtime/testing");
  const database = openDatabase({ url: databaseUrl! });
  const instance = await startTestInstance({ database, databaseUrl, redisUrl, redisKey, headsIntervalMs: 5_000 });
  process.send!({ kind: "instance-ready", url: instance.url } satisfies Msg);
  process.on("disconnect", () => void instance.close().then(() => database.close()).finally(() => process.exit(0)));
} else if (role === "clients") {
  const { openDatabase } = await import("@oms/db");
  const { connectClient } = await import("@oms/realtime/testing");
  const users = JSON.parse(process.env.BENCH_USERS!) as Array<Parameters<typeof connectClient>[1]>;
  const urls = JSON.parse(process.env.BENCH_URLS!) as string[];
  const database = openDatabase({ url: databaseUrl! });
  const receipts: Array<[string, number]> = [];
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) {
    // Four in five are store staff at the store, one in five admins (HQ room).
    const user = users[i % 5 === 4 ? 1 : 0]!;
    clients.push(
      connectClient(urls[i % urls.length]!, user, database.prisma, {
        onEvents: (events) => {
          const at = now();
          for (const e of events) receipts.push([e.id, at]);
        },
        socket: { reconnectionDelay: 500, reconnectionDelayMax: 2_000 },
      }),
    );
    if (i % 50 === 49) await Promise.all(clients.slice(-50));
  }
  const connected = (await Promise.all(clients)).filter((c) => c.status() === "live").length;
  process.send!({ kind: "clients-ready", connected } satisfies Msg);
  process.on("message", (m: { kind: string }) => {
    if (m.kind === "report") process.send!({ kind: "receipts", receipts } satisfies Msg);
  });
  process.on("disconnect", () => {
    for (const c of clients) void c.then((x) => x.close());
    void database.close().finally(() => process.exit(0));
  });
} else {
  const name = `oms_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const { openDatabase, applyMigrations } = await import("@oms/db");
  const { receiveStock } = await import("@oms/core");
  const { createStaffWorld, sessionUserOf, testContext } = await import("@oms/core/testing");
  const { startTestInstance, createTestVariant } = await import("@oms/realtime/testing");
  const database = openDatabase({ url: dbUrl });
  const children: ChildProcess[] = [];
  try {
    await applyMigrations(database);
    const world = await createStaffWorld(database.prisma);
    const variant = await createTestVariant(database.prisma);
    const env = { BENCH_DB_URL_INTERNAL: dbUrl, BENCH_REDIS_KEY: `oms-bench-${name}` };

    const a = await startTestInstance({ database, databaseUrl: dbUrl, redisUrl, redisKey: env.BENCH_REDIS_KEY, headsIntervalMs: 5_000, dispatcher: { name: "A" } });
    await a.realtime.dispatcher!.leadership();
    const bProc = child("instance", env);
    children.push(bProc);
    const b = await next(bProc, "instance-ready");

    const clientsProc = child("clients", {
      ...env,
      BENCH_USERS: JSON.stringify([sessionUserOf(world.cashierA), sessionUserOf(world.admin)]),
      BENCH_URLS: JSON.stringify([a.url, b.url]),
    });
    children.push(clientsProc);
    const ready = await next(clientsProc, "clients-ready");
    console.log(`[bench] ${ready.connected}/${CLIENTS} clients live on 2 instances; making ${CHANGES} inventory changes (+${WARMUP} warm-up)`);

    const commits = new Map<string, number>();
    const ctx = testContext(database.prisma);
    for (let i = 0; i < WARMUP + CHANGES; i++) {
      await receiveStock({ locationId: world.storeA.id, lines: [{ variantId: variant.id, quantity: 1 }] }, ctx);
      const committedAt = now();
      if (i >= WARMUP) {
        // The event's id: the newest outbox row of this store (read after timing the commit).
        const row = await database.prisma.outboxEvent.findFirstOrThrow({ where: { locationId: world.storeA.id }, orderBy: { sequence: "desc" }, select: { id: true } });
        commits.set(row.id, committedAt);
      }
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
    }
    await new Promise((r) => setTimeout(r, 2_000)); // stragglers
    clientsProc.send({ kind: "report" });
    const { receipts } = await next(clientsProc, "receipts");

    const latencies: number[] = [];
    const perEvent = new Map<string, number>();
    for (const [id, at] of receipts) {
      const committedAt = commits.get(id);
      if (committedAt === undefined) continue;
      latencies.push(at - committedAt);
      perEvent.set(id, (perEvent.get(id) ?? 0) + 1);
    }
    latencies.sort((x, y) => x - y);
    const expected = CHANGES * CLIENTS;
    const round = (n: number) => Math.round(n * 10) / 10;
    const result = {
      benchmark: "realtime: inventory change → 500 clients on 2 instances (PostgreSQL + Redis)",
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
      setup: { clients: CLIENTS, instances: 2, clientsConnected: ready.connected, changes: CHANGES, warmup: WARMUP, intervalMs: INTERVAL_MS, roomMix: "80% store staff (location room), 20% admins (hq room)" },
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p90: round(percentile(latencies, 90)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? NaN),
        min: round(latencies[0] ?? NaN),
      },
      delivery: { expected, received: latencies.length, completeness: latencies.length / expected, eventsFullyDelivered: [...perEvent.values()].filter((n) => n === CLIENTS).length },
      targets: { p99Ms: 150, completeness: 1 },
      pass: percentile(latencies, 99) < 150 && latencies.length === expected,
    };
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, "realtime.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(
      join(resultsDir, "realtime.md"),
      [
        "# Realtime benchmark",
        "",
        `${result.benchmark}. Run \`npx tsx bench/realtime.bench.ts\` (${result.date}, ${result.machine.cpus} × ${result.machine.cpu}, Node ${result.machine.node}).`,
        "",
        "| measure | result | target |",
        "|---|---|---|",
        `| commit → receipt p50 | ${result.latencyMs.p50} ms | |`,
        `| commit → receipt p90 | ${result.latencyMs.p90} ms | |`,
        `| commit → receipt p99 | ${result.latencyMs.p99} ms | < 150 ms |`,
        `| max | ${result.latencyMs.max} ms | |`,
        `| delivery | ${result.delivery.received} / ${expected} (${(result.delivery.completeness * 100).toFixed(2)} %) | 100 % |`,
        "",
        `${CLIENTS} socket.io clients (${result.setup.roomMix}) in one process, half on each instance; instance A leads the dispatcher, B relays through Redis. ${CHANGES} changes (goods received, a real domain command) ${INTERVAL_MS} ms apart after ${WARMUP} warm-up changes. Latency is from the command's commit to the moment the client applied the event (after its sequence check).`,
        "",
      ].join("\n"),
    );
    console.log(JSON.stringify(result, null, 2));
    for (const c of children) c.disconnect();
    await a.close();
  } finally {
    for (const c of children) if (c.connected) c.disconnect();
    await database.close();
    await new Promise((r) => setTimeout(r, 500));
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  process.exit(0);
}
