import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { afterFulfillmentChange, lockFulfillment } from "../fulfillment/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { carrierErrorText, isRefusal, requireCarrier, type PortAddress, type ShippingContext } from "./carrier-port.ts";
import { BuyLabelsInput, FulfillmentRefInput, ShipmentRefInput } from "./schemas.ts";

interface Addresses {
  from: PortAddress;
  to: PortAddress;
  currency: string;
  locationId: string;
  number: string;
}

/** Sender (the location) and recipient (the order's shipping address) of a fulfillment order. */
async function addressesOf(db: Tx, fulfillmentOrderId: string): Promise<Addresses> {
  const f = await db.fulfillmentOrder.findUnique({
    where: { id: fulfillmentOrderId },
    select: {
      number: true,
      type: true,
      location: { select: { id: true, name: true, addressLine1: true, addressLine2: true, city: true, postalCode: true, region: true, countryCode: true, phone: true, email: true, currency: true } },
      order: { select: { customerName: true, email: true, phone: true, shippingAddress: true } },
    },
  });
  if (!f) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId });
  const a = (f.order.shippingAddress ?? {}) as Record<string, string | null | undefined>;
  if (!a.line1 || !a.city || !a.postalCode || !a.countryCode) {
    throw new AppError("VALIDATION_FAILED", `to: ${f.number} has no complete shipping address; correct it on the order first.`, { fields: [{ path: ["to"], message: "Incomplete address" }] });
  }
  const l = f.location;
  return {
    from: { name: l.name, line1: l.addressLine1, line2: l.addressLine2, city: l.city, postalCode: l.postalCode, region: l.region, countryCode: l.countryCode, phone: l.phone, email: l.email },
    to: { name: a.name || f.order.customerName || "Customer", line1: a.line1, line2: a.line2 ?? null, city: a.city, postalCode: a.postalCode, region: a.region ?? null, countryCode: a.countryCode, phone: a.phone ?? f.order.phone, email: f.order.email },
    currency: l.currency,
    locationId: l.id,
    number: f.number,
  };
}

export interface RateOffer {
  carrier: string;
  carrierName: string;
  service: string;
  serviceName: string;
  /** All parcels together, minor units of `currency`. */
  amount: number;
  currency: string;
  estimatedDays: number | null;
  /** The first parcel's offer id (carriers that need one get it per parcel again when buying). */
  rateId: string | null;
  isDefault: boolean;
}

export interface RatesResult {
  offers: RateOffer[];
  /** Carriers that did not answer or refused, with their words. */
  errors: { carrier: string; message: string }[];
}

/** What each of the location's carriers charges for all of the packed parcels. No database writes. */
export async function quoteRates(rawInput: FulfillmentRefInput, ctx: ShippingContext): Promise<RatesResult> {
  const input = parseInput(FulfillmentRefInput, rawInput);
  const where = await addressesOf(ctx.db, input.fulfillmentOrderId);
  const parcels = await ctx.db.parcel.findMany({ where: { fulfillmentOrderId: input.fulfillmentOrderId }, orderBy: { sequence: "asc" } });
  if (parcels.length === 0) throw new AppError("INVALID_TRANSITION", `${where.number} is not packed yet; pack it to see the rates.`);
  const settings = await ctx.db.locationCarrier.findMany({ where: { locationId: where.locationId, active: true }, orderBy: { carrier: "asc" } });
  if (settings.length === 0) throw new AppError("VALIDATION_FAILED", "carrier: This location ships with no carrier yet; set one up in HQ.", { fields: [{ path: ["carrier"], message: "No carrier" }] });
  const result: RatesResult = { offers: [], errors: [] };
  for (const setting of settings) {
    const carrier = ctx.carriers.get(setting.carrier);
    if (!carrier) {
      result.errors.push({ carrier: setting.carrier, message: `The carrier "${setting.carrier}" is not set up on this server.` });
      continue;
    }
    try {
      const perParcel = [];
      for (const p of parcels) perParcel.push(await carrier.getRates({ from: where.from, to: where.to, parcel: p, currency: where.currency }));
      for (const first of perParcel[0]!) {
        const all = perParcel.map((rates) => rates.find((r) => r.service === first.service && r.currency === first.currency));
        if (all.some((r) => !r)) continue;
        result.offers.push({
          carrier: carrier.code,
          carrierName: first.carrier,
          service: first.service,
          serviceName: first.serviceName,
          amount: all.reduce((s, r) => s + r!.amount, 0),
          currency: first.currency,
          estimatedDays: first.estimatedDays,
          rateId: parcels.length === 1 ? first.rateId : null,
          isDefault: setting.defaultService === first.service,
        });
      }
    } catch (error) {
      result.errors.push({ carrier: setting.carrier, message: carrierErrorText(error) });
    }
  }
  result.offers.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.amount - b.amount);
  return result;
}

