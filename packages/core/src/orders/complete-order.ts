import { AppError, OrderIdInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { lockOrder } from "./order-rows.ts";
import { transitionOrder } from "./state-machine.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";

/** Closes a fulfilled order once it is paid in full: FULFILLED → COMPLETED. */
export async function completeOrder(rawInput: OrderIdInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(OrderIdInput, rawInput);
  await withTransaction(ctx, async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.paymentStatus !== "PAID") {
      throw new AppError("INVALID_TRANSITION", "The order is not paid in full yet, so it cannot be completed.", { paymentStatus: order.paymentStatus });
    }
    await transitionOrder(tx, order, "COMPLETED", ctx);
    await recordOrderEvent(tx, order.id, "order.completed", "The order is complete.", ctx);
    await enqueueEvents(tx, [orderChanged(order, "order.completed")]);
  });
  return getOrder(input, ctx);
}
