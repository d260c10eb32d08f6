// Inputs of the pickup screen's commands and queries. They live with the module (not in
// @oms/contracts) because only the pickup router and this module use them.
import { z } from "zod";

const uuid = (what: string) => z.uuid({ error: `Choose ${what}.` });

export const ClaimFulfillmentOrderInput = z.object({ fulfillmentOrderId: uuid("the fulfillment order") });
export type ClaimFulfillmentOrderInput = z.input<typeof ClaimFulfillmentOrderInput>;

export const PickupQueueInput = z.object({ locationId: uuid("a store") });
export type PickupQueueInput = z.input<typeof PickupQueueInput>;

export const FindForHandoverInput = z.object({
  locationId: uuid("a store"),
  query: z.string().trim().min(2, { error: "Enter at least two characters of the code, order number or name." }).max(120),
});
export type FindForHandoverInput = z.input<typeof FindForHandoverInput>;

export const PackAndStageInput = z.object({
  fulfillmentOrderId: uuid("the fulfillment order"),
  bagCount: z.number().int().min(1, { error: "At least one bag." }).max(50, { error: "At most 50 bags." }),
  stagingShelf: z.string().trim().min(1, { error: "Enter the shelf the bags are on." }).max(40),
});
export type PackAndStageInput = z.input<typeof PackAndStageInput>;

export const ShortPickInput = z.object({
  fulfillmentOrderId: uuid("the fulfillment order"),
  fulfillmentOrderLineId: uuid("the line"),
  quantity: z.number().int().min(1, { error: "At least one unit." }),
  reason: z.string().trim().min(1, { error: "Say why the item cannot be picked." }).max(200),
});
export type ShortPickInput = z.input<typeof ShortPickInput>;
