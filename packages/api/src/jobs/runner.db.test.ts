import { queueNotification } from "@oms/core";
import { createTestDatabase, describeOnPostgres, testDatabaseKind, type TestDatabase } from "@oms/db/testing";
import { createPaymentTestOrder, createPaymentTestStore } from "@oms/payments/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultJobs, DEFAULT_JOB_NAMES } from "./default-jobs.ts";
import { readJobsEnv } from "./env.ts";
import { startJobRunner, type Job, type JobRunner } from "./runner.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(10);
  }
}

/** The test database's own URL: advisory locks are per database. */
function databaseUrl(): string | undefined {
  if (testDatabaseKind() !== "postgres") return undefined;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${db.name}`;
  return url.toString();
}

function counter(name: string, intervalMs = 20, body: () => Promise<unknown> = async () => 1): Job & { count: number } {
  const job = {
    name,
    intervalMs,
    count: 0,
    run: async () => {
      job.count++;
      return body();
    },
  };
  return job;
}

describe("the job runner", () => {
  it("keeps running the other jobs when one throws, counting and logging the failures", async () => {
    const errors: unknown[] = [];
    const healthy = counter("healthy");
    const broken = counter("broken", 20, async () => {
      throw new Error("database is on fire");
    });
    const runner = startJobRunner({ prisma: db.prisma, kind: "pglite", jobs: [healthy, broken], log: { ...quiet, error: (...args: unknown[]) => errors.push(args) } });
    try {
      await until(() => healthy.count >= 5 && broken.count >= 5);
      const stats = Object.fromEntries(runner.stats().map((s) => [s.name, s]));
      expect(stats.broken).toMatchObject({ failures: expect.any(Number), lastError: "database is on fire" });
      expect(stats.broken!.failures).toBeGreaterThanOrEqual(4);
      expect(stats.healthy!.failures).toBe(0);
      expect(stats.healthy!.runs).toBeGreaterThanOrEqual(4);
      expect(errors.length).toBeGreaterThanOrEqual(4);
    } finally {
      await runner.stop();
    }
    const after = healthy.count;
    await sleep(80);
    expect(healthy.count).toBe(after);
  });

  it("a run past its timeout counts as failed, is aborted, and the job runs again", async () => {
    let aborted = 0;
    let runs = 0;
    const hang: Job = {
      name: "hang",
      intervalMs: 20,
      timeoutMs: 50,
      run: ({ signal }) =>
        new Promise((resolve) => {
          runs++;
          signal.addEventListener("abort", () => {
            aborted++;
            resolve(null);
          });
        }),
    };
    const runner = startJobRunner({ prisma: db.prisma, kind: "pglite", jobs: [hang], log: quiet });
    try {
      await until(() => runs >= 2);
      const stats = runner.stats()[0]!;
      expect(stats.timeouts).toBeGreaterThanOrEqual(1);
      expect(stats.lastError).toMatch(/did not finish within 50 ms/);
      expect(aborted).toBeGreaterThanOrEqual(1);
    } finally {
      await runner.stop();
    }
  });

  it("never overlaps two runs of the same job in one runner", async () => {
    let active = 0;
    let most = 0;
    const slow = counter("slow", 5, async () => {
      active++;
      most = Math.max(most, active);
      await sleep(40);
      active--;
    });
    const runner = startJobRunner({ prisma: db.prisma, kind: "pglite", jobs: [slow], log: quiet });
    try {
      await until(() => slow.count >= 3);
    } finally {
      await runner.stop();
    }
    expect(most).toBe(1);
  });

  it("runs the server's jobs against the database: a queued message is sent, the payment and sweep jobs run clean", async () => {
    const env = readJobsEnv({});
    expect(env.JOBS_ENABLED).toBe(true);
    expect(readJobsEnv({ JOBS_ENABLED: "false" }).JOBS_ENABLED).toBe(false);
    expect(defaultJobs(readJobsEnv({ JOBS_DISABLED: "sweepLateOrders, sweepUnclaimedPickups" })).map((j) => j.name)).toEqual(DEFAULT_JOB_NAMES.filter((n) => !n.startsWith("sweep")));
    expect(() => readJobsEnv({ JOBS_NOTIFICATIONS_INTERVAL_MS: "soon" })).toThrow(/JOBS_NOTIFICATIONS_INTERVAL_MS/);

    const store = await createPaymentTestStore(db.prisma);
    const order = await createPaymentTestOrder(db.prisma, { locationId: store.id, price: 1_000, payment: { status: "PAID" } });
    const queued = await queueNotification({ template: "pos.receipt", orderId: order.id }, { db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });
    const jobs = defaultJobs({ ...env, JOBS_NOTIFICATIONS_INTERVAL_MS: 3_600_000, JOBS_PAYMENTS_INTERVAL_MS: 3_600_000, JOBS_SWEEPS_INTERVAL_MS: 3_600_000 });
    const runner = startJobRunner({ prisma: db.prisma, kind: "pglite", jobs, log: quiet });
    try {
      await until(() => runner.stats().find((s) => s.name === "dispatchNotifications")!.runs >= 1);
      for (const name of DEFAULT_JOB_NAMES) {
        await until(() => !runner.stats().find((s) => s.name === name)!.running);
        expect(await runner.runNow(name), name).toBe(true);
      }
      for (const s of runner.stats()) expect(s, s.name).toMatchObject({ failures: 0, lastError: null });
      expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: queued!.id } })).status).toBe("SENT");
    } finally {
      await runner.stop();
    }
  });
});

describeOnPostgres("the job runner on PostgreSQL", () => {
  it("two runners elect one leader through the advisory lock; only it runs jobs; the other takes over when it stops", async () => {
    const a = counter("tick");
    const b = counter("tick");
    let one: JobRunner | undefined;
    let two: JobRunner | undefined;
    try {
      one = startJobRunner({ prisma: db.prisma, kind: "postgres", databaseUrl: databaseUrl(), jobs: [a], standbyRetryMs: 50, log: quiet, name: "one" });
      await one.leadership();
      two = startJobRunner({ prisma: db.prisma, kind: "postgres", databaseUrl: databaseUrl(), jobs: [b], standbyRetryMs: 50, log: quiet, name: "two" });
      await until(() => a.count >= 5);
      await sleep(200); // several standby campaigns of `two`
      expect(one.isLeader()).toBe(true);
      expect(two.isLeader()).toBe(false);
      expect(b.count).toBe(0);
      expect(await two.runNow("tick")).toBe(false);

      await one.stop();
      await two.leadership();
      const before = a.count;
      await until(() => b.count >= 3);
      expect(a.count).toBe(before);
    } finally {
      await one?.stop();
      await two?.stop();
    }
  });
});
