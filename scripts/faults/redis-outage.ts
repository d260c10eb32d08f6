// Scenario 3: Redis stops while two instances serve live updates. Instance B leads the
// outbox dispatcher (it emits every event); a store cashier's socket.io client is connected
// to instance A, so everything it gets live travels B → Redis → A. Orders go in through B's
// public API before, during and after a Redis outage. The client must end with every event
// of its store's stream exactly once and in order: what Redis could not carry comes through
// the resync (`live:heads` from A's database → `live.since` over HTTP on A).
import type { SessionUser } from "@oms/contracts";
import { createTestUser, sessionUserOf } from "@oms/core/testing";
import type { PrismaClient } from "@oms/db";
import type { LiveEvent } from "@oms/realtime/client";
import { connectClient, sessionCookie } from "@oms/realtime/testing";
import superjson from "superjson";
import { log, sleep, startApp, type AppProcess, type RedisServer } from "./infra.ts";
import type { Scenario } from "./scenario.ts";
import { orderRequest, postOrderPatiently, type World } from "./world.ts";

const PER_PHASE = 8;
const HEADS_MS = 1_000;

interface Delivered {
  id: string;
  seq: number;
  stream: string;
  phase: string;
}

export async function redisOutage(context: { prisma: PrismaClient; databaseUrl: string; redis: RedisServer; world: World; tokens: string[] }): Promise<Scenario> {
  const { prisma, redis, world, tokens } = context;
  const checks: Scenario["checks"] = [];
  const check = (name: string, ok: boolean, detail = "") => checks.push({ name, ok, detail });
  const env = { LIVE_HEADS_INTERVAL_MS: String(HEADS_MS) };
  const b = await startApp("instance B", { databaseUrl: context.databaseUrl, redisUrl: redis.url, env });
  await b.waitForOutput("(leader)", 30_000);
  const a = await startApp("instance A", { databaseUrl: context.databaseUrl, redisUrl: redis.url, env });
  await sleep(1_500);
  check("instance B leads the dispatcher, A stands by", b.output().includes("(leader)") && !a.output().includes("(leader)"));
  const pids = [a.pid, b.pid];

  // Events of the stream before the client connects are not its business (a new client
  // starts at the stream's head): wait for them to be published, then count from there.
  const stream = world.warsaw.id;
  for (let i = 0; i < 100; i++) {
    if ((await prisma.outboxEvent.count({ where: { locationId: stream, publishedAt: null } })) === 0) break;
    await sleep(100);
  }
  const baseline = (await prisma.outboxEvent.aggregate({ _max: { sequence: true, locationSequence: true }, where: { locationId: stream } }))._max;
  const fromSequence = baseline.sequence ?? 0n;
  const firstSeq = Number(baseline.locationSequence ?? 0n) + 1;
  const cashier = await createTestUser(prisma, { role: "CASHIER", locationId: world.warsaw.id });
  const user = sessionUserOf(cashier);
  const delivered: Delivered[] = [];
  let phase = "live";
  let resyncFetches = 0;
  const client = await connectClient(a.baseUrl, user, prisma, {
    fetchSince: async (s, after, limit) => {
      resyncFetches++;
      return liveSince(a, user, s, after, limit);
    },
    onEvents: (events) => {
      for (const e of events) delivered.push({ id: e.id, seq: e.seq, stream: e.stream, phase });
    },
  });
  log(`cashier's client live on instance A; orders go in through instance B's API`);

  // Stock only in Warsaw for this SKU: every order moves the Warsaw stream.
  const sku = world.variants[2]!.sku;
  const order = async () => {
    const answer = await postOrderPatiently(b.baseUrl, orderRequest(world, tokens[0]!, sku, 1));
    if (answer.status !== 201) throw new Error(`order through instance B: ${answer.status} ${answer.text.slice(0, 300)}`);
  };
  const streamRows = () =>
    prisma.outboxEvent.findMany({ where: { locationId: stream, sequence: { gt: fromSequence } }, select: { id: true, locationSequence: true, publishedAt: true }, orderBy: { sequence: "asc" } });
  const settle = async (ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const rows = await streamRows();
      const all = rows.length > 0 && rows.every((r) => r.publishedAt && r.locationSequence !== null);
      const got = new Set(delivered.filter((d) => d.stream === stream).map((d) => d.id));
      if (all && rows.every((r) => got.has(r.id))) return true;
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
  };

  for (let i = 0; i < PER_PHASE; i++) await order();
  const liveOk = await settle(10_000);
  const fetchesLive = resyncFetches;
  check("with Redis up, events reach A's client live (through Redis, no resync)", liveOk && fetchesLive === 0, `${delivered.length} events, ${fetchesLive} resync fetches`);

  log("stopping Redis");
  phase = "outage";
  await redis.stop();
  for (let i = 0; i < PER_PHASE; i++) await order();
  const duringOk = await settle(HEADS_MS * 6 + 5_000);
  const fetchesOutage = resyncFetches - fetchesLive;
  check("during the outage the client catches up through the resync", duringOk && fetchesOutage > 0, `${fetchesOutage} live.since fetches`);

  log("starting Redis again");
  phase = "after";
  await redis.start();
  await sleep(3_000); // node-redis reconnects with backoff (at most 2 s between tries)
  const fetchesBeforeAfter = resyncFetches;
  for (let i = 0; i < PER_PHASE; i++) await order();
  const afterOk = await settle(15_000);
  check("after Redis is back every event arrives", afterOk, `${resyncFetches - fetchesBeforeAfter} resync fetches in this phase`);

  const rows = await streamRows();
  const mine = delivered.filter((d) => d.stream === stream);
  const times = new Map<string, number>();
  for (const d of mine) times.set(d.id, (times.get(d.id) ?? 0) + 1);
  const missing = rows.filter((r) => !times.has(r.id));
  const twice = [...times].filter(([, n]) => n > 1);
  const seqs = mine.map((d) => d.seq);
  const inOrder = seqs.every((s, i) => s === firstSeq + i);
  check("every event of the stream exactly once, in order", missing.length === 0 && twice.length === 0 && inOrder && mine.length === rows.length, `${rows.length} events in the database, ${mine.length} delivered, ${missing.length} missing, ${twice.length} twice, sequence ${inOrder ? `${firstSeq}..${firstSeq + seqs.length - 1}` : seqs.join(",")}`);
  check("both instances kept running", a.alive() && b.alive() && a.pid === pids[0] && b.pid === pids[1]);
  client.close();
  await a.stop();
  await b.stop();
  return {
    name: "Redis outage with two instances",
    checks,
    figures: { events: rows.length, delivered: mine.length, resyncFetchesDuringOutage: fetchesOutage, headsIntervalMs: HEADS_MS },
  };
}

/** live.since through the app's tRPC endpoint on `app`, signed in as `user` (what the browser does). */
async function liveSince(app: AppProcess, user: SessionUser, stream: string, after: number, limit: number) {
  const input = encodeURIComponent(JSON.stringify(superjson.serialize({ stream, after, limit })));
  const response = await fetch(`${app.baseUrl}/api/trpc/live.since?input=${input}`, { headers: { cookie: await sessionCookie(user) } });
  const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`live.since on ${app.name}: ${response.status} ${JSON.stringify(body.error ?? body).slice(0, 300)}`);
  return (superjson.deserialize(body.result.data) as { events: LiveEvent[] }).events;
}
