import { AppError, MergeOrdersInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelFulfillmentOrder } from "../fulfillment/cancel-fulfillment-order.ts";
import { fulfillmentInclude } from "../fulfillment/fulfillment-rows.ts";
import { releaseReservations } from "../inventory/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { fulfillmentRequest, lockOrder, readAddress, type OrderWithLines } from "./order-rows.ts";
import { recomputeTotals } from "./recompute-totals.ts";
import { orderStatusLabel, transitionOrder } from "./state-machine.ts";
import { closeTasks } from "./tasks.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";
import { runValidation } from "./validation/run-validation.ts";

const mergeable = new Set(["PENDING_VALIDATION", "ON_HOLD", "ALLOCATED", "IN_FULFILLMENT"]);

function sameDestination(a: OrderWithLines, b: OrderWithLines): boolean {
  const ra = fulfillmentRequest(a);
  const rb = fulfillmentRequest(b);
  if (ra.fulfillmentType !== rb.fulfillmentType || ra.locationId !== rb.locationId) return false;
  const x = readAddress(a);
  const y = readAddress(b);
  if (x === null || y === null) return x === y;
  const norm = (s: string | null | undefined) => (s ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  return (["name", "line1", "line2", "city", "postalCode", "countryCode"] as const).every((k) => norm(x[k]) === norm(y[k]));
}

/**
 * Two open orders of one customer going to the same place, neither shipped, same currency:
 * the source's lines and payments move to the target, the source becomes CANCELLED with
 * `mergedIntoId`, and the target is validated and routed again for the added lines.
 */
export async function mergeOrders(rawInput: MergeOrdersInput, ctx: DomainContext): Promise<OrderDetail> {
  const input = parseInput(MergeOrdersInput, rawInput);
  await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    // Lock in id order so two merges of the same pair cannot deadlock.
    const [firstId, secondId] = [input.sourceOrderId, input.targetOrderId].sort();
    const first = await lockOrder(tx, firstId!);
    const second = await lockOrder(tx, secondId!);
    const source = first.id === input.sourceOrderId ? first : second;
    const target = first.id === input.targetOrderId ? first : second;
    const fail = (message: string) => {
      throw new AppError("VALIDATION_FAILED", message, { sourceOrderId: source.id, targetOrderId: target.id });
    };
    for (const o of [source, target]) {
      if (!mergeable.has(o.status)) {
        throw new AppError("INVALID_TRANSITION", `Order ${o.number} is ${orderStatusLabel[o.status]}; only open orders that have not shipped can be merged.`, { orderId: o.id });
      }
    }
    if (!source.customerId || source.customerId !== target.customerId) fail("Only orders of the same customer can be merged.");
    if (source.currency !== target.currency) fail(`The orders are in different currencies (${source.currency}, ${target.currency}).`);
    if (!sameDestination(source, target)) fail("The orders go to different addresses or stores; they cannot be merged.");
    const fulfillments = await tx.fulfillmentOrder.findMany({ where: { orderId: { in: [source.id, target.id] } }, include: fulfillmentInclude });
    const handed = fulfillments.find((f) => ["SHIPPED", "DELIVERED", "PICKED_UP"].includes(f.status));
    if (handed) fail(`${handed.number} has already left the store; the orders can no longer be merged.`);
    if (source.lines.some((l) => l.quantityFulfilled > 0)) fail(`Order ${source.number} has items already handed over.`);

    // The source's stores stop; its lines are routed again as part of the target.
    for (const f of fulfillments) {
      if (f.orderId === source.id && f.status !== "CANCELLED" && f.status !== "REJECTED") await cancelFulfillmentOrder(f, `merged into ${target.number}`, inner);
    }
    await releaseReservations({ orderId: source.id }, inner);
    const maxLineNo = Math.max(0, ...target.lines.map((l) => l.lineNo));
    for (const [i, line] of source.lines.entries()) {
      await tx.orderLine.update({ where: { id: line.id }, data: { orderId: target.id, lineNo: maxLineNo + i + 1 } });
    }
    await tx.payment.updateMany({ where: { orderId: source.id }, data: { orderId: target.id } });
    if (target.paymentStatus === "PENDING" && source.paymentStatus !== "PENDING") {
      await tx.order.update({ where: { id: target.id }, data: { paymentStatus: source.paymentStatus } });
    }
    await recomputeTotals(tx, source.id, ctx.now);
    const totals = await recomputeTotals(tx, target.id, ctx.now);
    await closeTasks(tx, { orderId: source.id }, "CANCELLED", `Merged into ${target.number}.`, inner);
    await transitionOrder(tx, source, "CANCELLED", ctx, { cancelReason: `Merged into ${target.number}`, mergedIntoId: target.id });
    await recordOrderEvent(tx, source.id, "order.merged", `Merged into order ${target.number}; its items and payments moved there.`, inner, { mergedIntoId: target.id });
    await recordOrderEvent(tx, target.id, "order.merged", `Order ${source.number} was merged into this one (${source.lines.length} line${source.lines.length === 1 ? "" : "s"}).`, inner, {
      mergedFromId: source.id,
      total: totals.total,
    });
    await enqueueEvents(tx, [orderChanged(source, "order.merged"), orderChanged(target, "order.merged")]);
    await runValidation(target.id, inner, `order ${source.number} was merged into it`);
  });
  return getOrder({ orderId: input.targetOrderId }, ctx);
}
