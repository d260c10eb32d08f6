import type { PublicOrder } from "@oms/contracts";
import type { OrderDetail } from "@oms/core";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The REST shape of an order (contracts: PublicOrder); a plain JSON value. */
export function toPublicOrder(order: OrderDetail): PublicOrder {
  const skuOfLine = new Map(order.lines.map((l) => [l.id, l.sku]));
  const onHold = order.status === "ON_HOLD";
  return {
    id: order.id,
    number: order.number,
    externalId: order.externalId,
    channel: order.channel,
    status: order.status,
    paymentStatus: order.paymentStatus,
    currency: order.currency.trim(),
    subtotal: order.subtotal,
    taxTotal: order.taxTotal,
    total: order.total,
    customer: { name: order.customerName, email: order.email, phone: order.phone },
    shippingAddress: order.shippingAddress,
    lines: order.lines.map((l) => ({
      id: l.id,
      lineNo: l.lineNo,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      quantityCancelled: l.quantityCancelled,
      quantityReturned: l.quantityReturned,
      unitPrice: l.unitPrice,
      total: l.total,
    })),
    fulfillmentOrders: order.fulfillmentOrders.map((f) => ({
      id: f.id,
      number: f.number,
      locationId: f.locationId,
      locationName: f.location.name,
      type: f.type,
      status: f.status,
      pickupCode: f.pickupCode,
      promisedAt: iso(f.promisedAt),
      trackingNumbers: f.shipments.filter((s) => !s.isReturnLabel).map((s) => ({ carrier: s.carrier, trackingNumber: s.trackingNumber })),
      lines: f.lines.map((l) => ({ orderLineId: l.orderLineId, sku: skuOfLine.get(l.orderLineId) ?? "", quantity: l.quantity })),
    })),
    holdReasons: onHold
      ? order.tasks
          .filter((t) => t.kind === "VALIDATION" && (t.status === "OPEN" || t.status === "IN_PROGRESS"))
          .map((t) => ({ code: t.code, title: t.title, instruction: t.instruction }))
      : [],
    routing: order.routingTrace,
    placedAt: order.placedAt.toISOString(),
    promisedAt: iso(order.promisedAt),
    cancelledAt: iso(order.cancelledAt),
  };
}
