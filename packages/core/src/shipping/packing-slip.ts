import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { FulfillmentRefInput } from "./schemas.ts";

export interface PackingSlip {
  fulfillmentOrderId: string;
  number: string;
  orderNumber: string;
  placedAt: Date;
  locationId: string;
  from: { name: string; line1: string; line2: string | null; postalCode: string; city: string; countryCode: string; phone: string | null; email: string | null };
  locale: string;
  timeZone: string;
  shipTo: Record<string, unknown> | null;
  customerName: string | null;
  lines: { sku: string; name: string; quantity: number }[];
  parcels: { sequence: number; weightGrams: number; boxName: string | null; trackingNumber: string | null }[];
  note: string | null;
}

/** What goes in the box on paper: the items (not prices), the parcels and the return address. */
export async function packingSlip(rawInput: FulfillmentRefInput, ctx: Pick<DomainContext, "db">): Promise<PackingSlip> {
  const input = parseInput(FulfillmentRefInput, rawInput);
  const f = await ctx.db.fulfillmentOrder.findUnique({
    where: { id: input.fulfillmentOrderId },
    include: {
      location: true,
      order: { select: { number: true, placedAt: true, customerName: true, shippingAddress: true, note: true } },
      lines: { orderBy: { id: "asc" }, include: { orderLine: { select: { sku: true, name: true } } } },
      parcels: { orderBy: { sequence: "asc" }, include: { box: { select: { name: true } }, shipments: { where: { isReturnLabel: false, status: { notIn: ["CANCELLED", "LABEL_PENDING"] } }, select: { trackingNumber: true } } } },
    },
  });
  if (!f) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId: input.fulfillmentOrderId });
  const l = f.location;
  return {
    fulfillmentOrderId: f.id,
    number: f.number,
    orderNumber: f.order.number,
    placedAt: f.order.placedAt,
    locationId: f.locationId,
    from: { name: l.name, line1: l.addressLine1, line2: l.addressLine2, postalCode: l.postalCode, city: l.city, countryCode: l.countryCode, phone: l.phone, email: l.email },
    locale: l.locale,
    timeZone: l.timeZone,
    shipTo: (f.order.shippingAddress ?? null) as Record<string, unknown> | null,
    customerName: f.order.customerName,
    lines: f.lines.map((x) => ({ sku: x.orderLine.sku, name: x.orderLine.name, quantity: x.quantity - x.quantityRejected })).filter((x) => x.quantity > 0),
    parcels: f.parcels.map((p) => ({ sequence: p.sequence, weightGrams: p.weightGrams, boxName: p.box?.name ?? null, trackingNumber: p.shipments[0]?.trackingNumber ?? null })),
    note: f.order.note,
  };
}
