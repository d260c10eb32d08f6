import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import { createFormatter, type Formatter } from "./format.ts";

/** Everything a template may show, read in the caller's transaction (so it sees uncommitted rows). */
export interface RenderContext {
  organizationName: string;
  order: RenderOrder;
  /** The store the message is about (pickup store, till's store), or null. */
  location: RenderLocation | null;
  fulfillment: RenderFulfillment | null;
  fmt: Formatter;
  now: Date;
}

export interface RenderLocation {
  id: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  postalCode: string;
  phone: string | null;
  email: string | null;
}

export interface RenderFulfillment {
  id: string;
  number: string;
  type: string;
  pickupCode: string | null;
  stagingShelf: string | null;
  readyAt: Date | null;
  lines: { name: string; sku: string; quantity: number }[];
}

export interface RenderOrder {
  id: string;
  number: string;
  channel: string;
  customerName: string | null;
  email: string | null;
  phone: string | null;
  currency: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
  total: number;
  pricesIncludeTax: boolean;
  placedAt: Date;
  originLocationId: string | null;
  lines: { lineNo: number; sku: string; name: string; quantity: number; quantityCancelled: number; unitPrice: number; discountTotal: number; total: number; taxRateBps: number }[];
  payments: { method: string; status: string; amount: number; currency: string; tendered: number | null; changeGiven: number | null; reference: string | null }[];
}

const locationSelect = {
  id: true,
  name: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  postalCode: true,
  phone: true,
  email: true,
  locale: true,
  timeZone: true,
} as const;

export async function loadRenderContext(db: Tx, orderId: string, fulfillmentOrderId: string | undefined, now: Date): Promise<RenderContext> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      lines: { orderBy: { lineNo: "asc" } },
      payments: { orderBy: { createdAt: "asc" } },
      originLocation: { select: locationSelect },
      fulfillmentOrders: {
        orderBy: { createdAt: "asc" },
        include: { location: { select: locationSelect }, lines: { include: { orderLine: { select: { name: true, sku: true } } } } },
      },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "That order does not exist.", { fields: [{ path: ["orderId"], message: "No order with this id" }] });
  const fulfillment = fulfillmentOrderId ? order.fulfillmentOrders.find((f) => f.id === fulfillmentOrderId) : undefined;
  if (fulfillmentOrderId && !fulfillment) {
    throw new AppError("NOT_FOUND", `Fulfillment order ${fulfillmentOrderId} is not part of order ${order.number}.`, {
      fields: [{ path: ["fulfillmentOrderId"], message: "Not a fulfillment order of this order" }],
    });
  }
  const location = fulfillment?.location ?? order.originLocation ?? order.fulfillmentOrders[0]?.location ?? null;
  const settings = await db.organizationSettings.findUnique({ where: { id: 1 }, select: { name: true } });
  return {
    organizationName: settings?.name ?? "Our shop",
    order: {
      id: order.id,
      number: order.number,
      channel: order.channel,
      customerName: order.customerName,
      email: order.email,
      phone: order.phone,
      currency: order.currency,
      subtotal: order.subtotal,
      discountTotal: order.discountTotal,
      taxTotal: order.taxTotal,
      shippingTotal: order.shippingTotal,
      total: order.total,
      pricesIncludeTax: order.pricesIncludeTax,
      placedAt: order.placedAt,
      originLocationId: order.originLocationId,
      lines: order.lines.map((l) => ({
        lineNo: l.lineNo,
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        quantityCancelled: l.quantityCancelled,
        unitPrice: l.unitPrice,
        discountTotal: l.discountTotal,
        total: l.total,
        taxRateBps: l.taxRateBps,
      })),
      payments: order.payments.map((p) => ({
        method: p.method,
        status: p.status,
        amount: p.amount,
        currency: p.currency,
        tendered: p.tendered,
        changeGiven: p.changeGiven,
        reference: p.reference,
      })),
    },
    location: location
      ? {
          id: location.id,
          name: location.name,
          addressLine1: location.addressLine1,
          addressLine2: location.addressLine2,
          city: location.city,
          postalCode: location.postalCode,
          phone: location.phone,
          email: location.email,
        }
      : null,
    fulfillment: fulfillment
      ? {
          id: fulfillment.id,
          number: fulfillment.number,
          type: fulfillment.type,
          pickupCode: fulfillment.pickupCode,
          stagingShelf: fulfillment.stagingShelf,
          readyAt: fulfillment.readyAt,
          lines: fulfillment.lines.map((l) => ({ name: l.orderLine.name, sku: l.orderLine.sku, quantity: l.quantity })),
        }
      : null,
    fmt: createFormatter(location?.locale ?? "en", location?.timeZone ?? "UTC", order.currency),
    now,
  };
}
