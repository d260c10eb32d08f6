import { AppError, type OrderAddress } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { recordOrderEvent } from "../orders/index.ts";

/** The address fields a carrier needs (structurally @oms/shipping's ShippingAddress). */
export interface LabelAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  region: string | null;
  countryCode: string;
  phone: string | null;
  email: string | null;
}

/** What the API layer needs to buy a return label outside any transaction. */
export interface ReturnLabelIntent {
  shipmentId: string;
  returnId: string;
  returnNumber: string;
  carrier: string;
  service: string;
  /** The same key gives the same label: a retry after a crash never buys twice. */
  idempotencyKey: string;
  /** The customer (the parcel starts there). */
  from: LabelAddress;
  /** The store or warehouse the goods go back to. */
  to: LabelAddress;
  weightGrams: number;
  currency: string;
  /** Already bought (a retry of a finished purchase): nothing to call. */
  ready: boolean;
}

/** A parcel for a return without packing data: the shipped parcel's weight, else 1 kg; a medium box. */
const DEFAULT_RETURN_WEIGHT_GRAMS = 1000;
export const RETURN_PARCEL = { lengthMm: 400, widthMm: 300, heightMm: 150 } as const;

/**
 * Step 1 of a return label: records the purchase (a LABEL_PENDING return-label Shipment
 * with its idempotency key) in a short transaction, or finds the one recorded before. The
 * carrier is called after commit (step 2), and `recordReturnLabel` writes its answer.
 */
export async function prepareReturnLabel(input: { returnId: string; carrier?: string | null }, ctx: DomainContext): Promise<ReturnLabelIntent> {
  return withTransaction(ctx, async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Return" WHERE "id" = ${input.returnId}::uuid FOR UPDATE`;
    const ret = await tx.return.findUnique({
      where: { id: input.returnId },
      include: {
        location: true,
        order: { select: { id: true, number: true, customerName: true, email: true, phone: true, shippingAddress: true, currency: true } },
        shipments: { where: { isReturnLabel: true, status: { not: "CANCELLED" } }, orderBy: { createdAt: "desc" } },
      },
    });
    if (!ret) throw new AppError("NOT_FOUND", "returnId: That return does not exist.", { fields: [{ path: ["returnId"], message: "No such return" }] });
    if (ret.status !== "REQUESTED") {
      throw new AppError("INVALID_TRANSITION", `Return ${ret.number} is ${ret.status.toLowerCase()}; a return label is only issued while the goods are still with the customer.`, { status: ret.status });
    }
    const address = ret.order.shippingAddress as Partial<OrderAddress> | null;
    if (!address?.line1 || !address.city || !address.postalCode || !address.countryCode) {
      throw new AppError("VALIDATION_FAILED", `Order ${ret.order.number} has no complete delivery address to collect the return from.`, { fields: [{ path: ["returnLabel"], message: "The order has no complete address" }] });
    }
    const outbound = await tx.shipment.findFirst({
      where: { fulfillmentOrder: { orderId: ret.orderId }, isReturnLabel: false, status: { notIn: ["CANCELLED", "LABEL_PENDING"] } },
      orderBy: { createdAt: "desc" },
      select: { carrier: true, weightGrams: true, fulfillmentOrderId: true, service: true },
    });
    const fulfillmentOrderId =
      outbound?.fulfillmentOrderId ??
      (await tx.fulfillmentOrder.findFirst({ where: { orderId: ret.orderId, status: { in: ["SHIPPED", "DELIVERED", "PICKED_UP"] } }, select: { id: true } }))?.id;
    if (!fulfillmentOrderId) throw new AppError("VALIDATION_FAILED", `Nothing of order ${ret.order.number} was handed over, so there is nothing to send back.`, { fields: [{ path: ["returnLabel"], message: "Nothing delivered" }] });
    const from: LabelAddress = {
      name: address.name || ret.order.customerName || "Customer",
      line1: address.line1,
      line2: address.line2 ?? null,
      city: address.city,
      postalCode: address.postalCode,
      region: address.region ?? null,
      countryCode: address.countryCode,
      phone: address.phone ?? ret.order.phone ?? null,
      email: ret.order.email ?? null,
    };
    const loc = ret.location;
    const to: LabelAddress = {
      name: loc.name,
      line1: loc.addressLine1,
      line2: loc.addressLine2,
      city: loc.city,
      postalCode: loc.postalCode,
      region: loc.region,
      countryCode: loc.countryCode,
      phone: loc.phone,
      email: loc.email,
    };
    const existing = ret.shipments[0];
    const carrier = existing?.carrier ?? input.carrier ?? outbound?.carrier ?? "simulated";
    const base = { returnId: ret.id, returnNumber: ret.number, from, to, currency: loc.currency, service: "standard", weightGrams: outbound?.weightGrams ?? DEFAULT_RETURN_WEIGHT_GRAMS };
    if (existing) {
      return { ...base, shipmentId: existing.id, carrier: existing.carrier, service: existing.service ?? "standard", idempotencyKey: existing.idempotencyKey ?? `return-label:${existing.id}`, weightGrams: existing.weightGrams ?? base.weightGrams, ready: existing.status !== "LABEL_PENDING" };
    }
    const shipment = await tx.shipment.create({
      data: {
        fulfillmentOrderId,
        returnId: ret.id,
        isReturnLabel: true,
        carrier,
        service: "standard",
        status: "LABEL_PENDING",
        weightGrams: base.weightGrams,
        ...RETURN_PARCEL,
        labelFormat: "PDF",
        createdAt: ctx.now,
      },
    });
    const idempotencyKey = `return-label:${shipment.id}`;
    await tx.shipment.update({ where: { id: shipment.id }, data: { idempotencyKey } });
    return { ...base, shipmentId: shipment.id, carrier, idempotencyKey, ready: false };
  });
}

/** Step 3: the carrier sold the label; the return's parcel can now be tracked. */
export async function recordReturnLabel(
  input: { shipmentId: string; carrierShipmentId: string; trackingNumber: string; trackingUrl: string | null; labelUrl: string; service: string; amount: number; currency: string },
  ctx: DomainContext,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const shipment = await tx.shipment.findUniqueOrThrow({ where: { id: input.shipmentId }, include: { return: { select: { number: true, orderId: true } } } });
    if (shipment.status !== "LABEL_PENDING") return;
    await tx.shipment.update({
      where: { id: shipment.id },
      data: {
        status: "LABEL_CREATED",
        carrierShipmentId: input.carrierShipmentId,
        trackingNumber: input.trackingNumber,
        trackingUrl: input.trackingUrl,
        labelUrl: input.labelUrl,
        service: input.service,
        labelAmount: input.amount,
        labelCurrency: input.currency,
        labelError: null,
      },
    });
    if (shipment.return) {
      await recordOrderEvent(tx, shipment.return.orderId, "return.label_created", `Return ${shipment.return.number}: return label ${input.trackingNumber} issued (${shipment.carrier}).`, ctx, { shipmentId: shipment.id, returnNumber: shipment.return.number });
    }
  });
}

/** The carrier refused or did not answer: kept LABEL_PENDING with the reason; asking again reuses the key. */
export async function recordReturnLabelFailure(input: { shipmentId: string; message: string }, ctx: DomainContext): Promise<void> {
  await ctx.db.shipment.updateMany({ where: { id: input.shipmentId, status: "LABEL_PENDING" }, data: { labelError: input.message.slice(0, 500) } });
}
