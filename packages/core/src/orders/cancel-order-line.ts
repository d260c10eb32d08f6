import { AppError, CancelOrderLineInput, formatMoney } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelFulfillmentOrder } from "../fulfillment/cancel-fulfillment-order.ts";
import { fulfillmentInclude } from "../fulfillment/fulfillment-rows.ts";
import { releaseReservations, reserveStock } from "../inventory/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { cancelLockedOrder } from "./cancel-order.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { lockOrder, unplacedUnits } from "./order-rows.ts";
import { recomputeTotals } from "./recompute-totals.ts";
import { recordCancellationRefunds } from "./refunds.ts";
import { openOrderStatuses, orderStatusLabel } from "./state-machine.ts";
import { syncOrderStatus } from "./sync-status.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";
import { runValidation } from "./validation/run-validation.ts";

/**
 * Cancels some units of one line: first units not yet placed with a store, then units a
 * store has not packed (their reservation shrinks). Packed, shipped or handed-over units
 * cannot be cancelled. Totals are recomputed and captured money beyond the new total is
 * recorded as a pending refund; a line set with nothing left cancels the whole order.
 */
export async function cancelOrderLine(rawInput: CancelOrderLineInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(CancelOrderLineInput, rawInput);
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const order = await lockOrder(tx, input.orderId);
    if (!openOrderStatuses.includes(order.status)) {
      throw new AppError("INVALID_TRANSITION", `The order is ${orderStatusLabel[order.status]}; its lines can no longer be cancelled.`, { status: order.status });
    }
    const line = order.lines.find((l) => l.id === input.orderLineId);
    if (!line) {
      throw new AppError("VALIDATION_FAILED", "orderLineId: That line is not part of this order.", { fields: [{ path: ["orderLineId"], message: "Not a line of this order" }] });
    }
    const fulfillments = await tx.fulfillmentOrder.findMany({ where: { orderId: order.id, status: { notIn: ["REJECTED", "CANCELLED"] } }, include: fulfillmentInclude });
    const changeable = fulfillments.filter((f) => f.status === "NEW" || f.status === "PICKING");
    const unplaced = (await unplacedUnits(tx, order)).get(line.id) ?? 0;
    const inStores = changeable.flatMap((f) => f.lines.filter((l) => l.orderLineId === line.id)).reduce((s, l) => s + l.quantity - l.quantityRejected - l.quantityFulfilled, 0);
    const cancellable = unplaced + inStores;
    if (input.quantity > cancellable) {
      throw new AppError(
        "VALIDATION_FAILED",
        `quantity: Only ${cancellable} × ${line.name} can still be cancelled (the rest is packed, shipped or handed over); ${input.quantity} requested.`,
        { fields: [{ path: ["quantity"], message: `At most ${cancellable}` }] },
      );
    }
    let left = input.quantity - Math.min(unplaced, input.quantity);
    for (const f of changeable) {
      for (const fl of f.lines.filter((l) => l.orderLineId === line.id)) {
        if (left === 0) break;
        const open = fl.quantity - fl.quantityRejected - fl.quantityFulfilled;
        const take = Math.min(open, left);
        if (take <= 0) continue;
        left -= take;
        await releaseReservations({ fulfillmentOrderLineIds: [fl.id] }, inner);
        await tx.fulfillmentOrderLine.update({ where: { id: fl.id }, data: { quantity: { decrement: take } } });
        if (open - take > 0) {
          await reserveStock({ orderId: order.id, lines: [{ variantId: fl.variantId, quantity: open - take, locationId: f.locationId, fulfillmentOrderLineId: fl.id }] }, inner);
        }
      }
      const after = await tx.fulfillmentOrderLine.findMany({ where: { fulfillmentOrderId: f.id } });
      if (after.every((l) => l.quantity - l.quantityRejected - l.quantityFulfilled <= 0)) {
        await cancelFulfillmentOrder(f, "all its items were cancelled", inner);
      }
    }
    await tx.orderLine.update({ where: { id: line.id }, data: { quantityCancelled: { increment: input.quantity } } });
    const refreshed = await lockOrder(tx, order.id);
    if (refreshed.lines.every((l) => l.quantityCancelled >= l.quantity)) {
      await cancelLockedOrder(refreshed, input.reason, inner);
      return;
    }
    const totals = await recomputeTotals(tx, order.id, ctx.now);
    const money = await recordCancellationRefunds(tx, order, totals.total, `Line cancelled: ${input.reason}`, inner);
    await recordOrderEvent(
      tx,
      order.id,
      "order.line_cancelled",
      `Cancelled ${input.quantity} × ${line.name} (${line.sku}): ${input.reason}. New total ${formatMoney(totals.total, order.currency)}.` +
        (money.refunded > 0 ? ` ${formatMoney(money.refunded, order.currency)} will be refunded.` : ""),
      inner,
      { orderLineId: line.id, quantity: input.quantity, refundIds: money.refundIds },
    );
    await enqueueEvents(tx, [orderChanged(refreshed, "order.line_cancelled")]);
    if (refreshed.status === "ON_HOLD") await runValidation(order.id, inner, "a line was cancelled");
    else await syncOrderStatus(tx, order.id, inner);
  });
  return getOrder({ orderId: input.orderId }, ctx);
}
