import { AppError, formatMoney, PosVoidInput, type PosCheckoutState } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelLockedOrder, lockOrder, recordOrderEvent } from "../orders/index.ts";
import { actorUserId } from "../shared/actor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { loadCheckoutState } from "./checkout-state.ts";

/**
 * Voids an unfinished till sale in one transaction: cash goes back out of the drawer
 * (CashMovement REFUND), store credit back onto the credit, then the orders module cancels
 * the order (reservations released, the carry-out fulfillment cancelled, captured card
 * money recorded as PENDING refunds). Card refunds and open authorizations are handled
 * after commit by @oms/payments (payments/src/pos). A paid sale is returned, not voided.
 * Voiding a voided sale again changes nothing.
 */
export async function voidPosCheckout(rawInput: PosVoidInput, ctx: DomainContext): Promise<PosCheckoutState> {
  const input = parseInput(PosVoidInput, rawInput);
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const order = await lockOrder(tx, input.orderId);
    const state = await loadCheckoutState(tx, order.id);
    if (state.voided) return;
    if (state.completed) {
      throw new AppError("INVALID_TRANSITION", `Sale ${order.number} is paid and complete; take a return instead of voiding it.`, { orderId: order.id });
    }
    const actorId = actorUserId(ctx.actor);
    const handedBack: string[] = [];
    for (const payment of order.payments) {
      const back = payment.amountCaptured - payment.amountRefunded;
      if (payment.status !== "CAPTURED" || back <= 0 || (payment.method !== "CASH" && payment.method !== "STORE_CREDIT")) continue;
      const cash = payment.method === "CASH";
      const refund = await tx.refund.create({
        data: {
          orderId: order.id,
          paymentId: payment.id,
          method: cash ? "CASH" : "STORE_CREDIT",
          status: "SUCCEEDED",
          currency: payment.currency,
          amount: back,
          reason: `Sale voided: ${input.reason}`,
          createdById: actorId,
          createdAt: ctx.now,
        },
      });
      await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded: { increment: back }, status: "REFUNDED" } });
      if (cash) {
        if (!actorId) throw new AppError("FORBIDDEN", "Only a signed-in person can pay cash out of the drawer.");
        await tx.cashMovement.create({
          data: { registerSessionId: state.registerSessionId, kind: "REFUND", amount: -back, paymentId: payment.id, refundId: refund.id, actorId, reason: `Sale ${order.number} voided`, createdAt: ctx.now },
        });
      } else if (payment.storeCreditId) {
        await tx.storeCredit.update({ where: { id: payment.storeCreditId }, data: { balance: { increment: back }, updatedAt: ctx.now } });
      }
      handedBack.push(`${cash ? "cash" : "store credit"} ${formatMoney(back, payment.currency)}`);
    }
    const reloaded = await lockOrder(tx, order.id);
    await cancelLockedOrder(reloaded, `voided at the till: ${input.reason}`, inner);
    const cardLeft = reloaded.payments.some((p) => p.method === "CARD" && p.amountCaptured > 0);
    await tx.order.update({ where: { id: order.id }, data: { paymentStatus: cardLeft ? "PARTIALLY_REFUNDED" : "VOIDED" } });
    await recordOrderEvent(tx, order.id, "pos.sale_voided", `Sale voided at the till: ${input.reason}.${handedBack.length ? ` Given back: ${handedBack.join(", ")}.` : ""}`, inner, {
      reason: input.reason,
    });
  });
  return loadCheckoutState(ctx.db, input.orderId);
}
