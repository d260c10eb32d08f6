import { describeErrorForLog } from "@oms/contracts";
import { sharedDatabase, type PrismaClient } from "@oms/db";
import { processStripeWebhook, readPaymentsEnv } from "@oms/payments";

export interface HandleStripeWebhookOptions {
  db?: PrismaClient;
  secret?: string;
  now?: Date;
}

/**
 * POST /api/webhooks/stripe: the raw body (the signature covers the exact bytes) and the
 * Stripe-Signature header go to @oms/payments, which verifies, de-duplicates and applies.
 * 400 tells Stripe the delivery is bad; 200 (also for duplicates) that it is done; an
 * error while applying is a 500, so Stripe retries later.
 */
export async function handleStripeWebhook(request: Request, options: HandleStripeWebhookOptions = {}): Promise<Response> {
  const env = readPaymentsEnv();
  const payload = await request.text();
  try {
    const result = await processStripeWebhook(payload, request.headers.get("stripe-signature"), {
      db: options.db ?? sharedDatabase().prisma,
      secret: options.secret ?? env.STRIPE_WEBHOOK_SECRET,
      toleranceSeconds: env.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      now: options.now,
    });
    return Response.json(result.body, { status: result.status });
  } catch (error) {
    console.error(`[payments] Stripe webhook failed; Stripe will retry: ${describeErrorForLog(error)}`);
    return Response.json({ error: "The event could not be applied now; Stripe will send it again." }, { status: 500 });
  }
}
