import { AppError } from "@oms/contracts";
import { withTransaction } from "@oms/core";
import { applyIntentToPayment } from "./apply-intent.ts";
import type { PaymentsContext } from "./context.ts";

/**
 * Releases an authorization never captured (order cancelled; payment abandoned at the till)
 * with the key `cancel:<paymentId>`. A captured payment is refunded instead.
 */
export async function cancelPaymentAuthorization(input: { paymentId: string }, ctx: PaymentsContext): Promise<{ paymentId: string; status: "VOIDED"; alreadyVoided: boolean }> {
  const payment = await ctx.db.payment.findUnique({ where: { id: input.paymentId } });
  if (!payment) throw new AppError("NOT_FOUND", "There is no such payment.");
  if (payment.status === "VOIDED") return { paymentId: payment.id, status: "VOIDED", alreadyVoided: true };
  if (payment.amountCaptured > 0 || payment.status === "CAPTURED" || payment.status === "PARTIALLY_REFUNDED" || payment.status === "REFUNDED") {
    throw new AppError("INVALID_TRANSITION", "This payment has already been captured: refund it instead of cancelling.", { paymentId: payment.id });
  }
  if (payment.provider !== ctx.provider.kind) {
    throw new AppError("VALIDATION_FAILED", `This payment (${payment.provider}) is not taken through our card provider; release it where it was taken.`);
  }
  if (payment.reference) await ctx.provider.cancel(payment.reference, { idempotencyKey: `cancel:${payment.id}` });
  const step = { actor: ctx.actor, now: ctx.now };
  await withTransaction({ ...step, db: ctx.db }, (tx) =>
    applyIntentToPayment(tx, payment.id, { status: "canceled", amount: payment.amount, amountCaptured: 0, currency: payment.currency, failure: null, eventAt: ctx.now }, step),
  );
  return { paymentId: payment.id, status: "VOIDED", alreadyVoided: false };
}

/**
 * Releases the card authorizations of cancelled orders, never captured: one order
 * (`orderId`, right after its cancellation) or, without it, every cancelled order that still
 * holds one (the job runner's `voidCancelledOrderAuthorizations`, every minute), oldest
 * first, at most `limit` payments. A provider that does not answer leaves the payment
 * AUTHORIZED for the next run (same key `cancel:<paymentId>`: released once); the other
 * payments of the run go on. Returns the ids released.
 */
export async function voidCancelledOrderAuthorizations(input: { orderId?: string; limit?: number }, ctx: PaymentsContext): Promise<string[]> {
  const payments = await ctx.db.payment.findMany({
    where: {
      ...(input.orderId ? { orderId: input.orderId } : {}),
      order: { status: "CANCELLED" },
      status: { in: ["AUTHORIZED", "PENDING", "REQUIRES_ACTION"] },
      amountCaptured: 0,
      provider: ctx.provider.kind,
    },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit ?? 50,
  });
  const voided: string[] = [];
  let firstError: unknown = null;
  for (const p of payments) {
    try {
      await cancelPaymentAuthorization({ paymentId: p.id }, ctx);
      voided.push(p.id);
    } catch (error) {
      firstError ??= error;
    }
  }
  // One order asked for by name: its caller must hear that a release failed.
  if (input.orderId && firstError) throw firstError;
  return voided;
}
