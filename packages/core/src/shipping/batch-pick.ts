import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { startPicking } from "../fulfillment/index.ts";
import { assertHoldsClaim, recordPickCount } from "../pickup/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { BatchInput, ScanBatchItemInput } from "./schemas.ts";
import { benchInclude, carrierSettings, toShippingCards, type ShippingCard } from "./shipping-queue.ts";

export interface PickListItem {
  fulfillmentOrderId: string;
  number: string;
  fulfillmentOrderLineId: string;
  /** Units of this line to pick (not rejected). */
  quantity: number;
  quantityPicked: number;
}

/** One stop of the walk: a variant at its bin, with the orders that want it. */
export interface PickListEntry {
  variantId: string;
  bin: string | null;
  sku: string;
  name: string;
  barcodes: string[];
  quantity: number;
  quantityPicked: number;
  items: PickListItem[];
}

export interface BatchPickList {
  orders: ShippingCard[];
  /** Sorted by bin (no bin last), then SKU. */
  entries: PickListEntry[];
  complete: boolean;
}

const byBin = (a: { bin: string | null; sku: string }, b: { bin: string | null; sku: string }) =>
  a.bin === b.bin ? a.sku.localeCompare(b.sku) : a.bin === null ? 1 : b.bin === null ? -1 : a.bin.localeCompare(b.bin, "en", { numeric: true });

async function batchOrders(input: { locationId: string; fulfillmentOrderIds: string[] }, ctx: Pick<DomainContext, "db" | "now">): Promise<ShippingCard[]> {
  const location = await ctx.db.location.findUniqueOrThrow({ where: { id: input.locationId }, select: { id: true, timeZone: true } });
  const rows = await ctx.db.fulfillmentOrder.findMany({ where: { id: { in: input.fulfillmentOrderIds } }, include: benchInclude, orderBy: [{ createdAt: "asc" }, { number: "asc" }] });
  const foreign = rows.find((r) => r.locationId !== input.locationId || (r.type !== "SHIP" && r.type !== "DELIVERY"));
  if (foreign || rows.length !== new Set(input.fulfillmentOrderIds).size) {
    throw new AppError("VALIDATION_FAILED", "fulfillmentOrderIds: Every order of a batch must be a shipment or delivery of this location.", {
      fields: [{ path: ["fulfillmentOrderIds"], message: foreign ? `${foreign.number} is not shipped from here` : "Unknown order" }],
    });
  }
  const carriers = await carrierSettings(ctx.db, location, ctx.now);
  const cards = await toShippingCards(ctx.db, location, rows, carriers, ctx.now);
  return cards.sort((a, b) => (a.shipBy?.getTime() ?? Infinity) - (b.shipBy?.getTime() ?? Infinity) || a.number.localeCompare(b.number));
}

/** The batch's walk through the store: every line of the orders being picked, merged by item and bin. */
export async function batchPickList(rawInput: BatchInput, ctx: Pick<DomainContext, "db" | "now">): Promise<BatchPickList> {
  const input = parseInput(BatchInput, rawInput);
  const orders = await batchOrders(input, ctx);
  const entries = new Map<string, PickListEntry>();
  for (const order of orders) {
    if (order.status !== "PICKING") continue;
    for (const line of order.lines) {
      const quantity = line.quantity - line.quantityRejected;
      if (quantity <= 0) continue;
      const key = `${line.variantId}|${line.bin ?? ""}`;
      const entry = entries.get(key) ?? { variantId: line.variantId, bin: line.bin, sku: line.sku, name: line.name, barcodes: line.barcodes, quantity: 0, quantityPicked: 0, items: [] };
      entry.quantity += quantity;
      entry.quantityPicked += Math.min(line.quantityPicked, quantity);
      entry.items.push({ fulfillmentOrderId: order.id, number: order.number, fulfillmentOrderLineId: line.id, quantity, quantityPicked: line.quantityPicked });
      entries.set(key, entry);
    }
  }
  const list = [...entries.values()].sort(byBin);
  return { orders, entries: list, complete: list.length > 0 && list.every((e) => e.quantityPicked >= e.quantity) };
}

/**
 * Starts picking several orders at once: each NEW one goes to PICKING held by the caller
 * (fulfillment's startPicking also moves its pick task to them); one already being picked
 * must be free or the caller's (the pickup screen's claim). One transaction: all or none.
 */
export async function startBatchPick(rawInput: BatchInput, ctx: DomainContext): Promise<BatchPickList> {
  const input = parseInput(BatchInput, rawInput);
  if (ctx.actor.kind !== "USER") throw new AppError("FORBIDDEN", "Only a signed-in associate can pick.");
  const orders = await batchOrders(input, ctx);
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    for (const order of orders) {
      if (order.status === "NEW") await startPicking({ fulfillmentOrderId: order.id }, inner);
      else if (order.status === "PICKING") await assertHoldsClaim(order.id, inner);
      else {
        throw new AppError("INVALID_TRANSITION", `${order.number} is already ${order.status.toLowerCase().replace(/_/g, " ")}; take it out of the batch.`, {
          fields: [{ path: ["fulfillmentOrderIds"], message: `${order.number} is not to pick` }],
        });
      }
    }
  });
  return batchPickList(input, ctx);
}

export interface ScanResult {
  fulfillmentOrderId: string;
  number: string;
  fulfillmentOrderLineId: string;
  sku: string;
  name: string;
  quantity: number;
  quantityPicked: number;
  bin: string | null;
}

/**
 * One scan confirms one unit: the barcode (or SKU) names the item, and the unit goes to the
 * most urgent order of the batch that still needs it (pickup's recordPickCount, so the
 * claim and the limits are the same as on the pickup screen).
 */
export async function scanBatchItem(rawInput: ScanBatchItemInput, ctx: DomainContext): Promise<ScanResult> {
  const input = parseInput(ScanBatchItemInput, rawInput);
  const list = await batchPickList({ locationId: input.locationId, fulfillmentOrderIds: input.fulfillmentOrderIds }, ctx);
  const code = input.code.trim();
  const matches = list.entries.filter((e) => e.barcodes.includes(code) || e.sku.toLowerCase() === code.toLowerCase());
  if (matches.length === 0) {
    throw new AppError("VALIDATION_FAILED", `code: ${code} is not on this pick list. Check the item, or scan its shelf label.`, { fields: [{ path: ["code"], message: "Not in this batch" }] });
  }
  for (const entry of matches) {
    const item = entry.items.find((i) => i.quantityPicked < i.quantity);
    if (!item) continue;
    const counted = await recordPickCount({ fulfillmentOrderId: item.fulfillmentOrderId, fulfillmentOrderLineId: item.fulfillmentOrderLineId, quantityPicked: item.quantityPicked + 1 }, ctx);
    return { fulfillmentOrderId: item.fulfillmentOrderId, number: item.number, fulfillmentOrderLineId: item.fulfillmentOrderLineId, sku: entry.sku, name: entry.name, quantity: item.quantity, quantityPicked: counted.quantityPicked, bin: entry.bin };
  }
  const entry = matches[0]!;
  throw new AppError("VALIDATION_FAILED", `code: All ${entry.quantity} × ${entry.name} of this batch are already picked; put this one back.`, { fields: [{ path: ["code"], message: "Already picked" }] });
}
