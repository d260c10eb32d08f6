import { formatMoney } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { completeCarryOut } from "../fulfillment/index.ts";
import { allocateOrder, lockOrder, orderChanged, recordOrderEvent, transitionOrder } from "../orders/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { loadCheckoutState } from "./checkout-state.ts";

/**
 * Completes a till sale once nothing is owed, in the caller's transaction (the one that
 * took the last tender): PAID; DRAFT → PENDING_VALIDATION → ALLOCATED through the orders
 * module's allocation (which routes endless-aisle lines to the fulfilling location and
 * gives it a pick task); the carry-out goods leave through the ledger (SALE); an order
 * with nothing left to fulfil becomes COMPLETED. Does nothing when the sale is not DRAFT
 * or money is still owed, so a retry never completes twice.
 */
export async function completeSaleIfPaid(orderId: string, ctx: DomainContext): Promise<boolean> {
  const tx = ctx.db;
  const order = await lockOrder(tx, orderId);
  if (order.status !== "DRAFT") return false;
  const state = await loadCheckoutState(tx, orderId);
  if (state.remaining > 0 || state.pendingCardPaymentId) return false;

  await tx.order.update({ where: { id: order.id }, data: { paymentStatus: "PAID", updatedAt: ctx.now } });
  order.paymentStatus = "PAID";
  await transitionOrder(tx, order, "PENDING_VALIDATION", ctx);
  await allocateOrder(order, ctx, "Till sale paid");

  const carryOut = await tx.fulfillmentOrder.findFirst({ where: { orderId: order.id, type: "CARRY_OUT", status: "NEW" }, select: { id: true } });
  if (carryOut) await completeCarryOut({ fulfillmentOrderId: carryOut.id }, ctx);

  const after = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { id: true, number: true, status: true } });
  if (after.status === "FULFILLED") {
    await transitionOrder(tx, after, "COMPLETED", ctx);
  }
  const tenders = state.tenders.filter((t) => t.status === "CAPTURED").map((t) => `${t.kind.toLowerCase().replace("_", " ")} ${formatMoney(t.amount, state.currency)}`);
  await recordOrderEvent(
    tx,
    order.id,
    "pos.sale_completed",
    `Paid in full at the till (${tenders.join(", ")})${state.cashRounding !== 0 ? `, cash rounding ${formatMoney(state.cashRounding, state.currency)}` : ""}.`,
    ctx,
    { paid: state.paid, cashRounding: state.cashRounding, registerSessionId: order.registerSessionId },
  );
  await enqueueEvents(tx, [orderChanged(after, "order.completed", order.originLocationId)]);
  return true;
}