export interface BuyLabelsResult {
  fulfillmentOrderId: string;
  labels: { shipmentId: string; parcelId: string; trackingNumber: string; labelFormat: "PDF" | "ZPL"; amount: number; currency: string }[];
}

/**
 * Buys one label per packed parcel that has none, without holding a transaction across the
 * carrier call:
 * 1. transaction: the fulfillment order is PACKED; a Shipment row LABEL_PENDING with a fresh
 *    idempotency key is recorded for the parcel, or the pending one of an earlier attempt is
 *    taken again (same key);
 * 2. no transaction: the carrier buys the label with that key (a carrier that honours keys,
 *    like the simulated one, answers a repeat with the same label);
 * 3. transaction: the row becomes LABEL_CREATED with tracking number, price and label.
 * A crash between 2 and 3 leaves the row pending; the next attempt asks again with the same
 * key and gets the same label, so nothing is bought twice. A refusal (bad parcel or address)
 * cancels the pending row with the carrier's words; anything else (no answer, an answer lost
 * on the way) keeps it pending for a retry with the same key.
 */
export async function buyLabels(rawInput: BuyLabelsInput, ctx: ShippingContext): Promise<BuyLabelsResult> {
  const input = parseInput(BuyLabelsInput, rawInput);
  const carrier = requireCarrier(ctx, input.carrier);
  const where = await addressesOf(ctx.db, input.fulfillmentOrderId);
  const setting = await ctx.db.locationCarrier.findUnique({ where: { locationId_carrier: { locationId: where.locationId, carrier: carrier.code } } });
  if (!setting?.active) {
    throw new AppError("VALIDATION_FAILED", `carrier: ${carrier.name} is not one of this location's carriers.`, { fields: [{ path: ["carrier"], message: "Not used here" }] });
  }
  const labelFormat = input.labelFormat ?? setting.labelFormat;

  const intents = await withTransaction(ctx, async (tx) => {
    const f = await lockFulfillment(tx, input.fulfillmentOrderId);
    if (f.status !== "PACKED") throw new AppError("INVALID_TRANSITION", `${f.number} is ${f.status.toLowerCase().replace(/_/g, " ")}; labels are bought for packed orders.`, { status: f.status });
    const parcels = await tx.parcel.findMany({ where: { fulfillmentOrderId: f.id }, orderBy: { sequence: "asc" }, include: { shipments: { where: { isReturnLabel: false, status: { not: "CANCELLED" } } } } });
    if (parcels.length === 0) throw new AppError("INVALID_TRANSITION", `${f.number} has no parcels; pack it first.`);
    const out = [];
    for (const p of parcels) {
      const live = p.shipments.find((s) => s.status !== "LABEL_PENDING");
      if (live) continue;
      const pending = p.shipments.find((s) => s.status === "LABEL_PENDING");
      if (pending) {
        // An earlier attempt did not finish: ask again with its key (and its carrier and service).
        out.push({ shipmentId: pending.id, key: pending.idempotencyKey!, parcel: p, carrier: pending.carrier, service: pending.service ?? input.service, labelFormat: pending.labelFormat ?? labelFormat });
        continue;
      }
      const attempt = await tx.shipment.count({ where: { parcelId: p.id } });
      const row = await tx.shipment.create({
        data: {
          fulfillmentOrderId: f.id,
          parcelId: p.id,
          boxId: p.boxId,
          carrier: carrier.code,
          service: input.service,
          status: "LABEL_PENDING",
          labelFormat,
          weightGrams: p.weightGrams,
          lengthMm: p.lengthMm,
          widthMm: p.widthMm,
          heightMm: p.heightMm,
          idempotencyKey: `label:${p.id}:${attempt + 1}`,
          createdAt: ctx.now,
        },
      });
      out.push({ shipmentId: row.id, key: row.idempotencyKey!, parcel: p, carrier: carrier.code, service: input.service, labelFormat });
    }
    return out;
  });

  const count = await ctx.db.parcel.count({ where: { fulfillmentOrderId: input.fulfillmentOrderId } });
  for (const intent of intents) {
    const by = requireCarrier(ctx, intent.carrier);
    let bought;
    try {
      bought = await by.createShipment({
        from: where.from,
        to: where.to,
        parcel: intent.parcel,
        currency: where.currency,
        rateId: count === 1 && intent.carrier === carrier.code ? (input.rateId ?? null) : null,
        service: intent.service,
        labelFormat: intent.labelFormat,
        reference: count > 1 ? `${where.number} ${intent.parcel.sequence}/${count}` : where.number,
        idempotencyKey: intent.key,
      });
    } catch (error) {
      // Only a refusal proves nothing was bought; anything else (no answer, a lost answer)
      // may have bought the label, so the intent and its key stay for the retry.
      const refused = isRefusal(error);
      await ctx.db.shipment.updateMany({
        where: { id: intent.shipmentId, status: "LABEL_PENDING" },
        data: refused ? { status: "CANCELLED", labelError: carrierErrorText(error), voidedAt: ctx.now } : { labelError: carrierErrorText(error) },
      });
      throw error;
    }
    await recordBoughtLabel(intent.shipmentId, bought, ctx);
  }

  const labels = await ctx.db.shipment.findMany({ where: { fulfillmentOrderId: input.fulfillmentOrderId, isReturnLabel: false, status: "LABEL_CREATED" }, orderBy: { createdAt: "asc" } });
  return {
    fulfillmentOrderId: input.fulfillmentOrderId,
    labels: labels.map((s) => ({ shipmentId: s.id, parcelId: s.parcelId!, trackingNumber: s.trackingNumber!, labelFormat: s.labelFormat!, amount: s.labelAmount ?? 0, currency: s.labelCurrency ?? where.currency })),
  };
}

