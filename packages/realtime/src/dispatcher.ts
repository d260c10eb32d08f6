// The outbox dispatcher: publishes committed OutboxEvent rows to live clients, in order,
// numbering them gap-free per stream (docs/realtime.md).
//
// One leader per database does the work (pg_try_advisory_lock on a dedicated connection;
// the others stand by and take over when that connection dies). Each round:
//   1. number: in a short transaction (serialized by a transaction-level advisory lock, so
//      even two leaders for a moment could not hand out one number twice), give the unnumbered
//      rows, oldest first, the next numbers of their stream (LiveStream counter row);
//   2. publish the numbered but unpublished rows, per stream in order, outside any transaction;
//   3. mark them published. A crash between 2 and 3 publishes them again with the same
//      numbers (at-least-once; clients drop duplicates by number).
// Woken by LISTEN outbox (a trigger NOTIFYs on insert, delivered at commit) with a polling
// fallback; on the embedded database (no LISTEN through Prisma) it polls every ~75 ms.
import type { PrismaClient } from "@oms/db";
import pg from "pg";
import { streamOf, type LiveEvent } from "./client/protocol.ts";

/** pg_try_advisory_lock key of the dispatcher leader ("oms" realtime, 1). */
export const LEADER_LOCK_KEY = 0x6f6d7301;
/** pg_advisory_xact_lock key serializing the numbering transactions. */
const NUMBERING_LOCK_KEY = 0x6f6d7302;

export interface DispatcherOptions {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** PostgreSQL URL for LISTEN and the leader lock (required for kind "postgres"). */
  databaseUrl?: string;
  /** Sends events to clients; may be async (the Redis adapter publishes). */
  publish(events: LiveEvent[]): void | Promise<void>;
  /** Polling interval: default 75 ms on PGlite, 1 s (fallback to NOTIFY) on PostgreSQL. */
  pollMs?: number;
  batchSize?: number;
  /** Published rows older than this are deleted (default 7 days). 0 turns pruning off. */
  retentionDays?: number;
  pruneEveryMs?: number;
  /** How often a standby tries to become the leader. */
  standbyRetryMs?: number;
  /** Test hooks: `afterPublish` throwing simulates a crash between publishing and marking. */
  faults?: { afterPublish?(events: LiveEvent[]): void };
  log?: Pick<Console, "info" | "warn" | "error">;
  name?: string;
}

export interface Dispatcher {
  isLeader(): boolean;
  /** Resolves when this instance has become the leader (tests). */
  leadership(): Promise<void>;
  /** One round now (numbers, publishes, marks); resolves with how many events it published. */
  runOnce(): Promise<number>;
  /** Deletes published events older than the retention period; returns how many. */
  prune(now?: Date): Promise<number>;
  stop(): Promise<void>;
}

interface OutboxRow {
  id: string;
  topic: string;
  locationId: string | null;
  payload: unknown;
  createdAt: Date;
  locationSequence: bigint | null;
}

