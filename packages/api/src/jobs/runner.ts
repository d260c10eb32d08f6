// The job runner: periodic work of the server process (sending customer messages, card
// refunds/voids/captures, pickup and SLA sweeps), in one place (docs/architecture.md "Jobs", docs/notifications.md).
//
// Leader election as in the realtime dispatcher: on PostgreSQL one runner per database holds
// pg_try_advisory_lock(JOBS_LEADER_LOCK_KEY) on a dedicated connection and runs the jobs;
// the others stand by and campaign again every few seconds, so when the leader's process or
// connection dies another one takes over. On the embedded database there is one process,
// which leads. Every job must still be safe to run twice at once (a leader that lost its
// connection may finish its current run while the next leader starts): they are, by claims
// (FOR UPDATE SKIP LOCKED), idempotency keys and "only if still PENDING" updates.
import type { PrismaClient } from "@oms/db";
import pg from "pg";

/** pg_try_advisory_lock key of the job runner leader ("oms" jobs, 3); realtime uses …01/…02. */
export const JOBS_LEADER_LOCK_KEY = 0x6f6d7303;

export interface JobContext {
  db: PrismaClient;
  now: Date;
  /** Aborted when the run exceeds the job's timeout or the runner stops. */
  signal: AbortSignal;
}

export interface Job {
  name: string;
  intervalMs: number;
  /** A run taking longer counts as failed and frees the job's slot (default: the interval × 10, at least 30 s). */
  timeoutMs?: number;
  /** false: the first run waits one interval (sweeps need not run at every restart). Default true. */
  runAtStart?: boolean;
  run(ctx: JobContext): Promise<unknown>;
}

export interface JobStats {
  name: string;
  intervalMs: number;
  runs: number;
  failures: number;
  timeouts: number;
  running: boolean;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastResult: unknown;
}

export interface JobRunnerOptions {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** PostgreSQL URL for the leader lock's own connection (required for kind "postgres"). */
  databaseUrl?: string;
  jobs: Job[];
  /** How often a standby tries to become the leader (default 5 s). */
  standbyRetryMs?: number;
  log?: Pick<Console, "info" | "warn" | "error">;
  name?: string;
  /** Test clock. */
  clock?: () => Date;
}

export interface JobRunner {
  isLeader(): boolean;
  /** Resolves when this runner has become the leader. */
  leadership(): Promise<void>;
  /** Runs one job now if this runner leads and it is not already running; false otherwise. */
  runNow(name: string): Promise<boolean>;
  stats(): JobStats[];
  stop(): Promise<void>;
}

