import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { afterFulfillmentChange, commitFulfillmentStock, lockFulfillment, transitionFulfillment } from "../fulfillment/index.ts";
import { closeTasks } from "../orders/tasks.ts";
import { parseInput } from "../shared/parse-input.ts";
import { carrierErrorText, requireCarrier, type ShippingContext } from "./carrier-port.ts";
import { CloseManifestInput, FulfillmentRefInput, ManifestListInput, ManifestRefInput } from "./schemas.ts";

/**
 * PACKED → SHIPPED inside the caller's transaction: every parcel has a bought label; the
 * labels are in transit, the reserved units leave the location's stock (SHIPMENT), a late
 * shipment task is done, and the timeline, live event and order status follow.
 */
async function shipPacked(tx: Tx, fulfillmentOrderId: string, ctx: DomainContext): Promise<{ fulfillmentOrderId: string; trackingNumbers: string[] }> {
  const inner: DomainContext = { ...ctx, db: tx };
  const f = await lockFulfillment(tx, fulfillmentOrderId);
  if (f.type !== "SHIP" && f.type !== "DELIVERY") throw new AppError("INVALID_TRANSITION", `${f.number} is collected in the store; it cannot be shipped.`, { type: f.type });
  const parcels = await tx.parcel.findMany({ where: { fulfillmentOrderId: f.id }, include: { shipments: { where: { isReturnLabel: false, status: "LABEL_CREATED" } } } });
  const unlabelled = parcels.filter((p) => p.shipments.length === 0);
  if (parcels.length === 0 || unlabelled.length > 0) {
    throw new AppError("INVALID_TRANSITION", `${f.number}: buy a label for ${parcels.length === 0 ? "its parcel" : `parcel ${unlabelled.map((p) => p.sequence).join(", ")}`} before handing it over.`, { status: f.status });
  }
  await transitionFulfillment(tx, f, "SHIPPED", ctx);
  const shipments = parcels.map((p) => p.shipments[0]!);
  await tx.shipment.updateMany({ where: { id: { in: shipments.map((s) => s.id) } }, data: { status: "IN_TRANSIT", shippedAt: ctx.now } });
  await commitFulfillmentStock(f, "SHIPMENT", inner);
  await closeTasks(tx, { fulfillmentOrderId: f.id, kind: "LATE_SHIPMENT" }, "DONE", "Shipped.", ctx);
  const trackingNumbers = shipments.map((s) => s.trackingNumber!);
  const carrier = shipments[0]!.carrier;
  await afterFulfillmentChange(tx, f, "fulfillment.shipped", `${f.number} shipped with ${carrier}, tracking ${trackingNumbers.join(", ")}.`, inner, {
    shipmentIds: shipments.map((s) => s.id),
    carrier,
    trackingNumbers,
  });
  return { fulfillmentOrderId: f.id, trackingNumbers };
}

/** Handed to the carrier now (a courier collecting one order): PACKED → SHIPPED. */
export async function shipFulfillment(rawInput: FulfillmentRefInput, ctx: DomainContext): Promise<{ fulfillmentOrderId: string; status: "SHIPPED"; trackingNumbers: string[] }> {
  const input = parseInput(FulfillmentRefInput, rawInput);
  const done = await withTransaction(ctx, (tx) => shipPacked(tx, input.fulfillmentOrderId, ctx));
  return { ...done, status: "SHIPPED" };
}

export interface ManifestSummary {
  id: string;
  carrier: string;
  status: "PENDING" | "CLOSED";
  carrierManifestId: string | null;
  documentUrl: string | null;
  shipDate: Date;
  closedAt: Date | null;
  shipments: { id: string; trackingNumber: string | null; fulfillmentOrderId: string; number: string; weightGrams: number | null }[];
}

const manifestInclude = { shipments: { orderBy: { createdAt: "asc" }, include: { fulfillmentOrder: { select: { number: true } } } } } as const;

function summary(m: { id: string; carrier: string; status: "PENDING" | "CLOSED"; carrierManifestId: string | null; documentUrl: string | null; shipDate: Date; closedAt: Date | null; shipments: { id: string; trackingNumber: string | null; fulfillmentOrderId: string; weightGrams: number | null; fulfillmentOrder: { number: string } }[] }): ManifestSummary {
  return {
    id: m.id,
    carrier: m.carrier,
    status: m.status,
    carrierManifestId: m.carrierManifestId,
    documentUrl: m.documentUrl,
    shipDate: m.shipDate,
    closedAt: m.closedAt,
    shipments: m.shipments.map((s) => ({ id: s.id, trackingNumber: s.trackingNumber, fulfillmentOrderId: s.fulfillmentOrderId, number: s.fulfillmentOrder.number, weightGrams: s.weightGrams })),
  };
}

/**
 * The end-of-day close for one carrier at one location: every label bought since the last
 * close (its order packed with all labels, or already handed over) goes on one manifest,
 * and packed orders are shipped with it. Like buying a label, the carrier is called between
 * two transactions:
 * 1. (under a per-location-and-carrier advisory lock) a PENDING manifest claims the labels,
 *    or the PENDING one a crashed close left is taken again;
 * 2. the carrier closes its manifest (the simulated one answers the same labels with the
 *    same manifest id);
 * 3. the manifest is CLOSED with the carrier's id and the packed orders become SHIPPED.
 * If the carrier fails, the labels are given back (they stay voidable) and the error shown.
 */
