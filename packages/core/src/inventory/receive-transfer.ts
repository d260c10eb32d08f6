import { AppError, ReceiveTransferInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { changeOnHand, inventoryEvent, type LevelRow } from "./levels.ts";
import { changeInTransit, moveTransfer } from "./transfers.ts";

export interface TransferDiscrepancy {
  variantId: string;
  shipped: number;
  received: number;
  /** received − shipped: negative = missing, positive = more arrived than was sent. */
  difference: number;
}

/**
 * The receiving location counts what arrived: in transit drops by what was shipped, on
 * hand rises by what was counted (TRANSFER_IN), and any difference is returned and kept on
 * the transfer lines (shipped vs received) for follow-up.
 */
export async function receiveTransfer(rawInput: ReceiveTransferInput, ctx: DomainContext) {
  const input = parseInput(ReceiveTransferInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const transfer = await moveTransfer(tx, input.transferId, "RECEIVED", { receivedAt: ctx.now, note: input.note ?? undefined });
      const received = new Map(transfer.lines.map((l) => [l.variantId, l.quantityShipped]));
      for (const line of input.lines ?? []) {
        if (!received.has(line.variantId)) {
          throw new AppError("VALIDATION_FAILED", "lines: That item is not on this transfer.", {
            fields: [{ path: ["lines"], message: "That item is not on this transfer" }],
          });
        }
        received.set(line.variantId, line.quantity);
      }
      const levels: LevelRow[] = [];
      const discrepancies: TransferDiscrepancy[] = [];
      for (const line of [...transfer.lines].sort((a, b) => a.variantId.localeCompare(b.variantId))) {
        const quantity = received.get(line.variantId) ?? 0;
        await tx.transferLine.update({ where: { id: line.id }, data: { quantityReceived: quantity } });
        if (line.quantityShipped > 0) await changeInTransit(tx, line.variantId, transfer.toLocationId, -line.quantityShipped, ctx);
        if (quantity > 0) {
          levels.push(
            await changeOnHand(
              tx,
              { variantId: line.variantId, locationId: transfer.toLocationId, delta: quantity, kind: "TRANSFER_IN", refs: { transferId: transfer.id, note: input.note } },
              ctx,
            ),
          );
        }
        if (quantity !== line.quantityShipped) {
          discrepancies.push({ variantId: line.variantId, shipped: line.quantityShipped, received: quantity, difference: quantity - line.quantityShipped });
        }
      }
      await enqueueEvents(tx, levels.map(inventoryEvent));
      const updated = await tx.transfer.findUniqueOrThrow({ where: { id: transfer.id }, include: { lines: true } });
      return { transfer: updated, discrepancies };
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