/** Step 3 of buying: the carrier's answer on the pending row (a repeat changes nothing). */
async function recordBoughtLabel(
  shipmentId: string,
  bought: { shipmentId: string; service: string; trackingNumber: string; trackingUrl: string | null; labelUrl: string; labelFormat: "PDF" | "ZPL"; amount: number; currency: string },
  ctx: DomainContext,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    const row = await tx.shipment.findUniqueOrThrow({ where: { id: shipmentId }, select: { id: true, status: true, fulfillmentOrderId: true } });
    if (row.status !== "LABEL_PENDING") return;
    await tx.shipment.update({
      where: { id: row.id },
      data: {
        status: "LABEL_CREATED",
        carrierShipmentId: bought.shipmentId,
        service: bought.service,
        trackingNumber: bought.trackingNumber,
        trackingUrl: bought.trackingUrl,
        labelUrl: bought.labelUrl,
        labelFormat: bought.labelFormat,
        labelAmount: bought.amount,
        labelCurrency: bought.currency,
        labelError: null,
      },
    });
    const f = await lockFulfillment(tx, row.fulfillmentOrderId);
    await afterFulfillmentChange(tx, f, "fulfillment.label_created", `Label ${bought.trackingNumber} bought for ${f.number}.`, { ...ctx, db: tx }, { shipmentId: row.id, trackingNumber: bought.trackingNumber });
  });
}

