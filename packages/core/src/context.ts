import type { Channel, SessionUser } from "@oms/contracts";
import type { PrismaClient, Tx } from "@oms/db";
import { collectingEvents } from "./shared/outbox.ts";

/** Who is acting: a signed-in person, a channel's API key, or the system (jobs, sweeps). */
export type Actor =
  | { kind: "USER"; user: SessionUser }
  | { kind: "API_KEY"; apiKeyId: string; channel: Channel }
  | { kind: "SYSTEM" };

/** Every domain function takes `(input, ctx)`; `db` is the client or an open transaction. */
export interface DomainContext {
  db: Tx;
  actor: Actor;
  now: Date;
}

// A Prisma 7 transaction client also has `$transaction` (for nesting), but not `$connect`.
function isRootClient(db: Tx): db is PrismaClient {
  return typeof (db as PrismaClient).$connect === "function";
}

/**
 * Runs `fn` in one interactive transaction. When `ctx.db` is already a transaction, `fn`
 * joins it, so a command called by another command commits or rolls back with it.
 */
export async function withTransaction<T>(ctx: DomainContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isRootClient(ctx.db)) return fn(ctx.db);
  return ctx.db.$transaction((tx) => collectingEvents(tx, () => fn(tx)), { maxWait: 10_000, timeout: 30_000 });
}
