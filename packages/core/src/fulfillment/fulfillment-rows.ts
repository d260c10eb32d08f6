import { AppError } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { commitReservations } from "../inventory/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { syncOrderStatus } from "../orders/sync-status.ts";
import { fulfillmentChanged, recordOrderEvent } from "../orders/timeline.ts";

// The fulfillment module is the store side of the order lifecycle: it shares the order's
// timeline, status rules and tasks (packages/core/src/orders), so it uses them directly.

export const fulfillmentInclude = {
  lines: { orderBy: { id: "asc" } },
  location: { select: { id: true, code: true, name: true } },
  order: { select: { id: true, number: true, status: true, paymentStatus: true } },
} satisfies Prisma.FulfillmentOrderInclude;

export type FulfillmentWithLines = Prisma.FulfillmentOrderGetPayload<{ include: typeof fulfillmentInclude }>;

/** Locks the order and then the fulfillment order (always in that order: no deadlocks). */
export async function lockFulfillment(tx: Tx, fulfillmentOrderId: string): Promise<FulfillmentWithLines> {
  const head = await tx.fulfillmentOrder.findUnique({ where: { id: fulfillmentOrderId }, select: { orderId: true } });
  if (!head) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId });
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${head.orderId}::uuid FOR UPDATE`;
  await tx.$queryRaw`SELECT "id" FROM "FulfillmentOrder" WHERE "id" = ${fulfillmentOrderId}::uuid FOR UPDATE`;
  return tx.fulfillmentOrder.findUniqueOrThrow({ where: { id: fulfillmentOrderId }, include: fulfillmentInclude });
}

/** Timeline line, live event and the order's derived status after a fulfillment change. */
export async function afterFulfillmentChange(
  tx: Tx,
  fulfillment: FulfillmentWithLines,
  change: string,
  message: string,
  ctx: DomainContext,
  data: Record<string, unknown> = {},
): Promise<void> {
  await recordOrderEvent(tx, fulfillment.orderId, change, message, ctx, { fulfillmentOrderId: fulfillment.id, ...data });
  await enqueueEvents(tx, [fulfillmentChanged(fulfillment, change)]);
  await syncOrderStatus(tx, fulfillment.orderId, ctx, fulfillment.locationId);
}

/** Units of each line still to hand over (not rejected). */
export const activeUnits = (line: { quantity: number; quantityRejected: number }) => line.quantity - line.quantityRejected;

/** The handover: fulfillment lines and order lines count the units as fulfilled. */
export async function recordHandover(tx: Tx, fulfillment: FulfillmentWithLines): Promise<number> {
  let units = 0;
  for (const line of fulfillment.lines) {
    const n = activeUnits(line) - line.quantityFulfilled;
    if (n <= 0) continue;
    units += n;
    await tx.fulfillmentOrderLine.update({ where: { id: line.id }, data: { quantityFulfilled: { increment: n } } });
    await tx.orderLine.update({ where: { id: line.orderLineId }, data: { quantityFulfilled: { increment: n } } });
  }
  return units;
}

/** Commits the fulfillment order's active reservations (the goods leave the location). */
export async function commitFulfillmentStock(
  fulfillment: FulfillmentWithLines,
  kind: "SALE" | "SHIPMENT" | "PICKUP_HANDOVER",
  ctx: DomainContext,
): Promise<number> {
  const lineIds = fulfillment.lines.map((l) => l.id);
  if (lineIds.length === 0) return 0;
  const active = await ctx.db.reservation.count({ where: { fulfillmentOrderLineId: { in: lineIds }, status: "ACTIVE" } });
  // Backorders and dropship have no reservation here: nothing leaves this location's stock.
  if (active === 0) return 0;
  return commitReservations({ fulfillmentOrderLineIds: lineIds, kind, fulfillmentOrderId: fulfillment.id }, ctx);
}
