import type { FulfillmentStatus } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import { pickupCardInclude, startOfLocalDay, toPickupCards, type PickupCard } from "../pickup/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { cutoffOn, shipByFor } from "./cutoff.ts";
import { ShippingQueueInput } from "./schemas.ts";

/** The bench's columns: to pick, being picked, packed (labels, hand-over), shipped today, problems today. */
export type ShippingGroup = "new" | "picking" | "packed" | "shipped" | "problems";
export const shippingGroups: readonly ShippingGroup[] = ["new", "picking", "packed", "shipped", "problems"];

export function shippingGroupOf(status: FulfillmentStatus): ShippingGroup {
  switch (status) {
    case "NEW":
      return "new";
    case "PICKING":
      return "picking";
    case "PACKED":
      return "packed";
    case "SHIPPED":
    case "DELIVERED":
      return "shipped";
    default:
      return "problems";
  }
}

export interface CarrierSetting {
  carrier: string;
  defaultService: string;
  cutoffTime: string;
  labelFormat: "PDF" | "ZPL";
  /** Today's cut-off in the location's time zone, as an instant. */
  cutoffToday: Date;
}

export interface BenchParcel {
  id: string;
  sequence: number;
  boxId: string | null;
  boxName: string | null;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightGrams: number;
}

export interface BenchShipment {
  id: string;
  parcelId: string | null;
  carrier: string;
  service: string | null;
  status: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  labelFormat: "PDF" | "ZPL" | null;
  labelAmount: number | null;
  labelCurrency: string | null;
  labelError: string | null;
  manifestId: string | null;
  weightGrams: number | null;
  createdAt: Date;
}

export interface ShippingCard extends Omit<PickupCard, "group"> {
  type: "SHIP" | "DELIVERY";
  shippingGroup: ShippingGroup;
  /** The collection this order should leave with (the carrier's cut-off after it arrived). */
  shipBy: Date | null;
  carrier: string | null;
  shipTo: { name: string; line1: string; line2: string | null; postalCode: string; city: string; countryCode: string; phone: string | null } | null;
  parcels: BenchParcel[];
  /** Labels bought or being bought (voided ones are left out). */
  shipments: BenchShipment[];
  shippedAt: Date | null;
}

export interface ShippingQueue {
  location: { id: string; name: string; timeZone: string; locale: string; currency: string };
  now: Date;
  carriers: CarrierSetting[];
  counts: Record<ShippingGroup, number>;
  groups: Record<ShippingGroup, ShippingCard[]>;
}

