import type { Database, DatabaseKind } from "./client.ts";
import { migrationStatus } from "./migrate/migrations.ts";

export interface DatabaseHealth {
  /** Reachable within the timeout, and no pending or failed migrations. */
  ok: boolean;
  kind: DatabaseKind;
  /** Round trip of `select 1`; -1 when it did not answer. */
  latencyMs: number;
  migrations: { applied: number; pending: string[]; failed: string[] };
  error?: string;
}

export interface DatabaseHealthOptions {
  /** Milliseconds to wait for the database before reporting it down. Default 2000. */
  timeoutMs?: number;
}

/** For health endpoints and start-up checks. Never throws. */
export async function databaseHealth(
  database: Database,
  options: DatabaseHealthOptions = {},
): Promise<DatabaseHealth> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const result: DatabaseHealth = {
    ok: false,
    kind: database.kind,
    latencyMs: -1,
    migrations: { applied: 0, pending: [], failed: [] },
  };
  try {
    const started = performance.now();
    await withTimeout(database.prisma.$queryRawUnsafe("select 1"), timeoutMs);
    result.latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const status = await withTimeout(migrationStatus(database), timeoutMs);
    result.migrations = {
      applied: status.applied.length,
      pending: status.pending,
      failed: status.failed,
    };
    if (status.failed.length > 0) {
      result.error = `Failed migrations need attention: ${status.failed.join(", ")}.`;
    } else if (status.pending.length > 0) {
      result.error = `Migrations not applied yet: ${status.pending.join(", ")}. Run npm run db:migrate.`;
    } else {
      result.ok = true;
    }
  } catch (error) {
    result.error = `Database unavailable: ${error instanceof Error ? error.message : String(error)}`;
  }
  return result;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  // A late rejection of the abandoned query must not become an unhandled rejection.
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
