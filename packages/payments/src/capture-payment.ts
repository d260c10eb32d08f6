import { AppError } from "@oms/contracts";
import { withTransaction, enqueueEvents } from "@oms/core";
import { applyIntentToPayment } from "./apply-intent.ts";
import type { PaymentsContext } from "./context.ts";
import { closePaymentTasks, money, openTask, orderChanged, orderEvent, responsibleLocation } from "./rows.ts";

export interface CaptureResult {
  paymentId: string;
  status: "CAPTURED";
  amountCaptured: number;
  alreadyCaptured: boolean;
}

async function loadCapturable(paymentId: string, ctx: PaymentsContext) {
  const payment = await ctx.db.payment.findUnique({ where: { id: paymentId }, include: { order: { select: { id: true, number: true, status: true, originLocationId: true } } } });
  if (!payment) throw new AppError("NOT_FOUND", "There is no such payment.");
  if (payment.provider !== ctx.provider.kind || !payment.reference) {
    throw new AppError("VALIDATION_FAILED", `This payment (${payment.provider}) is not taken through our card provider, so it cannot be captured here. Capture it where it was taken.`);
  }
  return payment;
}

/**
 * Captures an authorized card payment (at handover or shipment) with the key
 * `capture:<paymentId>`. On failure the payment stays AUTHORIZED, the order is untouched
 * apart from a timeline line, and a task tells the store manager what to do; the error is
 * then thrown (PAYMENT_FAILED, or UNAVAILABLE when trying again later is the answer).
 */
export async function capturePayment(input: { paymentId: string; amount?: number }, ctx: PaymentsContext): Promise<CaptureResult> {
  const payment = await loadCapturable(input.paymentId, ctx);
  if (payment.status === "CAPTURED" || payment.status === "PARTIALLY_REFUNDED" || payment.status === "REFUNDED") {
    return { paymentId: payment.id, status: "CAPTURED", amountCaptured: payment.amountCaptured, alreadyCaptured: true };
  }
  if (payment.status !== "AUTHORIZED") {
    throw new AppError("INVALID_TRANSITION", `This payment is ${payment.status.toLowerCase().replaceAll("_", " ")}, so there is nothing to capture.`, { paymentId: payment.id });
  }
  const amount = input.amount ?? payment.amount;
  if (amount <= 0 || amount > payment.amount) {
    throw new AppError("VALIDATION_FAILED", `amount: Capture between 0 and the ${money(payment.amount, payment.currency)} authorized.`, { fields: [{ path: ["amount"], message: "More than was authorized" }] });
  }
  const step = { actor: ctx.actor, now: ctx.now };
  try {
    const intent = await ctx.provider.capture(payment.reference!, { amount, currency: payment.currency, idempotencyKey: `capture:${payment.id}` });
    await withTransaction({ ...step, db: ctx.db }, async (tx) => {
      await applyIntentToPayment(tx, payment.id, { status: intent.status, amount: intent.amount, amountCaptured: intent.amountCaptured || amount, currency: payment.currency, failure: null, eventAt: ctx.now }, step);
      await closePaymentTasks(tx, "PAYMENT_CAPTURE_FAILED", `capture:${payment.id}`, "Captured.", step);
    });
    const after = await ctx.db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    return { paymentId: payment.id, status: "CAPTURED", amountCaptured: after.amountCaptured, alreadyCaptured: false };
  } catch (error) {
    const appError = AppError.isAppError(error) ? error : new AppError("UNAVAILABLE", "The payment provider did not answer.", { retryable: true });
    const retryable = appError.code === "UNAVAILABLE" || appError.details.retryable === true;
    const amountText = money(amount, payment.currency);
    const taskId = await withTransaction({ ...step, db: ctx.db }, async (tx) => {
      const locationId = await responsibleLocation(tx, payment.order);
      const id = await openTask(
        tx,
        {
          kind: "PAYMENT",
          code: "PAYMENT_CAPTURE_FAILED",
          title: `Capture of ${amountText} for order ${payment.order.number} failed`,
          instruction:
            `Capturing the card payment of ${amountText} for order ${payment.order.number} failed: ${appError.message} ` +
            (retryable
              ? "Try the capture again from the order in a few minutes; it is safe, the customer is never charged twice."
              : "The authorization is still in place. Contact the customer for another way to pay, record it on the order, then close this task.") +
            (locationId ? "" : " (No store is linked to this order, so HQ handles it.)"),
          assigneeRole: locationId ? "MANAGER" : "ADMIN",
          locationId,
          orderId: payment.order.id,
          data: { paymentId: payment.id, providerCode: appError.details.providerCode ?? null, retryable },
        },
        `capture:${payment.id}`,
        step,
      );
      await orderEvent(tx, payment.order.id, "payment.capture_failed", `Capturing ${amountText} failed: ${appError.message} The authorization stays; a task was opened.`, step, { paymentId: payment.id, taskId: id });
      await enqueueEvents(tx, [orderChanged(payment.order, "payment.capture_failed")]);
      return id;
    });
    throw new AppError(retryable ? "UNAVAILABLE" : "PAYMENT_FAILED", `${appError.message} The order is unchanged and a task was opened.`, { ...appError.details, paymentId: payment.id, taskId, retryable });
  }
}

/** Captures every authorized card payment of an order (after handover or shipment). */
export async function captureOrderPayments(input: { orderId: string }, ctx: PaymentsContext): Promise<CaptureResult[]> {
  const payments = await ctx.db.payment.findMany({ where: { orderId: input.orderId, status: "AUTHORIZED", provider: ctx.provider.kind, reference: { not: null } }, orderBy: { createdAt: "asc" } });
  const results: CaptureResult[] = [];
  for (const p of payments) results.push(await capturePayment({ paymentId: p.id }, ctx));
  return results;
}
