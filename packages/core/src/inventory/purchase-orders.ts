import { AppError } from "@oms/contracts";
import type { PurchaseOrderStatus, Tx } from "@oms/db";
import { z } from "zod";

/** Allowed purchase order transitions: the one table the purchase order commands consult. */
export const purchaseOrderTransitions: Record<PurchaseOrderStatus, PurchaseOrderStatus[]> = {
  DRAFT: ["ORDERED", "CANCELLED"],
  ORDERED: ["PARTIALLY_RECEIVED", "RECEIVED", "CANCELLED"],
  PARTIALLY_RECEIVED: ["PARTIALLY_RECEIVED", "RECEIVED"],
  RECEIVED: [],
  CANCELLED: [],
};

const id = (what: string) => z.uuid({ message: `Choose a ${what}` });

export const CreatePurchaseOrderInput = z.object({
  locationId: id("location to deliver to"),
  supplierName: z.string().trim().min(1, "Enter the supplier").max(200),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Enter a three-letter currency code"),
  expectedAt: z.date().nullable().default(null),
  lines: z
    .array(
      z.object({
        variantId: id("product variant"),
        quantity: z.number().int("Quantities are whole units").positive("Order at least 1 unit").max(1_000_000),
        /** Minor units of the order's currency. */
        unitCost: z.number().int("Costs are whole minor units").min(0, "A cost cannot be negative").max(100_000_000),
      }),
    )
    .min(1, "Order at least one item")
    .max(1000),
});
export type CreatePurchaseOrderInput = z.input<typeof CreatePurchaseOrderInput>;

export const PurchaseOrderIdInput = z.object({ purchaseOrderId: id("purchase order") });
export type PurchaseOrderIdInput = z.input<typeof PurchaseOrderIdInput>;

export const ReceivePurchaseOrderInput = z.object({
  purchaseOrderId: id("purchase order"),
  /** Units arriving now per variant (0 or omitted: nothing of that line this time). */
  lines: z
    .array(z.object({ variantId: id("product variant"), quantity: z.number().int("Quantities are whole units").min(0, "A quantity cannot be negative").max(1_000_000) }))
    .min(1, "Receive at least one line")
    .max(1000),
  note: z.string().trim().max(500).nullable().default(null),
});
export type ReceivePurchaseOrderInput = z.input<typeof ReceivePurchaseOrderInput>;

/** Moves a purchase order on, atomically from the status it was read in; a stale status fails. */
export async function movePurchaseOrder(tx: Tx, purchaseOrderId: string, to: PurchaseOrderStatus) {
  const po = await tx.purchaseOrder.findUnique({ where: { id: purchaseOrderId }, include: { lines: true } });
  if (!po) throw new AppError("NOT_FOUND", "That purchase order does not exist.", { purchaseOrderId });
  if (!purchaseOrderTransitions[po.status].includes(to)) {
    throw new AppError("INVALID_TRANSITION", `Purchase order ${po.number} is ${po.status.toLowerCase().replace("_", " ")}; it cannot become ${to.toLowerCase().replace("_", " ")}.`, {
      from: po.status,
      to,
    });
  }
  const moved = await tx.purchaseOrder.updateMany({ where: { id: po.id, status: po.status }, data: { status: to } });
  if (moved.count === 0) throw new AppError("CONFLICT", `Purchase order ${po.number} was changed by someone else. Reload and try again.`);
  return po;
}
