import { AppError } from "@oms/contracts";
import { z } from "zod";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { claimActiveReservations } from "./claim-reservations.ts";
import { changeOnHand, inventoryEvent, type LevelRow } from "./levels.ts";

export const CommitReservationsInput = z
  .object({
    reservationIds: z.array(z.uuid()).max(1000).optional(),
    orderId: z.uuid().optional(),
    fulfillmentOrderLineIds: z.array(z.uuid()).max(1000).optional(),
    /** How the units left: a sale at the till, a shipment, a pickup handover. */
    kind: z.enum(["SALE", "SHIPMENT", "PICKUP_HANDOVER"]),
    fulfillmentOrderId: z.uuid().nullable().default(null),
  })
  .refine((i) => i.reservationIds || i.orderId || i.fulfillmentOrderLineIds, "Say which reservations to commit");
export type CommitReservationsInput = z.input<typeof CommitReservationsInput>;

/**
 * The units leave: on hand and reserved both drop by the reserved quantity and the ledger
 * records the outflow. Nothing to commit is an error (the goods were never reserved).
 */
export async function commitReservations(rawInput: CommitReservationsInput, ctx: DomainContext): Promise<number> {
  const input = parseInput(CommitReservationsInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const claimed = await claimActiveReservations(tx, input, "COMMITTED", ctx.now);
      if (claimed.units === 0) {
        throw new AppError("CONFLICT", "There is no active reservation to take these goods from.", { ...input });
      }
      const orderIds = new Set(
        (await tx.reservation.findMany({ where: { id: { in: claimed.ids } }, select: { orderId: true } })).map((r) => r.orderId),
      );
      const orderId = orderIds.size === 1 ? [...orderIds][0]! : null;
      const levels: LevelRow[] = [];
      for (const group of claimed.groups) {
        levels.push(
          await changeOnHand(
            tx,
            {
              variantId: group.variantId,
              locationId: group.locationId,
              delta: -group.quantity,
              fromReserved: group.quantity,
              kind: input.kind,
              refs: { orderId, fulfillmentOrderId: input.fulfillmentOrderId },
            },
            ctx,
          ),
        );
      }
      await enqueueEvents(tx, levels.map(inventoryEvent));
      return claimed.units;
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
