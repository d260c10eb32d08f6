import { AppError, FulfillmentOrderIdInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { afterFulfillmentChange, commitFulfillmentStock, lockFulfillment, recordHandover, type FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/** A till sale: the customer takes the goods now. NEW → PICKED_UP, stock leaves as SALE. */
export async function completeCarryOut(rawInput: FulfillmentOrderIdInput, ctx: DomainContext): Promise<FulfillmentWithLines> {
  const input = parseInput(FulfillmentOrderIdInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, db: tx };
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    if (fulfillment.type !== "CARRY_OUT") {
      throw new AppError("INVALID_TRANSITION", `${fulfillment.number} is not a carry-out sale.`, { type: fulfillment.type });
    }
    await transitionFulfillment(tx, fulfillment, "PICKED_UP", ctx);
    await commitFulfillmentStock(fulfillment, "SALE", inner);
    const units = await recordHandover(tx, fulfillment);
    await afterFulfillmentChange(tx, fulfillment, "fulfillment.carried_out", `The customer took ${units} item${units === 1 ? "" : "s"} at the till in ${fulfillment.location.name}.`, inner);
    return fulfillment;
  });
}
