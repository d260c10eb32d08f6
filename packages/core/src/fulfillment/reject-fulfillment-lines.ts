import { AppError, RejectFulfillmentLinesInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { releaseReservations, reserveStock } from "../inventory/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { announceFulfillmentOrders, placeOpenUnits } from "../orders/allocate-order.ts";
import { holdOrder } from "../orders/hold-order.ts";
import { loadOrder } from "../orders/order-rows.ts";
import { getOrder, type OrderDetail } from "../orders/get-order.ts";
import { closeTasks } from "../orders/tasks.ts";
import { syncOrderStatus } from "../orders/sync-status.ts";
import { activeUnits, afterFulfillmentChange, lockFulfillment } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/**
 * A store cannot fulfil some items (not on the shelf, damaged). Their reservation is
 * released, the fulfillment lines count them as rejected, and the units are routed again
 * with every location that rejected items of this order excluded, creating a fulfillment
 * order elsewhere (the run is appended to the routing trace). If nowhere can take them, the
 * order goes ON_HOLD with a task. A fulfillment order with nothing left becomes REJECTED.
 */
export async function rejectFulfillmentLines(rawInput: RejectFulfillmentLinesInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(RejectFulfillmentLinesInput, rawInput);
  const orderId = await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    if (fulfillment.status !== "NEW" && fulfillment.status !== "PICKING") {
      throw new AppError("INVALID_TRANSITION", `${fulfillment.number} is already ${fulfillment.status.toLowerCase().replace(/_/g, " ")}; items can only be rejected before packing.`, {
        status: fulfillment.status,
      });
    }
    const requested = input.lines ?? fulfillment.lines.filter((l) => activeUnits(l) > 0).map((l) => ({ fulfillmentOrderLineId: l.id, quantity: undefined }));
    const rejected: { lineId: string; units: number; keep: number }[] = [];
    requested.forEach((r, i) => {
      const line = fulfillment.lines.find((l) => l.id === r.fulfillmentOrderLineId);
      if (!line) {
        throw new AppError("VALIDATION_FAILED", `lines.${i}.fulfillmentOrderLineId: That line is not part of ${fulfillment.number}.`, {
          fields: [{ path: ["lines", i, "fulfillmentOrderLineId"], message: "Not a line of this fulfillment order" }],
        });
      }
      const open = activeUnits(line);
      const units = r.quantity ?? open;
      if (units > open) {
        throw new AppError("VALIDATION_FAILED", `lines.${i}.quantity: Only ${open} of this line can still be rejected; ${units} requested.`, {
          fields: [{ path: ["lines", i, "quantity"], message: `At most ${open}` }],
        });
      }
      rejected.push({ lineId: line.id, units, keep: open - units });
    });

    // Release the lines' reservations, then hold again what the store keeps.
    await releaseReservations({ fulfillmentOrderLineIds: rejected.map((r) => r.lineId) }, inner);
    for (const r of rejected) {
      await tx.fulfillmentOrderLine.update({ where: { id: r.lineId }, data: { quantityRejected: { increment: r.units } } });
    }
    const keep = rejected.filter((r) => r.keep > 0);
    if (keep.length > 0) {
      await reserveStock(
        {
          orderId: fulfillment.orderId,
          lines: keep.map((r) => ({
            variantId: fulfillment.lines.find((l) => l.id === r.lineId)!.variantId,
            quantity: r.keep,
            locationId: fulfillment.locationId,
            fulfillmentOrderLineId: r.lineId,
          })),
        },
        inner,
      );
    }
    const remaining = await tx.fulfillmentOrderLine.findMany({ where: { fulfillmentOrderId: fulfillment.id } });
    const units = rejected.reduce((s, r) => s + r.units, 0);
    if (remaining.every((l) => activeUnits(l) === 0)) {
      await transitionFulfillment(tx, fulfillment, "REJECTED", ctx, { rejectedReason: input.reason });
      await closeTasks(tx, { fulfillmentOrderId: fulfillment.id }, "CANCELLED", `The store rejected the items: ${input.reason}`, inner);
    } else {
      await tx.fulfillmentOrder.update({ where: { id: fulfillment.id }, data: { rejectedReason: input.reason, updatedAt: ctx.now } });
    }
    await afterFulfillmentChange(
      tx,
      fulfillment,
      "fulfillment.rejected",
      `${fulfillment.location.name} rejected ${units} item${units === 1 ? "" : "s"} of ${fulfillment.number}: ${input.reason}`,
      inner,
      { lines: rejected },
    );

    // Re-route the rejected units.
    const order = await loadOrder(tx, fulfillment.orderId);
    const placement = await placeOpenUnits(order, inner, `Re-routing after ${fulfillment.location.code} rejected items`);
    if (placement.ok) {
      await announceFulfillmentOrders(order, placement.created, inner);
      await syncOrderStatus(tx, order.id, inner);
    } else {
      await holdOrder(tx, order, [placement.problem!], inner);
    }
    return order.id;
  });
  return getOrder({ orderId }, ctx);
}
