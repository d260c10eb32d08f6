import type { FulfillmentStatus, OrderStatus } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import type { OutboxMessage } from "../shared/outbox.ts";

/** One line on the order's timeline, in the caller's transaction. */
export async function recordOrderEvent(
  tx: Tx,
  orderId: string,
  type: string,
  message: string,
  ctx: Pick<DomainContext, "actor" | "now">,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.orderEvent.create({
    data: { orderId, type, message, data: data as Prisma.InputJsonValue, ...actorRef(ctx.actor), createdAt: ctx.now },
  });
}

export function orderChanged(
  order: { id: string; number: string; status: OrderStatus },
  change: string,
  locationId: string | null = null,
): OutboxMessage<"order.changed"> {
  return { topic: "order.changed", locationId, payload: { orderId: order.id, number: order.number, status: order.status, change } };
}

export function fulfillmentChanged(
  fulfillment: { id: string; orderId: string; locationId: string; status: FulfillmentStatus },
  change: string,
): OutboxMessage<"fulfillment.changed"> {
  return {
    topic: "fulfillment.changed",
    locationId: fulfillment.locationId,
    payload: { fulfillmentOrderId: fulfillment.id, orderId: fulfillment.orderId, locationId: fulfillment.locationId, status: fulfillment.status, change },
  };
}

export function taskChanged(task: { id: string; locationId: string | null; status: string }, change: string): OutboxMessage<"task.changed"> {
  return { topic: "task.changed", locationId: task.locationId, payload: { taskId: task.id, locationId: task.locationId, status: task.status, change } };
}
