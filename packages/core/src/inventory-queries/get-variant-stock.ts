import { AppError } from "@oms/contracts";
import type { LocationKind } from "@oms/db";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { availableToPromise } from "../inventory/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { isLowStock } from "./inventory-table.ts";
import { daysOfCover } from "./sales-velocity.ts";

export const VariantIdInput = z.object({ variantId: z.uuid({ message: "Choose a product variant" }) });
export type VariantIdInput = z.input<typeof VariantIdInput>;

export interface VariantLocationStock {
  locationId: string;
  locationCode: string;
  locationName: string;
  locationKind: LocationKind;
  /** null: the variant was never stocked here (all quantities 0). */
  levelId: string | null;
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
  safetyStock: number;
  reorderPoint: number;
  bin: string | null;
  soldPerDay: number;
  daysOfCover: number | null;
  low: boolean;
}

/**
 * One variant across every active location (locations that never stocked it show zeros,
 * so stock can be received or transferred there), with network totals.
 */
export async function getVariantStock(rawInput: VariantIdInput, ctx: Pick<DomainContext, "db"> & { now?: Date }) {
  const input = parseInput(VariantIdInput, rawInput);
  const variant = await ctx.db.variant.findUnique({
    where: { id: input.variantId },
    select: {
      id: true,
      sku: true,
      name: true,
      active: true,
      barcodes: { select: { code: true }, orderBy: { code: "asc" } },
      product: { select: { name: true, brand: true, category: { select: { id: true, name: true } } } },
    },
  });
  if (!variant) throw new AppError("NOT_FOUND", "That product variant does not exist.", { variantId: input.variantId });
  const levels = await ctx.db.inventoryLevel.findMany({ where: { variantId: variant.id } });
  const locations = await ctx.db.location.findMany({
    where: { OR: [{ active: true }, { id: { in: levels.map((l) => l.locationId) } }] },
    select: { id: true, code: true, name: true, kind: true },
    orderBy: { name: "asc" },
  });
  const byLocation = new Map(levels.map((l) => [l.locationId, l]));
  const rows: VariantLocationStock[] = locations.map((loc) => {
    const level = byLocation.get(loc.id);
    const q = level ?? { onHand: 0, reserved: 0, safetyStock: 0, reorderPoint: 0, inTransit: 0, bin: null, soldPerDay: 0 };
    const perDay = q.soldPerDay;
    return {
      locationId: loc.id,
      locationCode: loc.code,
      locationName: loc.name,
      locationKind: loc.kind,
      levelId: level?.id ?? null,
      onHand: q.onHand,
      reserved: q.reserved,
      available: availableToPromise(q),
      inTransit: q.inTransit,
      safetyStock: q.safetyStock,
      reorderPoint: q.reorderPoint,
      bin: q.bin,
      soldPerDay: Math.round(perDay * 100) / 100,
      daysOfCover: daysOfCover(q.onHand, perDay),
      low: level ? isLowStock(q) : false,
    };
  });
  // Transfers of this item still on their way (requested or shipped), e.g. drafts accepted from the forecast.
  const transfers = await ctx.db.transfer.findMany({
    where: { status: { in: ["REQUESTED", "SHIPPED"] }, lines: { some: { variantId: variant.id } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true,
      number: true,
      status: true,
      note: true,
      createdAt: true,
      fromLocation: { select: { name: true } },
      toLocation: { select: { name: true } },
      lines: { where: { variantId: variant.id }, select: { quantityRequested: true, quantityShipped: true } },
    },
  });
  const sum = (pick: (r: VariantLocationStock) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const soldPerDay = sum((r) => r.soldPerDay);
  return {
    variant: {
      id: variant.id,
      sku: variant.sku,
      name: variant.name,
      active: variant.active,
      productName: variant.product.name,
      brand: variant.product.brand,
      category: variant.product.category,
      barcodes: variant.barcodes.map((b) => b.code),
    },
    locations: rows,
    openTransfers: transfers.map((t) => ({
      id: t.id,
      number: t.number,
      status: t.status as "REQUESTED" | "SHIPPED",
      note: t.note,
      createdAt: t.createdAt,
      fromLocationName: t.fromLocation.name,
      toLocationName: t.toLocation.name,
      quantity: t.status === "SHIPPED" ? (t.lines[0]?.quantityShipped ?? 0) : (t.lines[0]?.quantityRequested ?? 0),
    })),
    totals: {
      onHand: sum((r) => r.onHand),
      reserved: sum((r) => r.reserved),
      available: sum((r) => r.available),
      inTransit: sum((r) => r.inTransit),
      soldPerDay: Math.round(soldPerDay * 100) / 100,
      daysOfCover: daysOfCover(sum((r) => r.onHand), soldPerDay),
    },
  };
}
export type VariantStock = Awaited<ReturnType<typeof getVariantStock>>;
