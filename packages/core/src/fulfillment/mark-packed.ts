import { MarkPackedInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { closeTasks } from "../orders/tasks.ts";
import { activeUnits, afterFulfillmentChange, lockFulfillment, type FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/** Everything picked and packed: PICKING → PACKED; the pick task is done. */
export async function markPacked(rawInput: MarkPackedInput, ctx: DomainContext): Promise<FulfillmentWithLines> {
  const input = parseInput(MarkPackedInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, db: tx };
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    await transitionFulfillment(tx, fulfillment, "PACKED", ctx, { bagCount: input.bagCount });
    for (const line of fulfillment.lines) {
      await tx.fulfillmentOrderLine.update({ where: { id: line.id }, data: { quantityPicked: activeUnits(line) } });
    }
    await closeTasks(tx, { fulfillmentOrderId: fulfillment.id, kind: "PICK" }, "DONE", "Picked and packed.", ctx);
    await afterFulfillmentChange(tx, fulfillment, "fulfillment.packed", `${fulfillment.number} is packed${input.bagCount ? ` (${input.bagCount} bag${input.bagCount === 1 ? "" : "s"})` : ""}.`, inner);
    return fulfillment;
  });
}
