import { AppError } from "@oms/contracts";
import { withTransaction } from "@oms/core";
import type { PaymentsContext } from "./context.ts";
import { recordRefundFailed, recordRefundSucceeded } from "./refund-records.ts";

export interface ExecuteRefundsResult {
  succeeded: string[];
  failed: { refundId: string; message: string }[];
  /** Provider unreachable or refund still processing: left PENDING, retried next run (same key). */
  retryLater: string[];
}

/**
 * Executes PENDING refunds to the original card payment (recorded by cancellations and
 * returns). The provider is called outside any transaction with the key `refund:<refundId>`,
 * so a second run, a crash between the call and the write, or two jobs at once never refund
 * twice; each outcome is then written in a short transaction of its own.
 */
export async function executePendingRefunds(input: { orderId?: string; limit?: number }, ctx: PaymentsContext): Promise<ExecuteRefundsResult> {
  const pending = await ctx.db.refund.findMany({
    where: {
      status: "PENDING",
      method: "ORIGINAL_PAYMENT",
      ...(input.orderId ? { orderId: input.orderId } : {}),
      payment: { provider: ctx.provider.kind, reference: { not: null } },
    },
    include: { payment: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit ?? 50,
  });
  const result: ExecuteRefundsResult = { succeeded: [], failed: [], retryLater: [] };
  for (const refund of pending) {
    const payment = refund.payment!;
    let outcome: { ok: true; reference: string; pending: boolean } | { ok: false; message: string };
    try {
      const done = await ctx.provider.refund({
        paymentIntentId: payment.reference!,
        amount: refund.amount,
        currency: refund.currency,
        metadata: { refundId: refund.id, paymentId: payment.id, orderId: refund.orderId },
        idempotencyKey: `refund:${refund.id}`,
      });
      if (done.status === "failed" || done.status === "canceled") outcome = { ok: false, message: `the card issuer refused it (${done.failureReason ?? done.status}).` };
      else outcome = { ok: true, reference: done.id, pending: done.status !== "succeeded" };
    } catch (error) {
      const appError = AppError.isAppError(error) ? error : new AppError("UNAVAILABLE", "The payment provider did not answer.", { retryable: true });
      if (appError.code === "UNAVAILABLE" || appError.details.retryable === true) {
        result.retryLater.push(refund.id);
        continue;
      }
      outcome = { ok: false, message: appError.message };
    }
    if (outcome.ok && outcome.pending) {
      // Some card refunds settle later: the webhook (charge.refunded / refund.updated) finishes them.
      await ctx.db.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { reference: outcome.reference } });
      result.retryLater.push(refund.id);
      continue;
    }
    const step = { actor: ctx.actor, now: ctx.now };
    if (outcome.ok) {
      const reference = outcome.reference;
      if (await withTransaction({ ...step, db: ctx.db }, (tx) => recordRefundSucceeded(tx, refund.id, reference, step))) result.succeeded.push(refund.id);
    } else {
      const message = outcome.message;
      if (await withTransaction({ ...step, db: ctx.db }, (tx) => recordRefundFailed(tx, refund.id, message, step))) result.failed.push({ refundId: refund.id, message });
    }
  }
  return result;
}
