import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorUserId } from "../shared/actor.ts";
import { nextNumber } from "../shared/counters.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertLocationExists, assertVariantExists } from "./lookups.ts";
import { CreatePurchaseOrderInput } from "./purchase-orders.ts";

/** A draft purchase order to a supplier for delivery to one location. Nothing moves yet. */
export async function createPurchaseOrder(rawInput: CreatePurchaseOrderInput, ctx: DomainContext) {
  const input = parseInput(CreatePurchaseOrderInput, rawInput);
  const seen = new Set<string>();
  for (const [index, line] of input.lines.entries()) {
    if (seen.has(line.variantId)) {
      throw new AppError("VALIDATION_FAILED", `lines.${index}.variantId: That item is on the order twice; add the quantities up on one line.`, {
        fields: [{ path: ["lines", index, "variantId"], message: "Already on the order" }],
      });
    }
    seen.add(line.variantId);
  }
  return withTransaction(ctx, async (tx) => {
    await assertLocationExists(tx, input.locationId);
    for (const line of input.lines) await assertVariantExists(tx, line.variantId);
    return tx.purchaseOrder.create({
      data: {
        number: await nextNumber(tx, "purchase-order", "PO-"),
        supplierName: input.supplierName,
        locationId: input.locationId,
        currency: input.currency,
        expectedAt: input.expectedAt,
        createdById: actorUserId(ctx.actor),
        createdAt: ctx.now,
        lines: { create: input.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, unitCost: l.unitCost })) },
      },
      include: { lines: true },
    });
  });
}
