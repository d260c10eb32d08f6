import { AppError, RerouteOrderInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelFulfillmentOrder } from "../fulfillment/cancel-fulfillment-order.ts";
import { fulfillmentInclude } from "../fulfillment/fulfillment-rows.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { announceFulfillmentOrders, placeOpenUnits } from "./allocate-order.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { holdOrder } from "./hold-order.ts";
import { loadOrder, lockOrder, unplacedUnits } from "./order-rows.ts";
import { orderStatusLabel } from "./state-machine.ts";
import { syncOrderStatus } from "./sync-status.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";
import { runValidation } from "./validation/run-validation.ts";

const reroutable = new Set(["ON_HOLD", "ALLOCATED", "IN_FULFILLMENT", "PARTIALLY_FULFILLED"]);

/**
 * HQ runs routing again for the units no store has started on (stock arrived, a store
 * closed, the rules changed): fulfillment orders still NEW are cancelled (their stock
 * released, their pick tasks cancelled), then the open units are routed as at allocation,
 * with the run appended to the routing trace. Work a store has started stays where it is.
 *
 * An order ON_HOLD is checked again as a whole (runValidation): allocated when every check
 * passes, its "no location can fulfil" task closed; still on hold otherwise. An allocated
 * order whose units find no location goes ON_HOLD with a task, as after a rejection.
 */
export async function rerouteOrder(rawInput: RerouteOrderInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(RerouteOrderInput, rawInput);
  const why = input.reason ? `re-routed by hand: ${input.reason}` : "re-routed by hand";
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const order = await lockOrder(tx, input.orderId);
    if (!reroutable.has(order.status)) {
      throw new AppError("INVALID_TRANSITION", `The order is ${orderStatusLabel[order.status]}; only an order on hold or in fulfillment can be routed again.`, {
        status: order.status,
      });
    }
    const fulfillments = await tx.fulfillmentOrder.findMany({ where: { orderId: order.id, status: "NEW" }, include: fulfillmentInclude });
    const open = await unplacedUnits(tx, order);
    if (order.status !== "ON_HOLD" && fulfillments.length === 0 && open.size === 0) {
      throw new AppError("INVALID_TRANSITION", "Every item of this order is already being picked, packed or handed over; there is nothing left to route.", {
        status: order.status,
      });
    }
    await recordOrderEvent(tx, order.id, "order.rerouted", input.reason ? `Routing run again by hand: ${input.reason}` : "Routing run again by hand.", inner, {
      cancelledFulfillmentOrderIds: fulfillments.map((f) => f.id),
    });
    for (const f of fulfillments) await cancelFulfillmentOrder(f, "the order is routed again", inner);

    if (order.status === "ON_HOLD") {
      await runValidation(order.id, inner, why);
      return;
    }
    const current = await loadOrder(tx, order.id);
    const placement = await placeOpenUnits(current, inner, `Re-routing by hand${input.reason ? `: ${input.reason}` : ""}`);
    if (placement.ok) {
      await announceFulfillmentOrders(current, placement.created, inner);
      await enqueueEvents(tx, [orderChanged(current, "order.rerouted")]);
      await syncOrderStatus(tx, current.id, inner);
    } else {
      await holdOrder(tx, current, [placement.problem!], inner);
    }
  });
  return getOrder({ orderId: input.orderId }, ctx);
}
