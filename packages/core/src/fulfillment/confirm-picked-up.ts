import { AppError, ConfirmPickedUpInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { afterFulfillmentChange, commitFulfillmentStock, lockFulfillment, recordHandover, type FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/**
 * The customer collected: READY_FOR_PICKUP → PICKED_UP. The pickup code must match; only a
 * manager (or HQ) may hand over without it. Stock leaves (PICKUP_HANDOVER).
 */
export async function confirmPickedUp(rawInput: ConfirmPickedUpInput, ctx: DomainContext): Promise<FulfillmentWithLines> {
  const input = parseInput(ConfirmPickedUpInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, db: tx };
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    if (input.pickupCode !== undefined) {
      if (input.pickupCode !== fulfillment.pickupCode) {
        throw new AppError("VALIDATION_FAILED", "pickupCode: That pickup code does not match this order. Ask the customer for the code from their message.", {
          fields: [{ path: ["pickupCode"], message: "The code does not match" }],
        });
      }
    } else if (ctx.actor.kind === "USER" && ctx.actor.user.role !== "MANAGER" && ctx.actor.user.role !== "ADMIN") {
      throw new AppError("FORBIDDEN", "Enter the customer's pickup code; only a manager can hand over an order without it.");
    }
    await transitionFulfillment(tx, fulfillment, "PICKED_UP", ctx);
    await commitFulfillmentStock(fulfillment, "PICKUP_HANDOVER", inner);
    const units = await recordHandover(tx, fulfillment);
    await afterFulfillmentChange(tx, fulfillment, "fulfillment.picked_up", `The customer collected ${fulfillment.number} (${units} item${units === 1 ? "" : "s"}) at ${fulfillment.location.name}.`, inner);
    return fulfillment;
  });
}
