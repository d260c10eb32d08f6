import { AppError } from "@oms/contracts";
import type { Prisma, PurchaseOrderStatus } from "@oms/db";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";

export const ListPurchaseOrdersInput = z.object({
  locationId: z.uuid({ message: "Choose a location" }).optional(),
  status: z.array(z.enum(["DRAFT", "ORDERED", "PARTIALLY_RECEIVED", "RECEIVED", "CANCELLED"])).optional(),
  /** Orders with a line for this variant only. */
  variantId: z.uuid({ message: "Choose a product variant" }).optional(),
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListPurchaseOrdersInput = z.input<typeof ListPurchaseOrdersInput>;

export interface PurchaseOrderSummary {
  id: string;
  number: string;
  supplierName: string;
  status: PurchaseOrderStatus;
  currency: string;
  expectedAt: Date | null;
  createdAt: Date;
  location: { id: string; code: string; name: string };
  lineCount: number;
  unitsOrdered: number;
  unitsReceived: number;
  /** Σ quantity × unit cost, minor units of `currency`. */
  totalCost: number;
}

/** Purchase orders, newest first (cursor = the last order's id). */
export async function listPurchaseOrders(rawInput: ListPurchaseOrdersInput, ctx: Pick<DomainContext, "db">): Promise<{ items: PurchaseOrderSummary[]; nextCursor: string | null }> {
  const input = parseInput(ListPurchaseOrdersInput, rawInput);
  const where: Prisma.PurchaseOrderWhereInput = {
    ...(input.locationId ? { locationId: input.locationId } : {}),
    ...(input.status ? { status: { in: input.status } } : {}),
    ...(input.variantId ? { lines: { some: { variantId: input.variantId } } } : {}),
  };
  const rows = await ctx.db.purchaseOrder.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    include: { lines: true, location: { select: { id: true, code: true, name: true } } },
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map((po) => ({
      id: po.id,
      number: po.number,
      supplierName: po.supplierName,
      status: po.status,
      currency: po.currency,
      expectedAt: po.expectedAt,
      createdAt: po.createdAt,
      location: po.location,
      lineCount: po.lines.length,
      unitsOrdered: po.lines.reduce((n, l) => n + l.quantity, 0),
      unitsReceived: po.lines.reduce((n, l) => n + l.quantityReceived, 0),
      totalCost: po.lines.reduce((n, l) => n + l.quantity * l.unitCost, 0),
    })),
    nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
  };
}

/** One purchase order with its lines (SKU and names), by SKU. */
export async function getPurchaseOrder(rawInput: { purchaseOrderId: string }, ctx: Pick<DomainContext, "db">) {
  const input = parseInput(z.object({ purchaseOrderId: z.uuid({ message: "Choose a purchase order" }) }), rawInput);
  const po = await ctx.db.purchaseOrder.findUnique({
    where: { id: input.purchaseOrderId },
    include: { lines: true, location: { select: { id: true, code: true, name: true } } },
  });
  if (!po) throw new AppError("NOT_FOUND", "That purchase order does not exist.", { purchaseOrderId: input.purchaseOrderId });
  const variants = await ctx.db.variant.findMany({
    where: { id: { in: po.lines.map((l) => l.variantId) } },
    select: { id: true, sku: true, name: true, product: { select: { name: true } } },
  });
  const byId = new Map(variants.map((v) => [v.id, v]));
  const lines = po.lines
    .map((l) => {
      const v = byId.get(l.variantId);
      return { ...l, sku: v?.sku ?? "", variantName: v?.name ?? "", productName: v?.product.name ?? "", open: l.quantity - l.quantityReceived };
    })
    .sort((a, b) => a.sku.localeCompare(b.sku));
  return { ...po, lines, totalCost: po.lines.reduce((n, l) => n + l.quantity * l.unitCost, 0) };
}
export type PurchaseOrderDetail = Awaited<ReturnType<typeof getPurchaseOrder>>;
