import { AdjustStockInput, AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertLocationExists, assertVariantExists } from "./lookups.ts";
import { changeOnHand, inventoryEvent, type LevelRow } from "./levels.ts";

const removes = new Set(["DAMAGED", "LOST", "THEFT", "EXPIRED"]);

/**
 * Corrects on hand with a reason code. Damaged, lost, stolen and expired goods can only
 * go down; found goods only up. Reserved units cannot be adjusted away: release or
 * re-route the order first.
 */
export async function adjustStock(rawInput: AdjustStockInput, ctx: DomainContext): Promise<LevelRow> {
  const input = parseInput(AdjustStockInput, rawInput);
  if (removes.has(input.reason) && input.quantity > 0) {
    throw new AppError("VALIDATION_FAILED", `quantity: A ${input.reason.toLowerCase()} adjustment removes units; enter a negative number.`, {
      fields: [{ path: ["quantity"], message: "Enter a negative number" }],
    });
  }
  if (input.reason === "FOUND" && input.quantity < 0) {
    throw new AppError("VALIDATION_FAILED", "quantity: Found goods add units; enter a positive number.", {
      fields: [{ path: ["quantity"], message: "Enter a positive number" }],
    });
  }
  try {
    return await withTransaction(ctx, async (tx) => {
      await assertLocationExists(tx, input.locationId);
      await assertVariantExists(tx, input.variantId);
      const level = await changeOnHand(
        tx,
        {
          variantId: input.variantId,
          locationId: input.locationId,
          delta: input.quantity,
          kind: "ADJUSTMENT",
          refs: { reason: input.reason, note: input.note },
        },
        ctx,
      );
      await enqueueEvents(tx, [inventoryEvent(level)]);
      return level;
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