export function toLiveEvent(row: OutboxRow): LiveEvent {
  return {
    id: row.id,
    stream: streamOf(row.locationId),
    seq: Number(row.locationSequence),
    topic: row.topic,
    locationId: row.locationId,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Step 1: numbers up to `limit` unnumbered events; returns how many. */
export async function numberEvents(prisma: PrismaClient, limit = 500): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(${NUMBERING_LOCK_KEY}::bigint)::text AS locked`;
    const rows = await tx.outboxEvent.findMany({
      where: { locationSequence: null },
      orderBy: { sequence: "asc" },
      take: limit,
      select: { id: true, locationId: true },
    });
    if (rows.length === 0) return 0;
    const perStream = new Map<string, string[]>();
    for (const row of rows) {
      const stream = streamOf(row.locationId);
      perStream.set(stream, [...(perStream.get(stream) ?? []), row.id]);
    }
    const ids: string[] = [];
    const seqs: string[] = [];
    for (const [stream, streamIds] of perStream) {
      const [counter] = await tx.$queryRaw<Array<{ lastSequence: bigint }>>`
        INSERT INTO "LiveStream" ("key", "lastSequence", "updatedAt") VALUES (${stream}, ${streamIds.length}, now())
        ON CONFLICT ("key") DO UPDATE SET "lastSequence" = "LiveStream"."lastSequence" + EXCLUDED."lastSequence", "updatedAt" = now()
        RETURNING "lastSequence"`;
      const first = BigInt(counter!.lastSequence) - BigInt(streamIds.length) + 1n;
      streamIds.forEach((id, i) => {
        ids.push(id);
        seqs.push((first + BigInt(i)).toString());
      });
    }
    await tx.$executeRaw`
      UPDATE "OutboxEvent" AS o SET "locationSequence" = v.seq::bigint
      FROM unnest(${ids}::text[], ${seqs}::text[]) AS v(id, seq)
      WHERE o."id" = v.id::uuid`;
    return rows.length;
  });
}

/** Steps 2 and 3: publishes numbered, unpublished events in stream order, then marks them. */
async function publishNumbered(options: DispatcherOptions, limit: number): Promise<number> {
  const rows = await options.prisma.outboxEvent.findMany({
    where: { publishedAt: null, locationSequence: { not: null } },
    orderBy: [{ locationSequence: "asc" }],
    take: limit,
    select: { id: true, topic: true, locationId: true, payload: true, createdAt: true, locationSequence: true },
  });
  if (rows.length === 0) return 0;
  const events = rows.map(toLiveEvent);
  await options.publish(events);
  options.faults?.afterPublish?.(events);
  await options.prisma.outboxEvent.updateMany({
    where: { id: { in: rows.map((r) => r.id) } },
    data: { publishedAt: new Date(), attempts: { increment: 1 } },
  });
  return rows.length;
}

/** Deletes, in batches, published events older than `retentionDays` that webhooks are done with. */
export async function pruneOutbox(prisma: PrismaClient, retentionDays: number, now = new Date(), batch = 1_000): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let total = 0;
  for (;;) {
    // The webhook worker reads rows it has not turned into deliveries yet: keep those.
    const deleted = await prisma.$executeRaw`
      DELETE FROM "OutboxEvent" WHERE "id" IN (
        SELECT "id" FROM "OutboxEvent"
        WHERE "publishedAt" < ${cutoff} AND "webhooksEnqueuedAt" IS NOT NULL
        ORDER BY "sequence" LIMIT ${batch})`;
    total += deleted;
    if (deleted < batch) return total;
  }
}

export function startDispatcher(options: DispatcherOptions): Dispatcher {
  const log = options.log ?? console;
  const name = options.name ?? "dispatcher";
  const batch = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? (options.kind === "pglite" ? 75 : 1_000);
  const retentionDays = options.retentionDays ?? 7;
  const standbyRetryMs = options.standbyRetryMs ?? 1_000;
  if (options.kind === "postgres" && !options.databaseUrl) throw new Error("The realtime dispatcher needs the PostgreSQL URL (DATABASE_URL).");

  let stopped = false;
  let leader = false;
  let lockClient: pg.Client | null = null;
  let becameLeader!: () => void;
  const leadershipPromise = new Promise<void>((resolve) => (becameLeader = resolve));
  const timers = new Set<NodeJS.Timeout>();
  let lastPrune = 0;

  // One round at a time; a wake-up during a round asks for another one right after.
  let running: Promise<number> | null = null;
  let again = false;
  function kick(): void {
    if (stopped || !leader) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error: unknown) => {
        log.error(`[realtime] ${name}: publishing live events failed:`, error);
        return 0;
      })
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  async function round(): Promise<number> {
    let published = 0;
    // Most rounds find nothing: one indexed lookup instead of a transaction (PGlite runs one
    // statement at a time, and the demo polls it every 75 ms).
    const pending = await options.prisma.outboxEvent.findFirst({ where: { publishedAt: null }, select: { id: true } });
    while (pending) {
      const numbered = await numberEvents(options.prisma, batch);
      const sent = await publishNumbered(options, batch);
      published += sent;
      if (numbered < batch && sent < batch) break;
    }
    if (retentionDays > 0 && Date.now() - lastPrune > (options.pruneEveryMs ?? 3_600_000)) {
      lastPrune = Date.now();
      const pruned = await pruneOutbox(options.prisma, retentionDays);
      if (pruned > 0) log.info(`[realtime] ${name}: pruned ${pruned} published outbox events`);
    }
    return published;
  }

  function every(ms: number, fn: () => void): void {
    const timer = setInterval(fn, ms);
    timer.unref();
    timers.add(timer);
  }

  function lead(): void {
    leader = true;
    becameLeader();
    kick();
  }

  async function campaign(): Promise<void> {
    if (stopped || leader) return;
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "oms-realtime" });
    client.on("error", (error) => log.warn(`[realtime] ${name}: dispatcher connection failed: ${error.message}`));
    client.on("end", () => {
      if (lockClient !== client) return;
      // The lock went with the connection: stop leading, stand by again.
      lockClient = null;
      leader = false;
      if (!stopped) log.warn(`[realtime] ${name}: lost the dispatcher lock; standing by`);
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [LEADER_LOCK_KEY]);
      if (!rows[0]?.locked || stopped) {
        await client.end();
        return;
      }
      lockClient = client;
      client.on("notification", () => kick());
      await client.query("LISTEN outbox");
      log.info(`[realtime] ${name}: dispatching live events (leader)`);
      lead();
    } catch (error) {
      log.warn(`[realtime] ${name}: could not campaign for dispatcher: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }

  if (options.kind === "pglite") {
    // One process owns the embedded database: it is the leader.
    lead();
  } else {
    void campaign();
    every(standbyRetryMs, () => void campaign());
  }
  every(pollMs, kick);

  return {
    isLeader: () => leader,
    leadership: () => leadershipPromise,
    runOnce: async () => {
      // Take the same single slot as the timer and NOTIFY wake-ups: two rounds at once would
      // both read the same unpublished rows and publish them twice.
      while (running) await running;
      const current = round();
      const slot = current.catch(() => 0);
      running = slot;
      try {
        return await current;
      } finally {
        if (running === slot) running = null;
        if (again) {
          again = false;
          kick();
        }
      }
    },
    prune: (now) => pruneOutbox(options.prisma, retentionDays, now),
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      while (running) await running;
      leader = false;
      const client = lockClient;
      lockClient = null;
      await client?.end().catch(() => undefined);
    },
  };
}
