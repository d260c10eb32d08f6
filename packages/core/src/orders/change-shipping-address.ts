import { AppError, ChangeShippingAddressInput } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelFulfillmentOrder } from "../fulfillment/cancel-fulfillment-order.ts";
import { fulfillmentInclude } from "../fulfillment/fulfillment-rows.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { fulfillmentRequest, isStoreBound, lockOrder } from "./order-rows.ts";
import { orderStatusLabel } from "./state-machine.ts";
import { recordOrderEvent } from "./timeline.ts";
import { runValidation } from "./validation/run-validation.ts";

const changeableStatuses = new Set(["PENDING_VALIDATION", "ON_HOLD", "ALLOCATED", "IN_FULFILLMENT"]);

/**
 * New delivery address, allowed until a parcel of the order has shipped. Fulfillment
 * orders no store has started are cancelled (their stock released) so the order can be
 * routed again for the new address; then the order is validated again (→ ALLOCATED, or
 * ON_HOLD with tasks if the new address is incomplete).
 */
export async function changeShippingAddress(rawInput: ChangeShippingAddressInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(ChangeShippingAddressInput, rawInput);
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const order = await lockOrder(tx, input.orderId);
    if (isStoreBound(fulfillmentRequest(order).fulfillmentType)) {
      throw new AppError("VALIDATION_FAILED", "The customer collects this order in a store; it has no delivery address to change.");
    }
    const fulfillments = await tx.fulfillmentOrder.findMany({ where: { orderId: order.id }, include: fulfillmentInclude });
    const gone = fulfillments.find((f) => f.status === "SHIPPED" || f.status === "DELIVERED");
    if (gone) {
      throw new AppError("INVALID_TRANSITION", `${gone.number} has already shipped to the old address; the address can no longer be changed.`, { fulfillmentOrderId: gone.id });
    }
    if (!changeableStatuses.has(order.status)) {
      throw new AppError("INVALID_TRANSITION", `The order is ${orderStatusLabel[order.status]}; its address can no longer be changed.`, { status: order.status });
    }
    await tx.order.update({ where: { id: order.id }, data: { shippingAddress: input.address as Prisma.InputJsonValue, updatedAt: ctx.now } });
    const line = [input.address.line1, input.address.postalCode, input.address.city, input.address.countryCode].filter(Boolean).join(", ");
    await recordOrderEvent(tx, order.id, "order.address_changed", `Delivery address changed to ${line}.`, inner, { address: input.address });
    for (const f of fulfillments) {
      if (f.status === "NEW") await cancelFulfillmentOrder(f, "the delivery address changed; the order is routed again", inner);
    }
    await runValidation(order.id, inner, "the delivery address changed");
  });
  return getOrder({ orderId: input.orderId }, ctx);
}
