import { describeErrorForLog } from "@oms/contracts";
import { deliverDueWebhooks, enqueueWebhookDeliveries, type DeliverResult } from "@oms/core";
import { sharedDatabase, type PrismaClient } from "@oms/db";

/** One pass: outbox → delivery rows, then send what is due. Outside any transaction. */
export async function runWebhookWorkerOnce(options: { db?: PrismaClient; now?: Date; fetch?: typeof fetch } = {}): Promise<DeliverResult & { enqueued: number }> {
  const db = options.db ?? sharedDatabase().prisma;
  const now = options.now ?? new Date();
  const { deliveries } = await enqueueWebhookDeliveries({ db, now });
  const result = await deliverDueWebhooks({ db, now, fetch: options.fetch });
  return { ...result, enqueued: deliveries };
}

/**
 * Runs the webhook worker every `intervalMs` (default 5 s) in this process; passes never
 * overlap. Returns a function that stops it. server.ts calls this once after the
 * database is ready.
 */
export function startWebhookWorker(options: { db?: PrismaClient; intervalMs?: number; fetch?: typeof fetch } = {}): () => void {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await runWebhookWorkerOnce({ db: options.db, fetch: options.fetch });
    } catch (error) {
      console.error(`[webhooks] worker pass failed: ${describeErrorForLog(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 5_000);
  timer.unref?.();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
