// Recording a refund's outcome, in the caller's (short) transaction. Idempotent: only a
// PENDING refund changes, so a webhook and the refund job may both report the same refund.
import { queueNotification, enqueueEvents } from "@oms/core";
import type { Tx } from "@oms/db";
import { lockPayment, money, openTask, orderChanged, orderEvent, refreshOrderPaymentStatus, settledPaymentState, type StepContext } from "./rows.ts";

export async function recordRefundSucceeded(tx: Tx, refundId: string, reference: string | null, ctx: StepContext): Promise<boolean> {
  const refund = await tx.refund.findUnique({ where: { id: refundId } });
  if (!refund?.paymentId) return false;
  const payment = await lockPayment(tx, refund.paymentId);
  const changed = await tx.refund.updateMany({ where: { id: refundId, status: "PENDING" }, data: { status: "SUCCEEDED", reference: reference ?? refund.reference } });
  if (changed.count === 0 || !payment) return false;
  const succeeded = await tx.refund.aggregate({ where: { paymentId: payment.id, status: "SUCCEEDED", method: "ORIGINAL_PAYMENT" }, _sum: { amount: true } });
  // Both this sum and a webhook's amount_refunded are running totals: the larger one is right.
  const amountRefunded = Math.max(payment.amountRefunded, succeeded._sum.amount ?? 0);
  await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded, status: settledPaymentState(payment.amountCaptured, amountRefunded, payment.status) } });
  const order = await refreshOrderPaymentStatus(tx, refund.orderId);
  if (order) {
    await orderEvent(tx, order.id, "payment.refunded", `${money(refund.amount, refund.currency)} refunded to the customer's card.`, ctx, { refundId, paymentId: payment.id, reference });
    await enqueueEvents(tx, [orderChanged(order, "payment.refunded")]);
    // The customer hears about it once: only the PENDING → SUCCEEDED change gets here.
    await queueNotification({ template: "order.refunded", orderId: order.id, amount: refund.amount, refundIds: [refundId], ...(refund.reason?.trim() ? { reason: refund.reason.trim().slice(0, 500) } : {}) }, { db: tx, actor: ctx.actor, now: ctx.now });
  }
  return true;
}

export async function recordRefundFailed(tx: Tx, refundId: string, reason: string, ctx: StepContext): Promise<boolean> {
  const refund = await tx.refund.findUnique({ where: { id: refundId }, include: { order: { select: { id: true, number: true, status: true, originLocationId: true } } } });
  if (!refund) return false;
  const changed = await tx.refund.updateMany({ where: { id: refundId, status: "PENDING" }, data: { status: "FAILED" } });
  if (changed.count === 0) return false;
  const amount = money(refund.amount, refund.currency);
  await openTask(
    tx,
    {
      kind: "PAYMENT",
      code: "REFUND_FAILED",
      title: `Refund of ${amount} for order ${refund.order.number} failed`,
      instruction: `The refund of ${amount} to the customer's card for order ${refund.order.number} failed: ${reason} Refund the customer another way (cash at a store, store credit or bank transfer), note it on the order, then close this task.`,
      assigneeRole: "ADMIN",
      locationId: null,
      orderId: refund.orderId,
      data: { refundId, paymentId: refund.paymentId, reason },
    },
    `refund:${refundId}`,
    ctx,
  );
  await orderEvent(tx, refund.orderId, "payment.refund_failed", `The refund of ${amount} to the card failed: ${reason} HQ has a task to refund the customer another way.`, ctx, { refundId });
  await enqueueEvents(tx, [orderChanged(refund.order, "payment.refund_failed")]);
  return true;
}
