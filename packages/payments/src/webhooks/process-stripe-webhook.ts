import type { PrismaClient } from "@oms/db";
import Stripe from "stripe";
import { handleStripeEvent, type StripeEventLike } from "./handle-stripe-event.ts";

export interface StripeWebhookOptions {
  db: PrismaClient;
  /** STRIPE_WEBHOOK_SECRET; undefined: webhooks are not set up (503). */
  secret: string | undefined;
  now?: Date;
  toleranceSeconds?: number;
}

export interface StripeWebhookResult {
  status: 200 | 400 | 503;
  body: { received: true; duplicate: boolean; outcome: "applied" | "ignored" | "duplicate" } | { error: string };
}

/**
 * Verifies the signature and its timestamp (Stripe-Signature, tolerance 300 s by default),
 * then applies the event once: its id goes into StripeWebhookEvent in the same transaction
 * as its effects, so a redelivery (or two at once) finds it and changes nothing, and a
 * failure rolls both back for Stripe to retry.
 */
export async function processStripeWebhook(payload: string, signature: string | null, options: StripeWebhookOptions): Promise<StripeWebhookResult> {
  if (!options.secret) return { status: 503, body: { error: "Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET is not set)." } };
  if (!signature) return { status: 400, body: { error: "The Stripe-Signature header is missing." } };
  const now = options.now ?? new Date();
  let event: StripeEventLike;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, options.secret, options.toleranceSeconds ?? 300, undefined, now.getTime()) as unknown as StripeEventLike;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 400, body: { error: /tolerance/i.test(message) ? "The signature's timestamp is too old; the event was not applied." : "The signature does not match; the event was not applied." } };
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
    return { status: 400, body: { error: "The event is not a Stripe event." } };
  }
  const ctx = { actor: { kind: "SYSTEM" as const }, now };
  return options.db.$transaction(
    async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "StripeWebhookEvent" ("id", "type", "receivedAt") VALUES (${event.id}, ${event.type}, ${now})
        ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) return { status: 200 as const, body: { received: true as const, duplicate: true, outcome: "duplicate" as const } };
      const outcome = await handleStripeEvent(tx, event, ctx);
      await tx.stripeWebhookEvent.update({ where: { id: event.id }, data: { processedAt: now } });
      return { status: 200 as const, body: { received: true as const, duplicate: false, outcome } };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