/**
 * Cancels a label that has not left: not on a manifest, its order still packed (or cancelled
 * after the label was bought: the bench shows such labels under Problems to void). The row is
 * marked CANCELLED first (so nobody ships or manifests it meanwhile), then the carrier is
 * asked; if the carrier refuses, the label is put back as it was with the carrier's words.
 */
export async function voidLabel(rawInput: ShipmentRefInput, ctx: ShippingContext): Promise<{ shipmentId: string; cancelled: boolean; message: string | null }> {
  const input = parseInput(ShipmentRefInput, rawInput);
  const shipment = await withTransaction(ctx, async (tx) => {
    const head = await tx.shipment.findUnique({ where: { id: input.shipmentId }, select: { fulfillmentOrderId: true } });
    if (!head) throw new AppError("NOT_FOUND", "That label does not exist.", { shipmentId: input.shipmentId });
    const f = await lockFulfillment(tx, head.fulfillmentOrderId);
    const s = await tx.shipment.findUniqueOrThrow({ where: { id: input.shipmentId } });
    if (s.status !== "LABEL_CREATED" || s.isReturnLabel) throw new AppError("INVALID_TRANSITION", `This label is ${s.status.toLowerCase().replace(/_/g, " ")}; only a bought label that has not left can be voided.`, { status: s.status });
    if (s.manifestId) throw new AppError("INVALID_TRANSITION", "This label is on a manifest: the carrier has the parcel.", { manifestId: s.manifestId });
    // A cancelled order's label must be voided too (the money comes back from the carrier).
    if (f.status !== "PACKED" && f.status !== "CANCELLED") throw new AppError("INVALID_TRANSITION", `${f.number} has already been handed to the carrier.`, { status: f.status });
    await tx.shipment.update({ where: { id: s.id }, data: { status: "CANCELLED", voidedAt: ctx.now } });
    await afterFulfillmentChange(tx, f, "fulfillment.label_voided", `Label ${s.trackingNumber} of ${f.number} was voided.`, { ...ctx, db: tx }, { shipmentId: s.id });
    return s;
  });
  const carrier = requireCarrier(ctx, shipment.carrier);
  let answer: { cancelled: boolean; message: string | null };
  try {
    answer = await carrier.cancelShipment(shipment.carrierShipmentId ?? "");
  } catch (error) {
    answer = { cancelled: false, message: carrierErrorText(error) };
  }
  if (!answer.cancelled) {
    await ctx.db.shipment.updateMany({ where: { id: shipment.id, status: "CANCELLED" }, data: { status: "LABEL_CREATED", voidedAt: null, labelError: `The carrier did not void the label: ${answer.message ?? "no reason given"}` } });
    throw new AppError("UNAVAILABLE", `${carrier.name} did not void the label: ${answer.message ?? "no reason given"}. It is still valid.`, { retryable: true });
  }
  return { shipmentId: shipment.id, cancelled: true, message: answer.message };
}

/** The label file for printing: PDF (4 × 6 in) or ZPL for thermal printers. */
export async function labelDocument(rawInput: ShipmentRefInput & { format?: "PDF" | "ZPL" }, ctx: ShippingContext): Promise<{ contentType: string; data: Uint8Array; fileName: string; locationId: string }> {
  const input = parseInput(ShipmentRefInput, { shipmentId: rawInput.shipmentId });
  const s = await ctx.db.shipment.findUnique({ where: { id: input.shipmentId }, include: { fulfillmentOrder: { select: { number: true, locationId: true } } } });
  if (!s || !s.labelUrl || !s.carrierShipmentId) throw new AppError("NOT_FOUND", "That label does not exist or is not bought yet.", { shipmentId: input.shipmentId });
  const format = rawInput.format ?? s.labelFormat ?? "PDF";
  const carrier = requireCarrier(ctx, s.carrier);
  const doc = await carrier.labelDocument({ shipmentId: s.carrierShipmentId, labelUrl: s.labelUrl, labelFormat: format });
  return { ...doc, fileName: `${s.fulfillmentOrder.number}-${s.trackingNumber}.${format === "ZPL" ? "zpl" : "pdf"}`, locationId: s.fulfillmentOrder.locationId };
}
