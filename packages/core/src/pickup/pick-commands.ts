import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { AppError } from "@oms/contracts";
import { markPacked, markReadyForPickup } from "../fulfillment/index.ts";
import { queueNotification } from "../notifications/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { fulfillmentChanged } from "../orders/timeline.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertHoldsClaim } from "./claim-fulfillment-order.ts";
import { PackAndStageInput, RecordPickCountInput } from "./schemas.ts";

// The claimant's commands: the fulfillment module does the work (it locks the order and
// the fulfillment order first), and the claim is checked inside the same transaction, so
// a claim released or taken over meanwhile rolls the change back.

/**
 * Packed into `bagCount` bags and put on `stagingShelf`: PICKING → PACKED → READY_FOR_PICKUP;
 * the claim ends and the customer's "ready" message (pickup code + QR code) is queued in the
 * same transaction, so it goes out only if the order really is on the shelf.
 */
export async function packAndStage(rawInput: PackAndStageInput, ctx: DomainContext): Promise<{ fulfillmentOrderId: string; status: string }> {
  const input = parseInput(PackAndStageInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    await markPacked({ fulfillmentOrderId: input.fulfillmentOrderId, bagCount: input.bagCount }, inner);
    await assertHoldsClaim(input.fulfillmentOrderId, inner);
    const ready = await markReadyForPickup({ fulfillmentOrderId: input.fulfillmentOrderId, stagingShelf: input.stagingShelf }, inner);
    await tx.fulfillmentOrder.update({ where: { id: input.fulfillmentOrderId }, data: { claimedById: null, claimedAt: null } });
    await queueNotification({ template: "pickup.ready", orderId: ready.orderId, fulfillmentOrderId: ready.id }, inner);
    return { fulfillmentOrderId: ready.id, status: ready.status };
  });
}

/**
 * The tablet's running count of one line (scan or tap), kept on the server so a reload or
 * another tablet shows the same count. Absolute, so a retried request changes nothing.
 */
export async function recordPickCount(rawInput: RecordPickCountInput, ctx: DomainContext): Promise<{ fulfillmentOrderLineId: string; quantityPicked: number }> {
  const input = parseInput(RecordPickCountInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    await assertHoldsClaim(input.fulfillmentOrderId, inner);
    const line = await tx.fulfillmentOrderLine.findUnique({ where: { id: input.fulfillmentOrderLineId }, include: { fulfillmentOrder: { select: { id: true, orderId: true, locationId: true, status: true } } } });
    if (!line || line.fulfillmentOrderId !== input.fulfillmentOrderId) {
      throw new AppError("VALIDATION_FAILED", "fulfillmentOrderLineId: That line is not part of this order.", { fields: [{ path: ["fulfillmentOrderLineId"], message: "Not a line of this order" }] });
    }
    if (line.fulfillmentOrder.status !== "PICKING") {
      throw new AppError("INVALID_TRANSITION", "Counting is only possible while the order is being picked.", { status: line.fulfillmentOrder.status });
    }
    const max = line.quantity - line.quantityRejected;
    if (input.quantityPicked > max) {
      throw new AppError("VALIDATION_FAILED", `quantityPicked: Only ${max} of this item are to pick.`, { fields: [{ path: ["quantityPicked"], message: `At most ${max}` }] });
    }
    await tx.fulfillmentOrderLine.update({ where: { id: line.id }, data: { quantityPicked: input.quantityPicked } });
    await enqueueEvents(tx, [fulfillmentChanged(line.fulfillmentOrder, "fulfillment.pick_counted")]);
    return { fulfillmentOrderLineId: line.id, quantityPicked: input.quantityPicked };
  });
}