export async function closeManifest(rawInput: CloseManifestInput, ctx: ShippingContext): Promise<ManifestSummary> {
  const input = parseInput(CloseManifestInput, rawInput);
  const carrier = requireCarrier(ctx, input.carrier);
  const location = await ctx.db.location.findUnique({ where: { id: input.locationId }, select: { id: true, name: true, addressLine1: true, addressLine2: true, city: true, postalCode: true, region: true, countryCode: true, phone: true, email: true } });
  if (!location) throw new AppError("NOT_FOUND", "That location does not exist.", { locationId: input.locationId });

  const manifest = await withTransaction(ctx, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`manifest:${location.id}:${carrier.code}`}))`;
    const pending = await tx.carrierManifest.findFirst({ where: { locationId: location.id, carrier: carrier.code, status: "PENDING" }, include: manifestInclude });
    if (pending) return pending;
    const candidates = await tx.shipment.findMany({
      where: {
        carrier: carrier.code,
        isReturnLabel: false,
        manifestId: null,
        status: { in: ["LABEL_CREATED", "IN_TRANSIT"] },
        fulfillmentOrder: { locationId: location.id, status: { in: ["PACKED", "SHIPPED"] } },
      },
      include: { fulfillmentOrder: { select: { id: true, status: true, parcels: { select: { id: true, shipments: { where: { isReturnLabel: false, status: "LABEL_CREATED" }, select: { id: true } } } } } } },
    });
    // A packed order goes only when every one of its parcels has a label.
    const ready = candidates.filter((s) => s.fulfillmentOrder.status === "SHIPPED" ? s.status === "IN_TRANSIT" : s.fulfillmentOrder.parcels.every((p) => p.shipments.length > 0));
    if (ready.length === 0) {
      throw new AppError("VALIDATION_FAILED", `carrier: No ${carrier.name} parcels are waiting to be handed over at ${location.name}.`, { fields: [{ path: ["carrier"], message: "Nothing to close" }] });
    }
    const created = await tx.carrierManifest.create({ data: { locationId: location.id, carrier: carrier.code, shipDate: ctx.now, closedById: ctx.actor.kind === "USER" ? ctx.actor.user.id : null, createdAt: ctx.now } });
    await tx.shipment.updateMany({ where: { id: { in: ready.map((s) => s.id) }, manifestId: null }, data: { manifestId: created.id } });
    return tx.carrierManifest.findUniqueOrThrow({ where: { id: created.id }, include: manifestInclude });
  });

  const carrierIds = (await ctx.db.shipment.findMany({ where: { manifestId: manifest.id }, select: { carrierShipmentId: true } })).map((s) => s.carrierShipmentId!).filter(Boolean);
  let answer: { manifestId: string; documentUrl: string | null };
  try {
    answer = await carrier.closeManifest({
      from: { name: location.name, line1: location.addressLine1, line2: location.addressLine2, city: location.city, postalCode: location.postalCode, region: location.region, countryCode: location.countryCode, phone: location.phone, email: location.email },
      shipmentIds: carrierIds,
      shipDate: manifest.shipDate,
    });
  } catch (error) {
    await withTransaction(ctx, async (tx) => {
      await tx.shipment.updateMany({ where: { manifestId: manifest.id }, data: { manifestId: null } });
      await tx.carrierManifest.deleteMany({ where: { id: manifest.id, status: "PENDING" } });
    });
    throw new AppError("UNAVAILABLE", `${carrier.name} did not take the manifest: ${carrierErrorText(error)} Nothing was handed over; try again.`, { retryable: true });
  }

  const closed = await withTransaction(ctx, async (tx) => {
    const m = await tx.carrierManifest.findUniqueOrThrow({ where: { id: manifest.id }, include: { shipments: { select: { fulfillmentOrderId: true, fulfillmentOrder: { select: { status: true } } } } } });
    if (m.status === "PENDING") {
      await tx.carrierManifest.update({ where: { id: m.id }, data: { status: "CLOSED", carrierManifestId: answer.manifestId, documentUrl: answer.documentUrl, closedAt: ctx.now } });
      const toShip = [...new Set(m.shipments.filter((s) => s.fulfillmentOrder.status === "PACKED").map((s) => s.fulfillmentOrderId))];
      for (const id of toShip) await shipPacked(tx, id, ctx);
    }
    return tx.carrierManifest.findUniqueOrThrow({ where: { id: m.id }, include: manifestInclude });
  });
  return summary(closed);
}

/** Recent manifests of a location, newest first. */
export async function listManifests(rawInput: ManifestListInput, ctx: Pick<DomainContext, "db">): Promise<ManifestSummary[]> {
  const input = parseInput(ManifestListInput, rawInput);
  const rows = await ctx.db.carrierManifest.findMany({ where: { locationId: input.locationId }, orderBy: { createdAt: "desc" }, take: input.take, include: manifestInclude });
  return rows.map(summary);
}

export async function getManifest(rawInput: ManifestRefInput, ctx: Pick<DomainContext, "db">): Promise<ManifestSummary & { locationId: string }> {
  const input = parseInput(ManifestRefInput, rawInput);
  const m = await ctx.db.carrierManifest.findUnique({ where: { id: input.manifestId }, include: manifestInclude });
  if (!m) throw new AppError("NOT_FOUND", "That manifest does not exist.", { manifestId: input.manifestId });
  return { ...summary(m), locationId: m.locationId };
}
