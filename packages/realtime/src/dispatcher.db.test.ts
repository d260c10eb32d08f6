// The outbox dispatcher on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { createTestLocation } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "./client/protocol.ts";
import { startDispatcher, type Dispatcher } from "./dispatcher.ts";
import { testDatabaseUrl } from "./testing/harness.ts";

let db: TestDatabase;
let storeA: string;
let storeB: string;
beforeAll(async () => {
  db = await createTestDatabase();
  storeA = (await createTestLocation(db.prisma)).id;
  storeB = (await createTestLocation(db.prisma)).id;
});
afterAll(async () => {
  await db?.drop();
});

function dispatcher(publish: (events: LiveEvent[]) => void, extra: Partial<Parameters<typeof startDispatcher>[0]> = {}): Dispatcher {
  return startDispatcher({
    prisma: db.prisma,
    kind: db.kind,
    databaseUrl: testDatabaseUrl(db.name),
    publish,
    pollMs: 60_000, // rounds run when the test says so
    retentionDays: 0,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    ...extra,
  });
}

async function write(events: Array<{ locationId: string | null; n: number }>) {
  await db.prisma.$transaction(async (tx) => {
    await tx.outboxEvent.createMany({
      data: events.map((e) => ({ topic: "task.changed", locationId: e.locationId, payload: { taskId: `t${e.n}`, locationId: e.locationId, status: "OPEN", change: "test" } })),
    });
  });
}

const tag = (e: LiveEvent) => (e.payload as { taskId: string }).taskId;

describe("the outbox dispatcher", () => {
  it("publishes committed events only, in order, numbered gap-free per stream", async () => {
    const seen: LiveEvent[] = [];
    const d = dispatcher((events) => void seen.push(...events));
    try {
      await d.leadership();
      await write([{ locationId: storeA, n: 1 }, { locationId: storeB, n: 2 }, { locationId: null, n: 3 }]);
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.outboxEvent.create({ data: { topic: "task.changed", locationId: storeA, payload: { taskId: "rolled-back" } } });
          throw new Error("the command failed");
        }),
      ).rejects.toThrow("the command failed");
      await write([{ locationId: storeA, n: 4 }, { locationId: storeA, n: 5 }]);
      await d.runOnce();

      expect(seen.map(tag)).not.toContain("rolled-back");
      const byStream = (stream: string) => seen.filter((e) => e.stream === stream);
      expect(byStream(storeA).map((e) => [tag(e), e.seq])).toEqual([["t1", 1], ["t4", 2], ["t5", 3]]);
      expect(byStream(storeB).map((e) => [tag(e), e.seq])).toEqual([["t2", 1]]);
      expect(byStream("hq").map((e) => [tag(e), e.seq])).toEqual([["t3", 1]]);
      expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);

      // Nothing new: nothing published again.
      expect(await d.runOnce()).toBe(0);
      await write([{ locationId: storeB, n: 6 }]);
      await d.runOnce();
      expect(seen.at(-1)).toMatchObject({ stream: storeB, seq: 2 });
    } finally {
      await d.stop();
    }
  });

  it("publishes again with the same numbers after a crash between publishing and marking", async () => {
    const first: LiveEvent[] = [];
    const crashing = dispatcher((events) => void first.push(...events), {
      faults: {
        afterPublish: () => {
          throw new Error("process died");
        },
      },
    });
    await crashing.leadership();
    await write([{ locationId: storeA, n: 10 }, { locationId: storeA, n: 11 }]);
    await expect(crashing.runOnce()).rejects.toThrow("process died");
    await crashing.stop();
    // On PostgreSQL the insert's NOTIFY may have woken a round too: at least once, maybe more.
    const unique = [...new Map(first.map((e) => [e.id, e])).values()];
    expect(unique.map(tag)).toEqual(["t10", "t11"]);
    expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(2);

    const second: LiveEvent[] = [];
    const restarted = dispatcher((events) => void second.push(...events));
    try {
      await restarted.leadership();
      await restarted.runOnce();
      expect(second.map((e) => [e.id, e.seq])).toEqual(unique.map((e) => [e.id, e.seq]));
      expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
    } finally {
      await restarted.stop();
    }
  });

  it("prunes old published events in batches, keeping what webhooks still need, without resetting numbers", async () => {
    const location = (await createTestLocation(db.prisma)).id;
    const seen: LiveEvent[] = [];
    const d = dispatcher((events) => void seen.push(...events), { retentionDays: 7 });
    try {
      await d.leadership();
      await write([1, 2, 3].map((n) => ({ locationId: location, n: 100 + n })));
      await d.runOnce();
      const old = new Date(Date.now() - 8 * 86_400_000);
      const rows = await db.prisma.outboxEvent.findMany({ where: { locationId: location }, orderBy: { locationSequence: "asc" } });
      // Two are old and done with by the webhook worker; one is old but not yet turned into deliveries.
      await db.prisma.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { publishedAt: old } });
      await db.prisma.outboxEvent.updateMany({ where: { id: { in: [rows[0]!.id, rows[1]!.id] } }, data: { webhooksEnqueuedAt: old } });

      expect(await d.prune()).toBe(2);
      expect((await db.prisma.outboxEvent.findMany({ where: { locationId: location } })).map((r) => r.id)).toEqual([rows[2]!.id]);

      await write([{ locationId: location, n: 104 }]);
      await d.runOnce();
      expect(seen.at(-1)).toMatchObject({ stream: location, seq: 4 });
    } finally {
      await d.stop();
    }
  });
});
