import { AppError, MarkShippedInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { afterFulfillmentChange, commitFulfillmentStock, lockFulfillment, type FulfillmentWithLines } from "./fulfillment-rows.ts";
import { transitionFulfillment } from "./state-machine.ts";

/**
 * The carrier took the parcel: PACKED → SHIPPED with a Shipment (carrier, tracking). The
 * reserved units leave the location's stock now (SHIPMENT movements): they are physically
 * gone, and a count before delivery must not find a variance. The order counts them as
 * fulfilled on delivery (confirmDelivered).
 */
export async function markShipped(rawInput: MarkShippedInput, ctx: DomainContext): Promise<FulfillmentWithLines> {
  const input = parseInput(MarkShippedInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner = { ...ctx, db: tx };
    const fulfillment = await lockFulfillment(tx, input.fulfillmentOrderId);
    if (fulfillment.type !== "SHIP" && fulfillment.type !== "DELIVERY") {
      throw new AppError("INVALID_TRANSITION", `${fulfillment.number} is collected in the store; it cannot be shipped.`, { type: fulfillment.type });
    }
    await transitionFulfillment(tx, fulfillment, "SHIPPED", ctx);
    const shipment = await tx.shipment.create({
      data: {
        fulfillmentOrderId: fulfillment.id,
        carrier: input.carrier,
        service: input.service ?? null,
        trackingNumber: input.trackingNumber,
        labelUrl: input.labelUrl ?? null,
        weightGrams: input.weightGrams ?? null,
        status: "IN_TRANSIT",
        shippedAt: ctx.now,
        createdAt: ctx.now,
      },
    });
    await commitFulfillmentStock(fulfillment, "SHIPMENT", inner);
    await afterFulfillmentChange(tx, fulfillment, "fulfillment.shipped", `${fulfillment.number} shipped with ${input.carrier}, tracking ${input.trackingNumber}.`, inner, {
      shipmentId: shipment.id,
    });
    return fulfillment;
  });
}
