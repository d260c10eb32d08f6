import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { movePurchaseOrder, PurchaseOrderIdInput } from "./purchase-orders.ts";

/** The draft was sent to the supplier: it can now be received. */
export async function markPurchaseOrderOrdered(rawInput: PurchaseOrderIdInput, ctx: DomainContext) {
  const input = parseInput(PurchaseOrderIdInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    await movePurchaseOrder(tx, input.purchaseOrderId, "ORDERED");
    return tx.purchaseOrder.findUniqueOrThrow({ where: { id: input.purchaseOrderId }, include: { lines: true } });
  });
}

/** A draft or ordered purchase order will not come (nothing received yet). */
export async function cancelPurchaseOrder(rawInput: PurchaseOrderIdInput, ctx: DomainContext) {
  const input = parseInput(PurchaseOrderIdInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    await movePurchaseOrder(tx, input.purchaseOrderId, "CANCELLED");
    return tx.purchaseOrder.findUniqueOrThrow({ where: { id: input.purchaseOrderId }, include: { lines: true } });
  });
}
