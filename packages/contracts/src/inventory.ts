import { z } from "zod";

const quantity = z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(100_000);
const id = (what: string) => z.uuid({ message: `Choose a ${what}` });

export const AdjustmentReason = z.enum([
  "DAMAGED",
  "LOST",
  "FOUND",
  "CORRECTION",
  "THEFT",
  "EXPIRED",
  "COUNT_VARIANCE",
  "TRANSFER_DISCREPANCY",
]);
export type AdjustmentReason = z.infer<typeof AdjustmentReason>;

export const StockLine = z.object({ variantId: id("product variant"), quantity });

export const AvailabilityInput = z.object({
  variantIds: z.array(id("product variant")).min(1, "Ask for at least one variant").max(500),
  locationIds: z.array(id("location")).max(500).optional(),
});

export const ReserveStockInput = z.object({
  orderId: id("order").nullable().default(null),
  expiresAt: z.date().nullable().default(null),
  lines: z
    .array(StockLine.extend({ locationId: id("location"), fulfillmentOrderLineId: id("fulfillment line").nullable().default(null) }))
    .min(1, "Reserve at least one line")
    .max(500),
});
export type ReserveStockInput = z.input<typeof ReserveStockInput>;

export const ReceiveStockInput = z.object({
  locationId: id("location"),
  lines: z.array(StockLine).min(1, "Receive at least one line").max(1000),
  purchaseOrderId: id("purchase order").nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
export type ReceiveStockInput = z.input<typeof ReceiveStockInput>;

export const AdjustStockInput = z.object({
  locationId: id("location"),
  variantId: id("product variant"),
  /** Signed: negative removes units (damaged, lost), positive adds (found). */
  quantity: z.number().int("Quantities are whole units").refine((n) => n !== 0, "An adjustment changes at least one unit").refine((n) => Math.abs(n) <= 100_000, "That is more than one adjustment may change"),
  reason: AdjustmentReason,
  note: z.string().trim().max(500).nullable().default(null),
});
export type AdjustStockInput = z.input<typeof AdjustStockInput>;

export const RequestTransferInput = z
  .object({
    fromLocationId: id("location to send from"),
    toLocationId: id("location to send to"),
    lines: z.array(StockLine).min(1, "Transfer at least one line").max(1000),
    note: z.string().trim().max(500).nullable().default(null),
  })
  .refine((t) => t.fromLocationId !== t.toLocationId, { path: ["toLocationId"], message: "Send the transfer to another location" });
export type RequestTransferInput = z.input<typeof RequestTransferInput>;

export const ShipTransferInput = z.object({
  transferId: id("transfer"),
  /** Units actually shipped per variant; omitted: everything requested. */
  lines: z.array(z.object({ variantId: id("product variant"), quantity: z.number().int().min(0) })).optional(),
});
export type ShipTransferInput = z.input<typeof ShipTransferInput>;

export const ReceiveTransferInput = z.object({
  transferId: id("transfer"),
  /** Units actually received per variant; omitted: everything shipped. */
  lines: z.array(z.object({ variantId: id("product variant"), quantity: z.number().int().min(0) })).optional(),
  note: z.string().trim().max(500).nullable().default(null),
});
export type ReceiveTransferInput = z.input<typeof ReceiveTransferInput>;

export const StartCycleCountInput = z.object({
  locationId: id("location"),
  /** Variants to count; omitted: every variant stocked at the location. */
  variantIds: z.array(id("product variant")).max(5000).optional(),
});
export type StartCycleCountInput = z.input<typeof StartCycleCountInput>;

export const RecordCycleCountInput = z.object({
  cycleCountId: id("cycle count"),
  counts: z.array(z.object({ variantId: id("product variant"), counted: z.number().int().min(0, "A count cannot be negative").max(1_000_000) })).min(1).max(5000),
});
export type RecordCycleCountInput = z.input<typeof RecordCycleCountInput>;
