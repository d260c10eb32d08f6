import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { markPacked, markReadyForPickup, rejectFulfillmentLines } from "../fulfillment/index.ts";
import type { OrderDetail } from "../orders/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertHoldsClaim } from "./claim-fulfillment-order.ts";
import { PackAndStageInput, ShortPickInput } from "./schemas.ts";

// The claimant's commands: the fulfillment module does the work (it locks the order and
// the fulfillment order first), and the claim is checked inside the same transaction, so
// a claim released or taken over meanwhile rolls the change back.

/** Packed into `bagCount` bags and put on `stagingShelf`: PICKING → PACKED → READY_FOR_PICKUP; the claim ends. */
export async function packAndStage(rawInput: PackAndStageInput, ctx: DomainContext): Promise<{ fulfillmentOrderId: string; status: string }> {
  const input = parseInput(PackAndStageInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    await markPacked({ fulfillmentOrderId: input.fulfillmentOrderId, bagCount: input.bagCount }, inner);
    await assertHoldsClaim(input.fulfillmentOrderId, inner);
    const ready = await markReadyForPickup({ fulfillmentOrderId: input.fulfillmentOrderId, stagingShelf: input.stagingShelf }, inner);
    await tx.fulfillmentOrder.update({ where: { id: input.fulfillmentOrderId }, data: { claimedById: null, claimedAt: null } });
    return { fulfillmentOrderId: ready.id, status: ready.status };
  });
}

/**
 * A line the claimant cannot find: its units leave this store's order and are routed again
 * (another store, or on hold with a task when none can), through rejectFulfillmentLines.
 */
export async function shortPickLine(rawInput: ShortPickInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(ShortPickInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    await assertHoldsClaim(input.fulfillmentOrderId, inner);
    return rejectFulfillmentLines(
      { fulfillmentOrderId: input.fulfillmentOrderId, lines: [{ fulfillmentOrderLineId: input.fulfillmentOrderLineId, quantity: input.quantity }], reason: input.reason },
      inner,
    );
  });
}
