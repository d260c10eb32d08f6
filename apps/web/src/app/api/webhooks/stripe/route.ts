// Stripe's webhook endpoint. Thin: the raw body and the Stripe-Signature header are handed
// to @oms/api, which verifies the signature and timestamp, de-duplicates by event id and
// updates payments and refunds (docs/payments.md).
import { handleStripeWebhook } from "@oms/api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleStripeWebhook(request);
}
