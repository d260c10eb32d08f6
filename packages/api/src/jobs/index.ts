import type { Database } from "@oms/db";
import { defaultJobs, DEFAULT_JOB_NAMES } from "./default-jobs.ts";
import { readJobsEnv, type JobsEnv } from "./env.ts";
import { startJobRunner, type JobRunner } from "./runner.ts";

export { startJobRunner, JOBS_LEADER_LOCK_KEY, type Job, type JobContext, type JobRunner, type JobRunnerOptions, type JobStats } from "./runner.ts";
export { defaultJobs, DEFAULT_JOB_NAMES };
export { readJobsEnv, type JobsEnv };

/**
 * Starts the server's job runner (server.ts calls it once), or returns null when
 * JOBS_ENABLED=false. On PostgreSQL `databaseUrl` is needed for the leader lock.
 */
export function startServerJobs(options: { database: Database; databaseUrl?: string; env?: JobsEnv }): JobRunner | null {
  const env = options.env ?? readJobsEnv();
  if (!env.JOBS_ENABLED) {
    console.info("[jobs] JOBS_ENABLED=false: no periodic jobs in this process");
    return null;
  }
  return startJobRunner({
    prisma: options.database.prisma,
    kind: options.database.kind,
    databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL,
    jobs: defaultJobs(env),
  });
}
