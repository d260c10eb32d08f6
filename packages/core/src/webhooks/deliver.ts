import { webhookEvents } from "@oms/contracts";
import type { Prisma, PrismaClient } from "@oms/db";
import { webhookSignatureHeader } from "./sign.ts";

/** Deliveries are retried until this long after the event; then FAILED. */
export const WEBHOOK_RETRY_WINDOW_MS = 24 * 3_600_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** A worker holds a delivery this long while sending it, so a second worker skips it. */
const LEASE_MS = 60_000;

/** Wait before attempt n+1 after n failed attempts: 30 s, 1, 2, 4 … min, at most 1 h. */
export function webhookBackoffMs(failedAttempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
}

export interface WebhookWorkerContext {
  /** The root client: deliveries call other servers and never run inside a transaction. */
  db: PrismaClient;
  now: Date;
}

/**
 * Turns outbox events not yet seen by the webhook worker into one WebhookDelivery per
 * matching subscription: active, subscribed to the topic, created before the event, and
 * of the event's channel (a key only hears about its own channel's orders). Idempotent:
 * unique (subscriptionId, eventId) and skipDuplicates make a second run harmless.
 */
export async function enqueueWebhookDeliveries(ctx: WebhookWorkerContext, options: { batchSize?: number } = {}): Promise<{ events: number; deliveries: number }> {
  const events = await ctx.db.outboxEvent.findMany({
    where: { webhooksEnqueuedAt: null },
    orderBy: { sequence: "asc" },
    take: options.batchSize ?? 500,
    select: { id: true, topic: true, payload: true, createdAt: true },
  });
  if (events.length === 0) return { events: 0, deliveries: 0 };
  const relevant = events.filter((e) => (webhookEvents as readonly string[]).includes(e.topic));
  let deliveries = 0;
  if (relevant.length > 0) {
    const subscriptions = await ctx.db.webhookSubscription.findMany({
      where: { active: true, events: { hasSome: [...new Set(relevant.map((e) => e.topic))] }, OR: [{ apiKeyId: null }, { apiKey: { revokedAt: null } }] },
      include: { apiKey: { select: { channel: true } } },
    });
    if (subscriptions.length > 0) {
      const orderIds = [...new Set(relevant.map((e) => (e.payload as { orderId?: string }).orderId).filter((id): id is string => typeof id === "string"))];
      const orders = await ctx.db.order.findMany({ where: { id: { in: orderIds } }, select: { id: true, channel: true } });
      const channelOf = new Map(orders.map((o) => [o.id, o.channel]));
      const rows: Prisma.WebhookDeliveryCreateManyInput[] = [];
      for (const event of relevant) {
        const orderId = (event.payload as { orderId?: string }).orderId;
        const channel = orderId ? channelOf.get(orderId) : undefined;
        for (const s of subscriptions) {
          if (!s.events.includes(event.topic) || s.createdAt > event.createdAt) continue;
          if (s.apiKey && channel !== s.apiKey.channel) continue;
          rows.push({
            subscriptionId: s.id,
            eventId: event.id,
            topic: event.topic,
            payload: { id: event.id, type: event.topic, createdAt: event.createdAt.toISOString(), data: event.payload } as Prisma.InputJsonValue,
            nextAttemptAt: ctx.now,
            createdAt: ctx.now,
          });
        }
      }
      if (rows.length > 0) deliveries = (await ctx.db.webhookDelivery.createMany({ data: rows, skipDuplicates: true })).count;
    }
  }
  await ctx.db.outboxEvent.updateMany({ where: { id: { in: events.map((e) => e.id) }, webhooksEnqueuedAt: null }, data: { webhooksEnqueuedAt: ctx.now } });
  return { events: events.length, deliveries };
}

export interface DeliverOptions {
  db: PrismaClient;
  now?: Date;
  /** Injectable for tests; default the global fetch. */
  fetch?: typeof fetch;
  limit?: number;
}

export interface DeliverResult {
  delivered: number;
  retrying: number;
  failed: number;
}

function shortError(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `No answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  return (e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)).slice(0, 500);
}

/**
 * Sends every due PENDING delivery once: POST of the event JSON, signed (X-OMS-Signature:
 * t=<unix>,v1=<hmac-sha256 hex of "t.body">), with X-OMS-Event-Id for de-duplication. A 2xx
 * answer is DELIVERED; anything else is retried with exponential backoff until 24 hours
 * after the delivery was created, then FAILED. Never runs inside a transaction.
 */
export async function deliverDueWebhooks(options: DeliverOptions): Promise<DeliverResult> {
  const db = options.db;
  const now = options.now ?? new Date();
  const doFetch = options.fetch ?? fetch;
  const result: DeliverResult = { delivered: 0, retrying: 0, failed: 0 };
  const due = await db.webhookDelivery.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 100,
    include: { subscription: { include: { apiKey: { select: { revokedAt: true } } } } },
  });
  for (const delivery of due) {
    // Claim it: a second worker that read the same row finds nextAttemptAt changed.
    const claimed = await db.webhookDelivery.updateMany({
      where: { id: delivery.id, status: "PENDING", nextAttemptAt: delivery.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    const sub = delivery.subscription;
    if (!sub.active || sub.apiKey?.revokedAt || !/^https?:\/\//i.test(sub.url)) {
      await db.webhookDelivery.update({
        where: { id: delivery.id },
        data: { status: "FAILED", lastError: !sub.active || sub.apiKey?.revokedAt ? "The subscription was removed or its key revoked." : "Only http(s) URLs are delivered to." },
      });
      result.failed++;
      continue;
    }
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(now.getTime() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await doFetch(sub.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "OMS-Webhooks/1",
          "x-oms-event-id": delivery.eventId,
          "x-oms-event-type": delivery.topic,
          "x-oms-delivery-id": delivery.id,
          "x-oms-signature": webhookSignatureHeader(sub.secret, timestamp, body),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) error = `The endpoint answered ${response.status}`;
    } catch (e) {
      error = shortError(e);
    }
    const attempts = delivery.attempts + 1;
    if (!error) {
      await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "DELIVERED", attempts, lastStatusCode: status, lastError: null, deliveredAt: now } });
      result.delivered++;
      continue;
    }
    const next = new Date(now.getTime() + webhookBackoffMs(attempts));
    const giveUp = next.getTime() > delivery.createdAt.getTime() + WEBHOOK_RETRY_WINDOW_MS;
    await db.webhookDelivery.update({
      where: { id: delivery.id },
      data: { attempts, lastStatusCode: status, lastError: error, ...(giveUp ? { status: "FAILED" } : { nextAttemptAt: next }) },
    });
    if (giveUp) result.failed++;
    else result.retrying++;
  }
  return result;
}
