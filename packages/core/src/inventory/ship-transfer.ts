import { AppError, ShipTransferInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { changeOnHand, inventoryEvent, type LevelRow } from "./levels.ts";
import { changeInTransit, moveTransfer } from "./transfers.ts";

/**
 * The sending location ships: its on hand drops (TRANSFER_OUT in the ledger) and the units
 * show as in transit at the receiving location until they are received.
 */
export async function shipTransfer(rawInput: ShipTransferInput, ctx: DomainContext) {
  const input = parseInput(ShipTransferInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const transfer = await moveTransfer(tx, input.transferId, "SHIPPED", { shippedAt: ctx.now });
      const shipped = new Map(transfer.lines.map((l) => [l.variantId, l.quantityRequested]));
      for (const line of input.lines ?? []) {
        if (!shipped.has(line.variantId)) {
          throw new AppError("VALIDATION_FAILED", "lines: That item is not on this transfer.", {
            fields: [{ path: ["lines"], message: "That item is not on this transfer" }],
          });
        }
        shipped.set(line.variantId, line.quantity);
      }
      if ([...shipped.values()].every((q) => q === 0)) {
        throw new AppError("VALIDATION_FAILED", "lines: Ship at least one unit, or cancel the transfer.", {
          fields: [{ path: ["lines"], message: "Ship at least one unit" }],
        });
      }
      const levels: LevelRow[] = [];
      for (const line of [...transfer.lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
        const quantity = shipped.get(line.variantId) ?? 0;
        await tx.transferLine.update({ where: { id: line.id }, data: { quantityShipped: quantity } });
        if (quantity === 0) continue;
        levels.push(
          await changeOnHand(
            tx,
            { variantId: line.variantId, locationId: transfer.fromLocationId, delta: -quantity, kind: "TRANSFER_OUT", refs: { transferId: transfer.id } },
            ctx,
          ),
        );
        levels.push(await changeInTransit(tx, line.variantId, transfer.toLocationId, quantity, ctx));
      }
      await enqueueEvents(tx, levels.map(inventoryEvent));
      return tx.transfer.findUniqueOrThrow({ where: { id: transfer.id }, include: { lines: true } });
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
