// Several app processes on one PostgreSQL (and Redis): one dispatcher leads, the others
// take over when it dies; events fan out through Redis; a Redis outage loses nothing.
import { receiveStock } from "@oms/core";
import { createStaffWorld, sessionUserOf, testContext } from "@oms/core/testing";
import { createTestDatabase, describeOnPostgres, type TestDatabase } from "@oms/db/testing";
import { createServer, Socket, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, test } from "vitest";
import type { LiveEvent } from "./client/protocol.ts";
import { startDispatcher } from "./dispatcher.ts";
import { connectClient, createTestVariant, quietLog, startTestInstance, testDatabaseUrl, type TestClient, type TestInstance } from "./testing/harness.ts";

const redisUrl = process.env.TEST_REDIS_URL?.trim() || undefined;
const inCi = !!process.env.CI && !["0", "false"].includes(process.env.CI.trim().toLowerCase());

/** Needs PostgreSQL and Redis: skipped with the reason locally, a failure in CI. */
function describeWithRedis(name: string, fn: () => void) {
  if (redisUrl) return describeOnPostgres(name, fn);
  if (inCi) {
    return describe(name, () => {
      test("has a Redis server (TEST_REDIS_URL)", () => {
        throw new Error("CI is set but TEST_REDIS_URL is not: set it, e.g. redis://127.0.0.1:6379.");
      });
    });
  }
  describe.skipIf(true)(`${name} (skipped: needs Redis, set TEST_REDIS_URL)`, fn);
}

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
let variantId: string;

async function setup() {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
  variantId = (await createTestVariant(db.prisma)).id;
}

const sale = (locationId: string) => receiveStock({ locationId, lines: [{ variantId, quantity: 1 }] }, testContext(db.prisma));

describeOnPostgres("dispatcher leadership on PostgreSQL", () => {
  beforeAll(setup);
  afterAll(async () => db?.drop());

  it("one instance leads, wakes on NOTIFY, and another takes over when it dies", async () => {
    const seen: Array<[string, LiveEvent]> = [];
    const make = (name: string) =>
      startDispatcher({
        prisma: db.prisma,
        kind: "postgres",
        databaseUrl: testDatabaseUrl(db.name),
        publish: (events) => void seen.push(...events.map((e): [string, LiveEvent] => [name, e])),
        pollMs: 60_000, // only NOTIFY can wake it within the test's time
        standbyRetryMs: 100,
        retentionDays: 0,
        log: quietLog,
        name,
      });
    const one = make("one");
    await one.leadership();
    const two = make("two");
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect([one.isLeader(), two.isLeader()]).toEqual([true, false]);

      const started = Date.now();
      await sale(world.storeA.id);
      while (seen.length === 0 && Date.now() - started < 2_000) await new Promise((r) => setTimeout(r, 5));
      expect(seen.map(([who]) => who)).toEqual(["one"]);
      expect(Date.now() - started).toBeLessThan(1_000);

      await one.stop(); // the leader dies: its connection, and with it the lock, goes away
      await two.leadership();
      await sale(world.storeA.id);
      const waitUntil = Date.now() + 2_000;
      while (seen.length < 2 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 5));
      expect(seen.map(([who, e]) => [who, e.seq])).toEqual([
        ["one", 1],
        ["two", 2],
      ]);
    } finally {
      await one.stop();
      await two.stop();
    }
  });
});

/** A TCP relay to Redis that the test can cut, as a network outage between one app and Redis. */
async function cuttableRelay(target: URL): Promise<{ url: string; cut(): void; restore(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let open = true;
  const server: Server = createServer((inbound) => {
    if (!open) return inbound.destroy();
    const outbound = new Socket();
    outbound.connect(Number(target.port || 6379), target.hostname);
    inbound.pipe(outbound).pipe(inbound);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on("error", () => undefined);
      s.on("close", () => {
        sockets.delete(s);
        inbound.destroy();
        outbound.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const relayed = new URL(target.toString());
  relayed.hostname = "127.0.0.1";
  relayed.port = String((server.address() as AddressInfo).port);
  return {
    url: relayed.toString(),
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () => {
      open = false;
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describeWithRedis("two app instances sharing PostgreSQL and Redis", () => {
  let a: TestInstance;
  let b: TestInstance;
  let relay: Awaited<ReturnType<typeof cuttableRelay>>;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    await setup();
    relay = await cuttableRelay(new URL(redisUrl!));
    const redisKey = `oms-test-${db.name}`;
    const common = { database: db, databaseUrl: testDatabaseUrl(db.name), redisKey, headsIntervalMs: 300, dispatcher: { standbyRetryMs: 200 } };
    a = await startTestInstance({ ...common, redisUrl: redisUrl! });
    await a.realtime.dispatcher!.leadership();
    b = await startTestInstance({ ...common, redisUrl: relay.url });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await a?.close();
    await b?.close();
    await relay?.close();
    await db?.drop();
  });

  it("a sale published by instance A reaches a tablet on instance B; a Redis outage loses nothing", async () => {
    expect([a.realtime.dispatcher!.isLeader(), b.realtime.dispatcher!.isLeader()]).toEqual([true, false]);
    const tablet = await connectClient(b.url, sessionUserOf(world.cashierA), db.prisma);
    const other = await connectClient(b.url, sessionUserOf(world.cashierB), db.prisma);
    clients.push(tablet, other);
    // B serves no events itself: what the tablet gets came through Redis from A.
    const direct: LiveEvent[] = [];
    tablet.socket.on("live:event", (e: LiveEvent) => direct.push(e));

    await sale(world.storeA.id);
    await tablet.waitFor((e) => e.length === 1);
    expect(direct).toHaveLength(1);

    relay.cut(); // B loses Redis
    await sale(world.storeA.id);
    await sale(world.storeA.id);
    // The heads B reads from the database tell the tablet it is behind; live.since fills in.
    await tablet.waitFor((e) => e.length === 3, 5_000);
    relay.restore();

    await new Promise((r) => setTimeout(r, 2_500)); // node-redis reconnects with backoff
    await sale(world.storeA.id);
    await tablet.waitFor((e) => e.length === 4, 5_000);

    const seqs = tablet.events.map((e) => e.seq);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2, seqs[0]! + 3]);
    expect(other.events).toEqual([]);
  });
});
