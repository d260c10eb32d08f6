import { AppError, OrderStatus } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";

/**
 * Every order status change the suite may make, as data (docs/state-machines.md). Nothing
 * writes Order.status except `transitionOrder`, which checks this table.
 */
export const orderTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  DRAFT: ["PENDING_VALIDATION", "CANCELLED"],
  PENDING_VALIDATION: ["ON_HOLD", "ALLOCATED", "CANCELLED"],
  ON_HOLD: ["PENDING_VALIDATION", "CANCELLED"],
  ALLOCATED: ["IN_FULFILLMENT", "PARTIALLY_FULFILLED", "FULFILLED", "PENDING_VALIDATION", "ON_HOLD", "CANCELLED"],
  IN_FULFILLMENT: ["PARTIALLY_FULFILLED", "FULFILLED", "PENDING_VALIDATION", "ON_HOLD", "CANCELLED"],
  PARTIALLY_FULFILLED: ["FULFILLED", "ON_HOLD", "CANCELLED"],
  FULFILLED: ["COMPLETED", "PARTIALLY_RETURNED", "RETURNED"],
  COMPLETED: ["PARTIALLY_RETURNED", "RETURNED"],
  PARTIALLY_RETURNED: ["RETURNED"],
  RETURNED: [],
  CANCELLED: [],
};

/**
 * Statuses in which an order can still be changed, fulfilled or cancelled: exactly those
 * the table lets go to CANCELLED, so the two can never disagree.
 */
export const openOrderStatuses: readonly OrderStatus[] = OrderStatus.options.filter((status) =>
  orderTransitions[status].includes("CANCELLED"),
);

export const orderStatusLabel: Record<OrderStatus, string> = {
  DRAFT: "draft",
  PENDING_VALIDATION: "being checked",
  ON_HOLD: "on hold",
  ALLOCATED: "allocated",
  IN_FULFILLMENT: "in fulfillment",
  PARTIALLY_FULFILLED: "partly fulfilled",
  FULFILLED: "fulfilled",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
  PARTIALLY_RETURNED: "partly returned",
  RETURNED: "returned",
};

export function canTransitionOrder(from: OrderStatus, to: OrderStatus): boolean {
  return orderTransitions[from].includes(to);
}

export function assertOrderTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransitionOrder(from, to)) {
    throw new AppError("INVALID_TRANSITION", `An order that is ${orderStatusLabel[from]} cannot become ${orderStatusLabel[to]}.`, { from, to });
  }
}

/**
 * Moves an order from `from` to `to` with a conditional update: if someone changed the
 * status since it was read, nothing is written and the command fails with CONFLICT.
 */
export async function transitionOrder(
  tx: Tx,
  order: { id: string; status: OrderStatus },
  to: OrderStatus,
  ctx: Pick<DomainContext, "now">,
  extra: { cancelReason?: string; mergedIntoId?: string } = {},
): Promise<void> {
  assertOrderTransition(order.status, to);
  const updated = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: {
      status: to,
      updatedAt: ctx.now,
      ...(to === "CANCELLED" ? { cancelledAt: ctx.now, cancelReason: extra.cancelReason ?? null } : {}),
      ...(to === "COMPLETED" ? { completedAt: ctx.now } : {}),
      ...(extra.mergedIntoId ? { mergedIntoId: extra.mergedIntoId } : {}),
    },
  });
  if (updated.count !== 1) {
    throw new AppError("CONFLICT", "Someone else changed this order at the same time. Reload it and try again.", { orderId: order.id, expected: order.status });
  }
  order.status = to;
}
