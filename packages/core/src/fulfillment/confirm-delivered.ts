import { FulfillmentOrderIdInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { afterFulfillmentChange, commitFulfillmentStock, lockFulfillment, recordHandover, type FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/** The carrier delivered: SHIPPED → DELIVERED; the units count as fulfilled on the order. */
export async function confirmDelivered(rawInput: FulfillmentOrderIdInput, ctx: DomainContext): Promise<FulfillmentWithLines> {
  const input = parseInput(FulfillmentOrderIdInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, db: tx };
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    await transitionFulfillment(tx, fulfillment, "DELIVERED", ctx);
    await tx.shipment.updateMany({ where: { fulfillmentOrderId: fulfillment.id, isReturnLabel: false, status: { in: ["LABEL_CREATED", "IN_TRANSIT"] } }, data: { status: "DELIVERED", deliveredAt: ctx.now } });
    // Normally committed when shipped; anything still reserved leaves now.
    await commitFulfillmentStock(fulfillment, "SHIPMENT", inner);
    const units = await recordHandover(tx, fulfillment);
    await afterFulfillmentChange(tx, fulfillment, "fulfillment.delivered", `${fulfillment.number} was delivered (${units} item${units === 1 ? "" : "s"}).`, inner);
    return fulfillment;
  });
}
