import type { TrackedParcels } from "@oms/contracts";
import { getOrderTracking, pendingReturnUnits, returnableUnitsOf } from "@oms/core";
import type { PrismaClient } from "@oms/db";

/**
 * The tracking page's part after the parcel left: each parcel with its carrier events,
 * local deliveries with their proof ("received by J. Smith at 14:32"), returns with their
 * labels, and what can still be sent back (delivered, not returned, not already on its way).
 */
export async function trackedParcels(db: PrismaClient, orderId: string): Promise<TrackedParcels> {
  const [tracking, lines, pending] = await Promise.all([
    getOrderTracking(db, orderId),
    db.orderLine.findMany({ where: { orderId }, orderBy: { lineNo: "asc" }, select: { id: true, name: true, sku: true, quantity: true, quantityCancelled: true, quantityFulfilled: true, quantityReturned: true } }),
    pendingReturnUnits(db, orderId),
  ]);
  return {
    shipments: tracking.shipments
      .filter((s) => s.status !== "LABEL_PENDING")
      .map((s) => ({ id: s.id, carrier: s.carrier, trackingNumber: s.trackingNumber, status: s.status, isReturnLabel: s.isReturnLabel, events: s.events })),
    deliveries: tracking.deliveries.map((d) => ({ status: d.status, recipientName: d.recipientName, deliveredAt: d.deliveredAt, failureReason: d.failureReason, failedAt: d.failedAt })),
    returns: tracking.returns.map((r) => ({
      number: r.number,
      status: r.status,
      createdAt: r.createdAt,
      items: r.lines.map((l) => ({ name: l.name, quantity: l.quantity })),
      labels: r.labels.map((l) => ({ shipmentId: l.shipmentId, trackingNumber: l.trackingNumber, status: l.status, ready: l.ready })),
    })),
    returnable: lines
      .map((l) => ({ orderLineId: l.id, name: l.name, sku: l.sku, quantity: returnableUnitsOf(l) - (pending.get(l.id) ?? 0) }))
      .filter((l) => l.quantity > 0),
  };
}
