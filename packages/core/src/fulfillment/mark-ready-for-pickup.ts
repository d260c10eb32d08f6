import { AppError, MarkReadyForPickupInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { afterFulfillmentChange, lockFulfillment, type FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/** The parcel is on the pickup shelf: PACKED → READY_FOR_PICKUP (pickup orders only). */
export async function markReadyForPickup(rawInput: MarkReadyForPickupInput, ctx: DomainContext): Promise<FulfillmentWithLines> {
  const input = parseInput(MarkReadyForPickupInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    if (fulfillment.type !== "PICKUP") {
      throw new AppError("INVALID_TRANSITION", `${fulfillment.number} is not a store pickup; ship it instead.`, { type: fulfillment.type });
    }
    await transitionFulfillment(tx, fulfillment, "READY_FOR_PICKUP", ctx, { stagingShelf: input.stagingShelf });
    await afterFulfillmentChange(
      tx,
      fulfillment,
      "fulfillment.ready_for_pickup",
      `${fulfillment.number} is ready for pickup at ${fulfillment.location.name}${input.stagingShelf ? ` (shelf ${input.stagingShelf})` : ""}.`,
      { ...ctx, db: tx },
    );
    return fulfillment;
  });
}
