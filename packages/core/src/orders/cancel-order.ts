import { AppError, CancelOrderInput, formatMoney } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelFulfillmentOrder } from "../fulfillment/cancel-fulfillment-order.ts";
import { fulfillmentInclude } from "../fulfillment/fulfillment-rows.ts";
import { releaseReservations } from "../inventory/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { lockOrder, type OrderWithLines } from "./order-rows.ts";
import { recomputeTotals } from "./recompute-totals.ts";
import { recordCancellationRefunds } from "./refunds.ts";
import { assertOrderTransition, transitionOrder } from "./state-machine.ts";
import { closeTasks } from "./tasks.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";

/**
 * Cancels what is left of an order, in the caller's transaction with the order locked:
 * open fulfillment orders are cancelled, every active reservation released, the units not
 * handed over marked cancelled, totals recomputed, and captured money beyond what the
 * customer keeps recorded as PENDING refunds. Refused while a parcel is on its way.
 */
export async function cancelLockedOrder(order: OrderWithLines, reason: string, ctx: DomainContext, options: { mergedIntoId?: string } = {}): Promise<void> {
  const tx = ctx.db;
  assertOrderTransition(order.status, "CANCELLED");
  const fulfillments = await tx.fulfillmentOrder.findMany({ where: { orderId: order.id }, include: fulfillmentInclude });
  const inTransit = fulfillments.find((f) => f.status === "SHIPPED");
  if (inTransit) {
    throw new AppError("INVALID_TRANSITION", `${inTransit.number} has already been shipped, so the order cannot be cancelled. Wait for the delivery and take a return.`, {
      fulfillmentOrderId: inTransit.id,
    });
  }
  for (const f of fulfillments) {
    if (f.status === "NEW" || f.status === "PICKING" || f.status === "PACKED" || f.status === "READY_FOR_PICKUP") {
      await cancelFulfillmentOrder(f, `order cancelled: ${reason}`, ctx);
    }
  }
  await releaseReservations({ orderId: order.id }, ctx);
  for (const line of order.lines) {
    const cancel = line.quantity - line.quantityCancelled - line.quantityFulfilled;
    if (cancel > 0) await tx.orderLine.update({ where: { id: line.id }, data: { quantityCancelled: { increment: cancel } } });
  }
  const totals = await recomputeTotals(tx, order.id, ctx.now);
  const money = await recordCancellationRefunds(tx, order, totals.total, `Order cancelled: ${reason}`, ctx);
  await closeTasks(tx, { orderId: order.id }, "CANCELLED", `Order cancelled: ${reason}`, ctx);
  await transitionOrder(tx, order, "CANCELLED", ctx, { cancelReason: reason, mergedIntoId: options.mergedIntoId });
  const refundText = money.refunded > 0 ? ` ${formatMoney(money.refunded, order.currency)} will be refunded to the customer.` : "";
  await recordOrderEvent(tx, order.id, "order.cancelled", `Order cancelled: ${reason}.${refundText}`, ctx, {
    reason,
    refundIds: money.refundIds,
    refunded: money.refunded,
    voidPaymentIds: money.voidPaymentIds,
  });
  await enqueueEvents(tx, [orderChanged(order, "order.cancelled", order.originLocationId)]);
}

export async function cancelOrder(rawInput: CancelOrderInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(CancelOrderInput, rawInput);
  await withTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    await cancelLockedOrder(order, input.reason, { ...ctx, db: tx });
  });
  return getOrder({ orderId: input.orderId }, ctx);
}
