import { ReceiveStockInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertLocationExists } from "./lookups.ts";
import { changeOnHand, inventoryEvent, mergeStockLines, type LevelRow } from "./levels.ts";

/** Goods arrive (a delivery, a purchase order): on hand rises, the ledger records a receipt. */
export async function receiveStock(rawInput: ReceiveStockInput, ctx: DomainContext): Promise<LevelRow[]> {
  const input = parseInput(ReceiveStockInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      await assertLocationExists(tx, input.locationId);
      const levels: LevelRow[] = [];
      for (const line of mergeStockLines(input.lines.map((l) => ({ ...l, locationId: input.locationId })))) {
        levels.push(
          await changeOnHand(
            tx,
            {
              ...line,
              delta: line.quantity,
              kind: "RECEIPT",
              refs: { purchaseOrderId: input.purchaseOrderId, note: input.note },
            },
            ctx,
          ),
        );
      }
      await enqueueEvents(tx, levels.map(inventoryEvent));
      return levels;
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
