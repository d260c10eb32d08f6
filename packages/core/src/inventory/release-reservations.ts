import { AppError } from "@oms/contracts";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { inventoryEvent, type LevelRow } from "./levels.ts";
import { claimActiveReservations } from "./claim-reservations.ts";

export const ReleaseReservationsInput = z
  .object({
    reservationIds: z.array(z.uuid()).max(1000).optional(),
    orderId: z.uuid().optional(),
    fulfillmentOrderLineIds: z.array(z.uuid()).max(1000).optional(),
  })
  .refine((i) => i.reservationIds || i.orderId || i.fulfillmentOrderLineIds, "Say which reservations to release");
export type ReleaseReservationsInput = z.input<typeof ReleaseReservationsInput>;

/**
 * Gives reserved units back to available stock (cancellation, a lapsed cart hold, a
 * rejected line). Releasing what is already released or committed changes nothing, so
 * retries are safe. Returns the number of units released.
 */
export async function releaseReservations(rawInput: ReleaseReservationsInput, ctx: DomainContext): Promise<number> {
  const input = parseInput(ReleaseReservationsInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const claimed = await claimActiveReservations(tx, input, "RELEASED", ctx.now);
      const levels: LevelRow[] = [];
      for (const group of claimed.groups) {
        const rows = await tx.$queryRaw<LevelRow[]>`
          UPDATE "InventoryLevel"
          SET "reserved" = "reserved" - ${group.quantity}, "updatedAt" = ${ctx.now}
          WHERE "variantId" = ${group.variantId}::uuid AND "locationId" = ${group.locationId}::uuid
            AND "reserved" >= ${group.quantity}
          RETURNING "id", "variantId", "locationId", "onHand", "reserved", "safetyStock", "inTransit"`;
        if (rows.length === 0) {
          throw new AppError("CONFLICT", "The reservation does not match the stock level; run the inventory check.", group);
        }
        levels.push(rows[0]!);
      }
      await enqueueEvents(tx, levels.map(inventoryEvent));
      return claimed.units;
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
