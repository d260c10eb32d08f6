import type { RequestedReturnView, TrackingEventView } from "@oms/contracts";
import type { Tx } from "@oms/db";

export interface ShipmentTrackingView {
  id: string;
  fulfillmentOrderId: string;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  status: string;
  isReturnLabel: boolean;
  returnId: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  failedAttempts: number;
  /** Newest first. */
  events: TrackingEventView[];
}

export interface DeliveryProofView {
  fulfillmentOrderId: string;
  runNumber: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  recipientName: string | null;
  deliveredAt: string | null;
  failureReason: string | null;
  failedAt: string | null;
}

export interface OrderTracking {
  shipments: ShipmentTrackingView[];
  deliveries: DeliveryProofView[];
  returns: RequestedReturnView[];
}

/**
 * Everything after the parcel left, for one order: each shipment with its tracking history,
 * local deliveries with their proof (who took the goods, when), and the returns with their
 * labels. Read by the public tracking page (which shows no addresses or prices of it but
 * the return's items) and by staff screens.
 */
export async function getOrderTracking(db: Tx, orderId: string): Promise<OrderTracking> {
  const [shipments, stops, returns] = await Promise.all([
    db.shipment.findMany({
      where: { fulfillmentOrder: { orderId }, status: { not: "CANCELLED" } },
      orderBy: { createdAt: "asc" },
      include: { trackingEvents: { orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: 50 } },
    }),
    db.deliveryStop.findMany({
      where: { fulfillmentOrder: { orderId }, status: { not: "REMOVED" }, run: { status: { in: ["OUT", "COMPLETED"] } } },
      orderBy: [{ run: { createdAt: "asc" } }],
      include: { run: { select: { number: true } } },
    }),
    db.return.findMany({
      where: { orderId, requestedBy: { not: null } },
      orderBy: { createdAt: "asc" },
      include: { location: { select: { name: true } }, order: { select: { number: true } }, lines: { include: { orderLine: { select: { sku: true, name: true } } } }, shipments: { where: { isReturnLabel: true }, orderBy: { createdAt: "asc" } } },
    }),
  ]);
  return {
    shipments: shipments.map((s) => ({
      id: s.id,
      fulfillmentOrderId: s.fulfillmentOrderId,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      trackingUrl: s.trackingUrl,
      status: s.status,
      isReturnLabel: s.isReturnLabel,
      returnId: s.returnId,
      shippedAt: s.shippedAt?.toISOString() ?? null,
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
      failedAttempts: s.failedAttempts,
      events: s.trackingEvents.map((e) => ({ status: e.status, detail: e.detail, location: e.location, occurredAt: e.occurredAt.toISOString() })),
    })),
    deliveries: stops.map((s) => ({
      fulfillmentOrderId: s.fulfillmentOrderId,
      runNumber: s.run.number,
      status: s.status as DeliveryProofView["status"],
      recipientName: s.recipientName,
      deliveredAt: s.deliveredAt?.toISOString() ?? null,
      failureReason: s.failureReason,
      failedAt: s.failedAt?.toISOString() ?? null,
    })),
    returns: returns.map((r) => ({
      id: r.id,
      number: r.number,
      orderId: r.orderId,
      orderNumber: r.order.number,
      status: r.status,
      requestedBy: r.requestedBy,
      locationId: r.locationId,
      locationName: r.location.name,
      refundMethod: r.refundMethod,
      refundTotal: r.refundTotal,
      currency: r.currency,
      createdAt: r.createdAt.toISOString(),
      receivedAt: r.receivedAt?.toISOString() ?? null,
      completedAt: r.completedAt?.toISOString() ?? null,
      lines: r.lines.map((l) => ({ id: l.id, orderLineId: l.orderLineId, sku: l.orderLine.sku, name: l.orderLine.name, quantity: l.quantity, reason: l.reason, condition: l.condition, refundAmount: l.refundAmount })),
      labels: r.shipments.map((s) => ({ shipmentId: s.id, carrier: s.carrier, trackingNumber: s.trackingNumber, status: s.status, ready: s.status !== "LABEL_PENDING" && s.status !== "CANCELLED" && Boolean(s.labelUrl) })),
    })),
  };
}

/** The bought label of a return-label shipment (for printing it again). */
export async function getReturnLabelShipment(db: Tx, shipmentId: string) {
  return db.shipment.findUnique({
    where: { id: shipmentId },
    select: { id: true, carrier: true, carrierShipmentId: true, labelUrl: true, labelFormat: true, isReturnLabel: true, status: true, return: { select: { id: true, orderId: true, number: true } } },
  });
}
