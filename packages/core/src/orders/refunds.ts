import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";

/**
 * Records what captured money must go back after a cancellation: one PENDING refund per
 * captured payment (newest first) for captured − already refunded − what the customer
 * still owes (`keptTotal`). The payments integration executes them after commit.
 * Authorizations that were never captured are listed to be voided, not refunded.
 */
export async function recordCancellationRefunds(
  tx: Tx,
  order: { id: string; currency: string },
  keptTotal: number,
  reason: string,
  ctx: DomainContext,
): Promise<{ refunded: number; refundIds: string[]; voidPaymentIds: string[] }> {
  const payments = await tx.payment.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "desc" }, include: { refunds: { where: { status: { in: ["PENDING", "SUCCEEDED"] } } } } });
  const recorded = (p: (typeof payments)[number]) => p.refunds.reduce((s, r) => s + r.amount, 0);
  const captured = payments.reduce((s, p) => s + p.amountCaptured, 0);
  const alreadyBack = payments.reduce((s, p) => s + recorded(p), 0);
  let due = Math.max(0, captured - alreadyBack - keptTotal);
  const refundIds: string[] = [];
  let refunded = 0;
  for (const payment of payments) {
    if (due === 0) break;
    const room = payment.amountCaptured - recorded(payment);
    const amount = Math.min(room, due);
    if (amount <= 0) continue;
    const refund = await tx.refund.create({
      data: {
        orderId: order.id,
        paymentId: payment.id,
        method: "ORIGINAL_PAYMENT",
        status: "PENDING",
        currency: order.currency,
        amount,
        reason,
        createdById: actorUserId(ctx.actor),
        createdAt: ctx.now,
      },
    });
    refundIds.push(refund.id);
    refunded += amount;
    due -= amount;
  }
  const voidPaymentIds = keptTotal === 0 ? payments.filter((p) => p.status === "AUTHORIZED" && p.amountCaptured === 0).map((p) => p.id) : [];
  return { refunded, refundIds, voidPaymentIds };
}
