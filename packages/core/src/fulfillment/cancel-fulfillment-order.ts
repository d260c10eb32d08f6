import type { DomainContext } from "../context.ts";
import { releaseReservations } from "../inventory/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { closeTasks } from "../orders/tasks.ts";
import { fulfillmentChanged, recordOrderEvent } from "../orders/timeline.ts";
import type { FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/**
 * Stops a fulfillment order the store has not handed over (order cancelled, address
 * changed, orders merged): → CANCELLED, its reservations released, its tasks cancelled.
 * Part of a larger command: `ctx.db` is the caller's transaction and the order is locked.
 */
export async function cancelFulfillmentOrder(fulfillment: FulfillmentWithLines, reason: string, ctx: DomainContext): Promise<number> {
  const tx = ctx.db;
  await transitionFulfillment(tx, fulfillment, "CANCELLED", ctx);
  const released = fulfillment.lines.length > 0 ? await releaseReservations({ fulfillmentOrderLineIds: fulfillment.lines.map((l) => l.id) }, ctx) : 0;
  await closeTasks(tx, { fulfillmentOrderId: fulfillment.id }, "CANCELLED", reason, ctx);
  await recordOrderEvent(tx, fulfillment.orderId, "fulfillment.cancelled", `${fulfillment.number} at ${fulfillment.location.name} was cancelled: ${reason}`, ctx, {
    fulfillmentOrderId: fulfillment.id,
    unitsReleased: released,
  });
  await enqueueEvents(tx, [fulfillmentChanged(fulfillment, "fulfillment.cancelled")]);
  return released;
}