const benchInclude = {
  ...pickupCardInclude,
  order: { select: { ...pickupCardInclude.order.select, shippingAddress: true, placedAt: true } },
  parcels: { orderBy: { sequence: "asc" }, include: { box: { select: { name: true } } } },
  shipments: { where: { isReturnLabel: false, status: { not: "CANCELLED" } }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.FulfillmentOrderInclude;
export type BenchRow = Prisma.FulfillmentOrderGetPayload<{ include: typeof benchInclude }>;
export { benchInclude };

/** The carriers a location ships with, with today's cut-off. */
export async function carrierSettings(db: Tx, location: { id: string; timeZone: string }, now: Date): Promise<CarrierSetting[]> {
  const rows = await db.locationCarrier.findMany({ where: { locationId: location.id, active: true }, orderBy: [{ cutoffTime: "asc" }, { carrier: "asc" }] });
  return rows.map((r) => ({ carrier: r.carrier, defaultService: r.defaultService, cutoffTime: r.cutoffTime, labelFormat: r.labelFormat, cutoffToday: cutoffOn(now, r.cutoffTime, location.timeZone) }));
}

function address(value: unknown): ShippingCard["shipTo"] {
  if (!value || typeof value !== "object") return null;
  const a = value as Record<string, unknown>;
  const s = (k: string) => (typeof a[k] === "string" ? (a[k] as string) : "");
  return { name: s("name"), line1: s("line1"), line2: s("line2") || null, postalCode: s("postalCode"), city: s("city"), countryCode: s("countryCode"), phone: s("phone") || null };
}

/** Cards for bench rows: the pickup card (lines by bin, barcodes, claim) plus the shipping facts. */
export async function toShippingCards(db: Tx, location: { id: string; timeZone: string }, rows: BenchRow[], carriers: CarrierSetting[], now: Date): Promise<ShippingCard[]> {
  const base = await toPickupCards(db, location.id, rows, now);
  const primary = carriers[0] ?? null;
  return rows.map((r, i) => {
    const { group: _group, ...card } = base[i]!;
    const carrier = r.shipments[0]?.carrier ?? primary?.carrier ?? null;
    const setting = carriers.find((c) => c.carrier === carrier) ?? primary;
    const shipBy = setting ? shipByFor(r.createdAt, setting.cutoffTime, location.timeZone) : r.promisedAt;
    const open = r.status === "NEW" || r.status === "PICKING" || r.status === "PACKED";
    const due = [shipBy, r.promisedAt].filter((d): d is Date => d !== null).map((d) => d.getTime());
    return {
      ...card,
      type: r.type as "SHIP" | "DELIVERY",
      shippingGroup: shippingGroupOf(r.status),
      shipBy,
      late: open && due.length > 0 && Math.min(...due) < now.getTime(),
      carrier,
      shipTo: address(r.order.shippingAddress),
      parcels: r.parcels.map((p) => ({ id: p.id, sequence: p.sequence, boxId: p.boxId, boxName: p.box?.name ?? null, lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm, weightGrams: p.weightGrams })),
      shipments: r.shipments.map((s) => ({
        id: s.id,
        parcelId: s.parcelId,
        carrier: s.carrier,
        service: s.service,
        status: s.status,
        trackingNumber: s.trackingNumber,
        trackingUrl: s.trackingUrl,
        labelFormat: s.labelFormat,
        labelAmount: s.labelAmount,
        labelCurrency: s.labelCurrency,
        labelError: s.labelError,
        manifestId: s.manifestId,
        weightGrams: s.weightGrams,
        createdAt: s.createdAt,
      })),
      shippedAt: r.shippedAt,
    };
  });
}

/**
 * The packing bench's board: this location's SHIP and DELIVERY orders still to pick, pack
 * or hand over, most urgent (earliest ship-by) first, plus what shipped or failed today.
 */
export async function shippingQueue(rawInput: ShippingQueueInput & { now?: Date }, ctx: { db: Tx; now: Date }): Promise<ShippingQueue> {
  const input = parseInput(ShippingQueueInput, { locationId: rawInput.locationId });
  const now = rawInput.now ?? ctx.now;
  const location = await ctx.db.location.findUniqueOrThrow({ where: { id: input.locationId }, select: { id: true, name: true, timeZone: true, locale: true, currency: true } });
  const today = startOfLocalDay(now, location.timeZone);
  const carriers = await carrierSettings(ctx.db, location, now);
  const rows = await ctx.db.fulfillmentOrder.findMany({
    where: {
      locationId: location.id,
      type: { in: ["SHIP", "DELIVERY"] },
      OR: [
        { status: { in: ["NEW", "PICKING", "PACKED"] } },
        { status: { in: ["SHIPPED", "DELIVERED", "REJECTED", "CANCELLED"] }, updatedAt: { gte: today } },
        // Cancelled with a label still valid: it stays until someone voids it.
        { status: "CANCELLED", shipments: { some: { isReturnLabel: false, status: "LABEL_CREATED" } } },
      ],
    },
    include: benchInclude,
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
    take: 500,
  });
  const cards = await toShippingCards(ctx.db, location, rows, carriers, now);
  const groups = Object.fromEntries(shippingGroups.map((g) => [g, [] as ShippingCard[]])) as Record<ShippingGroup, ShippingCard[]>;
  for (const card of cards) groups[card.shippingGroup].push(card);
  for (const g of ["new", "picking", "packed"] as const) groups[g].sort((a, b) => (a.shipBy?.getTime() ?? Infinity) - (b.shipBy?.getTime() ?? Infinity) || a.number.localeCompare(b.number));
  groups.shipped.sort((a, b) => (b.shippedAt?.getTime() ?? 0) - (a.shippedAt?.getTime() ?? 0));
  const counts = Object.fromEntries(shippingGroups.map((g) => [g, groups[g].length])) as Record<ShippingGroup, number>;
  return { location, now, carriers, counts, groups };
}
