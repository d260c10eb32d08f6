import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { readNotificationsEnv } from "./env.ts";
import { createNotificationProviders, PermanentSendError, type NotificationProviders, type OutgoingMessage } from "./providers.ts";

export interface DispatchOptions {
  /** Messages claimed per run (default NOTIFICATION_BATCH_SIZE, 50). */
  limit?: number;
  /** Tries before a message is FAILED (default NOTIFICATION_MAX_ATTEMPTS, 5). */
  maxAttempts?: number;
  providers?: NotificationProviders;
  /** Milliseconds one send may take before it counts as failed (default 30 s). */
  sendTimeoutMs?: number;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** How long a claimed message is hidden from other dispatchers while it is being sent. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Wait before try n+1 after n failed tries: 30 s, 2 min, 8 min, 32 min, then hourly. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 4 ** Math.max(0, attempts - 1), 3_600_000);
}

interface ClaimedRow extends OutgoingMessage {
  attempts: number;
}

/**
 * Sends the QUEUED messages that are due. Each message is first claimed in one statement
 * (`FOR UPDATE SKIP LOCKED` + a lease on nextAttemptAt, attempts + 1), so two server
 * instances never pick the same row; then sent outside any transaction; then marked SENT,
 * or given a later nextAttemptAt (backoff), or FAILED after maxAttempts. A process that dies
 * mid-send leaves the lease to expire and the message is tried again (at-least-once).
 */
export async function dispatchNotifications(ctx: DomainContext, options: DispatchOptions = {}): Promise<DispatchResult> {
  const env = options.limit && options.maxAttempts && options.providers ? undefined : readNotificationsEnv();
  const limit = options.limit ?? env!.NOTIFICATION_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? env!.NOTIFICATION_MAX_ATTEMPTS;
  const providers = options.providers ?? createNotificationProviders(env);
  const claimed = await claimDue(ctx.db, ctx.now, limit);
  const result: DispatchResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };

  for (const row of claimed) {
    const provider = row.channel === "EMAIL" ? providers.email : providers.sms;
    try {
      const { providerMessageId } = await withTimeout(provider.send(row), options.sendTimeoutMs ?? 30_000);
      await ctx.db.notification.updateMany({
        where: { id: row.id, status: "QUEUED", attempts: row.attempts },
        data: { status: "SENT", provider: provider.name, sentAt: new Date(), lastError: null },
      });
      await rememberProviderId(ctx.db, row.id, providerMessageId);
      result.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = error instanceof PermanentSendError || row.attempts >= maxAttempts;
      await ctx.db.notification.updateMany({
        where: { id: row.id, status: "QUEUED", attempts: row.attempts },
        data: final
          ? { status: "FAILED", provider: provider.name, lastError: message.slice(0, 2000) }
          : { provider: provider.name, lastError: message.slice(0, 2000), nextAttemptAt: new Date(ctx.now.getTime() + retryDelayMs(row.attempts)) },
      });
      if (final) result.failed++;
      else result.retried++;
    }
  }
  return result;
}

async function claimDue(db: Tx, now: Date, limit: number): Promise<ClaimedRow[]> {
  const lease = new Date(now.getTime() + CLAIM_LEASE_MS);
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "Notification" AS n
       SET "attempts" = n."attempts" + 1, "nextAttemptAt" = ${lease}
     WHERE n."id" IN (
       SELECT "id" FROM "Notification"
        WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", "id"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING n."id", n."channel"::text AS "channel", n."recipient", n."subject", n."body", n."html", n."attempts"`;
}

// The provider's id goes into data.providerMessageId (there is no column for it), merged
// with what the template stored so the mail log can show both.
async function rememberProviderId(db: Tx, id: string, providerMessageId: string): Promise<void> {
  if (!providerMessageId) return;
  await db.$executeRaw`UPDATE "Notification" SET "data" = "data" || jsonb_build_object('providerMessageId', ${providerMessageId}::text) WHERE "id" = ${id}::uuid`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The provider did not answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
