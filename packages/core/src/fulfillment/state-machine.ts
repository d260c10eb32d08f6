import { AppError, FulfillmentStatus } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";

/** Every fulfillment order status change, as data (docs/state-machines.md). */
export const fulfillmentTransitions: Readonly<Record<FulfillmentStatus, readonly FulfillmentStatus[]>> = {
  // NEW → PICKED_UP: carry-out, the customer takes the goods at the till.
  NEW: ["PICKING", "PICKED_UP", "REJECTED", "CANCELLED"],
  PICKING: ["PACKED", "REJECTED", "CANCELLED"],
  PACKED: ["READY_FOR_PICKUP", "SHIPPED", "CANCELLED"],
  READY_FOR_PICKUP: ["PICKED_UP", "CANCELLED"],
  SHIPPED: ["DELIVERED"],
  PICKED_UP: [],
  DELIVERED: [],
  REJECTED: [],
  CANCELLED: [],
};

/** Statuses in which the goods are still in the store's hands. */
export const openFulfillmentStatuses: readonly FulfillmentStatus[] = FulfillmentStatus.options.filter((status) =>
  fulfillmentTransitions[status].includes("CANCELLED"),
);
/** No further change. */
export const finalFulfillmentStatuses: readonly FulfillmentStatus[] = FulfillmentStatus.options.filter(
  (status) => fulfillmentTransitions[status].length === 0,
);

export const fulfillmentStatusLabel: Record<FulfillmentStatus, string> = {
  NEW: "new",
  PICKING: "being picked",
  PACKED: "packed",
  READY_FOR_PICKUP: "ready for pickup",
  SHIPPED: "shipped",
  PICKED_UP: "picked up",
  DELIVERED: "delivered",
  REJECTED: "rejected",
  CANCELLED: "cancelled",
};

export function canTransitionFulfillment(from: FulfillmentStatus, to: FulfillmentStatus): boolean {
  return fulfillmentTransitions[from].includes(to);
}

export function assertFulfillmentTransition(from: FulfillmentStatus, to: FulfillmentStatus): void {
  if (!canTransitionFulfillment(from, to)) {
    throw new AppError(
      "INVALID_TRANSITION",
      `A fulfillment order that is ${fulfillmentStatusLabel[from]} cannot become ${fulfillmentStatusLabel[to]}.`,
      { from, to },
    );
  }
}

const timestampColumn: Partial<Record<FulfillmentStatus, "readyAt" | "shippedAt" | "deliveredAt" | "pickedUpAt">> = {
  READY_FOR_PICKUP: "readyAt",
  SHIPPED: "shippedAt",
  DELIVERED: "deliveredAt",
  PICKED_UP: "pickedUpAt",
};

/** Conditional update like transitionOrder: a concurrent change fails with CONFLICT. */
export async function transitionFulfillment(
  tx: Tx,
  fulfillment: { id: string; status: FulfillmentStatus },
  to: FulfillmentStatus,
  ctx: Pick<DomainContext, "now">,
  data: { rejectedReason?: string; bagCount?: number; stagingShelf?: string; claimedById?: string | null } = {},
): Promise<void> {
  assertFulfillmentTransition(fulfillment.status, to);
  const column = timestampColumn[to];
  const updated = await tx.fulfillmentOrder.updateMany({
    where: { id: fulfillment.id, status: fulfillment.status },
    data: {
      status: to,
      updatedAt: ctx.now,
      ...(column ? { [column]: ctx.now } : {}),
      ...(data.rejectedReason !== undefined ? { rejectedReason: data.rejectedReason } : {}),
      ...(data.bagCount !== undefined ? { bagCount: data.bagCount } : {}),
      ...(data.stagingShelf !== undefined ? { stagingShelf: data.stagingShelf } : {}),
      ...(data.claimedById !== undefined ? { claimedById: data.claimedById, claimedAt: ctx.now } : {}),
    },
  });
  if (updated.count !== 1) {
    throw new AppError("CONFLICT", "Someone else changed this fulfillment order at the same time. Reload it and try again.", {
      fulfillmentOrderId: fulfillment.id,
      expected: fulfillment.status,
    });
  }
  fulfillment.status = to;
}
