import { ReserveStockInput } from "@oms/contracts";
import type { Reservation } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { failNotEnough, inventoryEvent, mergeStockLines, type LevelRow } from "./levels.ts";

/**
 * Reserves every line or none. Each (location, variant) is claimed with one conditional
 * UPDATE, taken in a fixed order so two orders never deadlock; the WHERE clause re-checks
 * availability under the row lock, so concurrent reservations can never oversell.
 */
export async function reserveStock(rawInput: ReserveStockInput, ctx: DomainContext): Promise<Reservation[]> {
  const input = parseInput(ReserveStockInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const levels: LevelRow[] = [];
      for (const line of mergeStockLines(input.lines)) {
        const rows = await tx.$queryRaw<LevelRow[]>`
          UPDATE "InventoryLevel"
          SET "reserved" = "reserved" + ${line.quantity}, "updatedAt" = ${ctx.now}
          WHERE "variantId" = ${line.variantId}::uuid AND "locationId" = ${line.locationId}::uuid
            AND "onHand" - "reserved" - "safetyStock" >= ${line.quantity}
          RETURNING "id", "variantId", "locationId", "onHand", "reserved", "safetyStock", "inTransit"`;
        if (rows.length === 0) await failNotEnough(tx, line.variantId, line.locationId, line.quantity, "reserve");
        levels.push(rows[0]!);
      }
      const reservations = await tx.reservation.createManyAndReturn({
        data: input.lines.map((line) => ({
          variantId: line.variantId,
          locationId: line.locationId,
          quantity: line.quantity,
          orderId: input.orderId,
          fulfillmentOrderLineId: line.fulfillmentOrderLineId,
          expiresAt: input.expiresAt,
          createdAt: ctx.now,
        })),
      });
      await enqueueEvents(tx, levels.map(inventoryEvent));
      return reservations;
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
