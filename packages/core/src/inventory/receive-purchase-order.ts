import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { changeOnHand, inventoryEvent, type LevelRow } from "./levels.ts";
import { movePurchaseOrder, ReceivePurchaseOrderInput } from "./purchase-orders.ts";

/**
 * Goods of an ordered purchase order arrive, all or part: each line's received count rises
 * (never above what was ordered), on hand rises by a RECEIPT movement that names the order,
 * and the order becomes RECEIVED when every line is complete, PARTIALLY_RECEIVED otherwise.
 */
export async function receivePurchaseOrder(rawInput: ReceivePurchaseOrderInput, ctx: DomainContext) {
  const input = parseInput(ReceivePurchaseOrderInput, rawInput);
  if (input.lines.every((l) => l.quantity === 0)) {
    throw new AppError("VALIDATION_FAILED", "lines: Enter how many units arrived on at least one line.", { fields: [{ path: ["lines"], message: "Nothing received" }] });
  }
  try {
    return await withTransaction(ctx, async (tx) => {
      const po = await tx.purchaseOrder.findUnique({ where: { id: input.purchaseOrderId }, include: { lines: true } });
      if (!po) throw new AppError("NOT_FOUND", "That purchase order does not exist.", { purchaseOrderId: input.purchaseOrderId });
      if (po.status !== "ORDERED" && po.status !== "PARTIALLY_RECEIVED") {
        throw new AppError("INVALID_TRANSITION", `Purchase order ${po.number} is ${po.status.toLowerCase().replace("_", " ")}; only an ordered purchase order can be received.`, {
          from: po.status,
        });
      }
      const lineByVariant = new Map(po.lines.map((l) => [l.variantId, l]));
      const received = new Map<string, number>();
      for (const [index, entry] of input.lines.entries()) {
        const line = lineByVariant.get(entry.variantId);
        if (!line) {
          throw new AppError("VALIDATION_FAILED", `lines.${index}.variantId: That item is not on purchase order ${po.number}.`, {
            fields: [{ path: ["lines", index, "variantId"], message: "Not on this purchase order" }],
          });
        }
        const total = (received.get(line.id) ?? 0) + entry.quantity;
        const open = line.quantity - line.quantityReceived;
        if (total > open) {
          throw new AppError("VALIDATION_FAILED", `lines.${index}.quantity: Only ${open} of this item are still expected on ${po.number}; ${total} entered.`, {
            fields: [{ path: ["lines", index, "quantity"], message: `At most ${open}` }],
          });
        }
        received.set(line.id, total);
      }
      // Conditional on what was open when read: a concurrent receipt of the same line fails
      // here instead of receiving more than was ordered.
      for (const line of [...po.lines].sort((a, b) => a.id.localeCompare(b.id))) {
        const quantity = received.get(line.id) ?? 0;
        if (quantity === 0) continue;
        const moved = await tx.purchaseOrderLine.updateMany({
          where: { id: line.id, quantityReceived: line.quantityReceived },
          data: { quantityReceived: { increment: quantity } },
        });
        if (moved.count === 0) throw new AppError("CONFLICT", `Purchase order ${po.number} was received by someone else just now. Reload and try again.`);
      }
      const levels: LevelRow[] = [];
      for (const line of [...po.lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
        const quantity = received.get(line.id) ?? 0;
        if (quantity === 0) continue;
        levels.push(
          await changeOnHand(tx, { variantId: line.variantId, locationId: po.locationId, delta: quantity, kind: "RECEIPT", refs: { purchaseOrderId: po.id, note: input.note } }, ctx),
        );
      }
      const complete = po.lines.every((l) => l.quantityReceived + (received.get(l.id) ?? 0) >= l.quantity);
      await movePurchaseOrder(tx, po.id, complete ? "RECEIVED" : "PARTIALLY_RECEIVED");
      await enqueueEvents(tx, levels.map(inventoryEvent));
      return tx.purchaseOrder.findUniqueOrThrow({ where: { id: po.id }, include: { lines: true } });
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
