import type { OrderStatus } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { canTransitionOrder, orderStatusLabel, transitionOrder } from "./state-machine.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";

const followsFulfillment: readonly OrderStatus[] = ["ALLOCATED", "IN_FULFILLMENT", "PARTIALLY_FULFILLED"];

/**
 * Derives an allocated order's status from its lines and fulfillment orders: everything
 * handed over → FULFILLED, some units → PARTIALLY_FULFILLED, a store started work →
 * IN_FULFILLMENT. Orders on hold or being checked keep their status; it never moves back.
 */
export async function syncOrderStatus(tx: Tx, orderId: string, ctx: DomainContext, locationId: string | null = null): Promise<OrderStatus> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      status: true,
      lines: { select: { quantity: true, quantityCancelled: true, quantityFulfilled: true } },
      fulfillmentOrders: { select: { status: true } },
    },
  });
  if (!followsFulfillment.includes(order.status)) return order.status;
  const active = order.lines.filter((l) => l.quantity > l.quantityCancelled);
  const allFulfilled = active.length > 0 && active.every((l) => l.quantityFulfilled >= l.quantity - l.quantityCancelled);
  const anyFulfilled = active.some((l) => l.quantityFulfilled > 0);
  const started = order.fulfillmentOrders.some((f) => f.status !== "NEW" && f.status !== "REJECTED" && f.status !== "CANCELLED");
  const target: OrderStatus = allFulfilled ? "FULFILLED" : anyFulfilled ? "PARTIALLY_FULFILLED" : started ? "IN_FULFILLMENT" : "ALLOCATED";
  if (target === order.status || !canTransitionOrder(order.status, target)) return order.status;
  await transitionOrder(tx, order, target, ctx);
  await recordOrderEvent(tx, order.id, `order.${target.toLowerCase()}`, `The order is now ${orderStatusLabel[target]}.`, ctx);
  await enqueueEvents(tx, [orderChanged(order, `order.${target.toLowerCase()}`, locationId)]);
  return target;
}