export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const log = options.log ?? console;
  const name = options.name ?? "jobs";
  const clock = options.clock ?? (() => new Date());
  if (options.kind === "postgres" && !options.databaseUrl) throw new Error("The job runner needs the PostgreSQL URL (DATABASE_URL) for its leader lock.");
  const names = new Set<string>();
  for (const job of options.jobs) {
    if (names.has(job.name)) throw new Error(`Two jobs are named ${job.name}.`);
    names.add(job.name);
  }

  let stopped = false;
  let leader = false;
  let lockClient: pg.Client | null = null;
  let becameLeader!: () => void;
  const leadershipPromise = new Promise<void>((resolve) => (becameLeader = resolve));
  /** The jobs' interval timers, while this runner leads. */
  const timers = new Set<NodeJS.Timeout>();
  const stopController = new AbortController();
  const state = new Map<string, { job: Job; stats: JobStats; current: Promise<void> | null }>(
    options.jobs.map((job) => [
      job.name,
      {
        job,
        current: null,
        stats: { name: job.name, intervalMs: job.intervalMs, runs: 0, failures: 0, timeouts: 0, running: false, lastStartedAt: null, lastFinishedAt: null, lastDurationMs: null, lastError: null, lastResult: null },
      },
    ]),
  );

  /** One run of one job: never two of the same job at once in this runner; errors are counted, never thrown. */
  function run(jobName: string): Promise<boolean> {
    const entry = state.get(jobName);
    if (!entry) return Promise.reject(new Error(`There is no job named ${jobName}.`));
    if (stopped || !leader || entry.current) return Promise.resolve(false);
    const { job, stats } = entry;
    const timeoutMs = job.timeoutMs ?? Math.max(30_000, job.intervalMs * 10);
    const controller = new AbortController();
    const onStop = () => controller.abort(new Error("The job runner is stopping."));
    stopController.signal.addEventListener("abort", onStop, { once: true });
    const started = Date.now();
    stats.running = true;
    stats.lastStartedAt = clock();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new JobTimeoutError(`${job.name} did not finish within ${timeoutMs} ms`);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const work = Promise.resolve()
      .then(() => job.run({ db: options.prisma, now: clock(), signal: controller.signal }))
      .then((result) => {
        stats.runs++;
        stats.lastError = null;
        stats.lastResult = result ?? null;
        if (hasWork(result)) log.info(`[jobs] ${name}: ${job.name}`, JSON.stringify(result));
      });
    entry.current = Promise.race([work, timeout])
      .catch((error: unknown) => {
        stats.runs++;
        stats.failures++;
        if (error instanceof JobTimeoutError) stats.timeouts++;
        stats.lastError = error instanceof Error ? error.message : String(error);
        log.error(`[jobs] ${name}: ${job.name} failed:`, error);
      })
      .finally(() => {
        clearTimeout(timer);
        stopController.signal.removeEventListener("abort", onStop);
        stats.running = false;
        stats.lastFinishedAt = clock();
        stats.lastDurationMs = Date.now() - started;
        entry.current = null;
      });
    // A timed-out run that finishes later must not surface as an unhandled rejection.
    work.catch(() => undefined);
    return entry.current.then(() => true);
  }

  function lead(): void {
    leader = true;
    becameLeader();
    log.info(`[jobs] ${name}: running ${options.jobs.map((j) => j.name).join(", ")} (leader)`);
    for (const { job } of state.values()) {
      if (job.runAtStart !== false) void run(job.name);
      const timer = setInterval(() => void run(job.name), job.intervalMs);
      timer.unref();
      timers.add(timer);
    }
  }

  async function campaign(): Promise<void> {
    if (stopped || leader) return;
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "oms-jobs" });
    client.on("error", (error) => log.warn(`[jobs] ${name}: leader connection failed: ${error.message}`));
    client.on("end", () => {
      if (lockClient !== client) return;
      // The lock went with the connection: stop running jobs and stand by.
      lockClient = null;
      leader = false;
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      if (!stopped) log.warn(`[jobs] ${name}: lost the job runner lock; standing by`);
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS locked", [JOBS_LEADER_LOCK_KEY]);
      if (!rows[0]?.locked || stopped) {
        await client.end();
        return;
      }
      lockClient = client;
      lead();
    } catch (error) {
      log.warn(`[jobs] ${name}: could not campaign for the job runner: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }

  let standbyTimer: NodeJS.Timeout | undefined;
  if (options.kind === "pglite") {
    lead();
  } else {
    void campaign();
    standbyTimer = setInterval(() => void campaign(), options.standbyRetryMs ?? 5_000);
    standbyTimer.unref();
  }

  return {
    isLeader: () => leader,
    leadership: () => leadershipPromise,
    runNow: (jobName) => run(jobName),
    stats: () => [...state.values()].map((s) => ({ ...s.stats })),
    async stop() {
      stopped = true;
      clearInterval(standbyTimer);
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      stopController.abort();
      await Promise.all([...state.values()].map((s) => s.current));
      leader = false;
      const client = lockClient;
      lockClient = null;
      await client?.end().catch(() => undefined);
    },
  };
}

class JobTimeoutError extends Error {
  override readonly name = "JobTimeoutError";
}

/** Logs a run only when it did something (the demo runs some jobs every few seconds). */
function hasWork(result: unknown): boolean {
  if (result === null || result === undefined) return false;
  if (typeof result === "number") return result > 0;
  if (Array.isArray(result)) return result.length > 0;
  if (typeof result === "object") return Object.values(result).some((v) => hasWork(v));
  return false;
}
