import { AppError, SplitOrderInput, allocateProportionally } from "@oms/contracts";
import type { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelFulfillmentOrder } from "../fulfillment/cancel-fulfillment-order.ts";
import { fulfillmentInclude } from "../fulfillment/fulfillment-rows.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { announceFulfillmentOrders, placeOpenUnits } from "./allocate-order.ts";
import { nextOrderNumber } from "./create-order.ts";
import { getOrder, type OrderDetail } from "./get-order.ts";
import { holdOrder } from "./hold-order.ts";
import { loadOrder, lockOrder, readRoutingTrace } from "./order-rows.ts";
import { recomputeTotals } from "./recompute-totals.ts";
import { orderStatusLabel, transitionOrder } from "./state-machine.ts";
import { syncOrderStatus } from "./sync-status.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";
import { runValidation } from "./validation/run-validation.ts";

const splittable = new Set(["ON_HOLD", "ALLOCATED", "IN_FULFILLMENT"]);

/** The last `count` of `quantity` equal unit shares of `amount` (the shares returns refund). */
function tailShare(amount: number, quantity: number, count: number): number {
  const shares = allocateProportionally(amount, Array.from({ length: quantity }, () => 1));
  return shares.slice(quantity - count).reduce((a, b) => a + b, 0);
}

/**
 * Moves chosen lines (or some units of them) to a new order of the same customer, which
 * is validated and allocated on its own. Units a store has started on, or handed over,
 * cannot move. Money is split exactly: a partly moved line gives the new order the last
 * unit shares of its total and tax, so the two orders add up to the original to the cent.
 * Payments stay on the original order (they cover both); the new order copies its
 * payment status.
 */
export async function splitOrder(rawInput: SplitOrderInput, ctx: DomainContext): Promise<{ original: OrderDetail; created: OrderDetail }> {
  const input = parseInput(SplitOrderInput, rawInput);
  const newOrderId = await withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const order = await lockOrder(tx, input.orderId);
    if (!splittable.has(order.status)) {
      throw new AppError("INVALID_TRANSITION", `The order is ${orderStatusLabel[order.status]}; it can no longer be split.`, { status: order.status });
    }
    const fulfillments = await tx.fulfillmentOrder.findMany({ where: { orderId: order.id, status: { notIn: ["REJECTED", "CANCELLED"] } }, include: fulfillmentInclude });
    const moves = input.lines.map((req, i) => {
      const line = order.lines.find((l) => l.id === req.orderLineId);
      const fail = (message: string) => {
        throw new AppError("VALIDATION_FAILED", `lines.${i}: ${message}`, { fields: [{ path: ["lines", i], message }] });
      };
      if (!line) return fail("That line is not part of this order.");
      const movable = line.quantity - line.quantityCancelled;
      const count = req.quantity ?? movable;
      if (line.quantityFulfilled > 0 || line.quantityReturned > 0) fail(`${line.name} has already been handed over in part; it cannot move.`);
      if (fulfillments.some((f) => f.status !== "NEW" && f.lines.some((fl) => fl.orderLineId === line.id))) {
        fail(`A store has started on ${line.name}; it cannot move to another order.`);
      }
      if (count > movable) fail(`Only ${movable} × ${line.name} can move; ${count} requested.`);
      if (count < movable && line.quantityCancelled > 0) fail(`${line.name} has cancelled units; move the whole line.`);
      return { line, count, whole: count === movable };
    });
    if (new Set(moves.map((m) => m.line.id)).size !== moves.length) {
      throw new AppError("VALIDATION_FAILED", "lines: List each line once.", { fields: [{ path: ["lines"], message: "List each line once" }] });
    }
    if (order.lines.every((l) => moves.some((m) => m.line.id === l.id && m.whole))) {
      throw new AppError("VALIDATION_FAILED", "lines: Leave at least one item on the original order.", { fields: [{ path: ["lines"], message: "Leave at least one item" }] });
    }

    // Stores have not started on these lines: stop their fulfillment orders; both orders route afresh.
    const moved = new Set(moves.map((m) => m.line.id));
    for (const f of fulfillments) {
      if (f.status === "NEW" && f.lines.some((fl) => moved.has(fl.orderLineId))) await cancelFulfillmentOrder(f, "the order was split", inner);
    }

    const origin = order.originLocationId ? await tx.location.findUnique({ where: { id: order.originLocationId }, select: { code: true } }) : null;
    const number = await nextOrderNumber(tx, order.channel, origin?.code ?? null);
    const request = readRoutingTrace(order).request;
    const created = await tx.order.create({
      data: {
        number,
        channel: order.channel,
        apiKeyId: order.apiKeyId,
        customerId: order.customerId,
        customerName: order.customerName,
        email: order.email,
        phone: order.phone,
        originLocationId: order.originLocationId,
        currency: order.currency,
        subtotal: 0,
        taxTotal: 0,
        total: 0,
        pricesIncludeTax: order.pricesIncludeTax,
        status: "DRAFT",
        paymentStatus: order.paymentStatus,
        shippingAddress: (order.shippingAddress ?? undefined) as Prisma.InputJsonValue | undefined,
        routingTrace: { request, runs: [] },
        promisedAt: order.promisedAt,
        note: order.note,
        placedAt: order.placedAt,
        createdById: order.createdById,
      },
    });
    let lineNo = 0;
    for (const { line, count, whole } of moves) {
      lineNo += 1;
      if (whole) {
        await tx.orderLine.update({ where: { id: line.id }, data: { orderId: created.id, lineNo: 1000 + lineNo } });
        continue;
      }
      const total = tailShare(line.total, line.quantity, count);
      const taxTotal = tailShare(line.taxTotal, line.quantity, count);
      const discountTotal = tailShare(line.discountTotal, line.quantity, count);
      await tx.orderLine.create({
        data: { orderId: created.id, lineNo: 1000 + lineNo, variantId: line.variantId, sku: line.sku, name: line.name, quantity: count, unitPrice: line.unitPrice, taxRateBps: line.taxRateBps, discountTotal, taxTotal, total },
      });
      await tx.orderLine.update({
        where: { id: line.id },
        data: { quantity: line.quantity - count, total: line.total - total, taxTotal: line.taxTotal - taxTotal, discountTotal: line.discountTotal - discountTotal },
      });
    }
    // Whole lines kept their ids: number the new order's lines 1..n.
    const newLines = await tx.orderLine.findMany({ where: { orderId: created.id }, orderBy: { lineNo: "asc" }, select: { id: true } });
    for (const [i, l] of newLines.entries()) await tx.orderLine.update({ where: { id: l.id }, data: { lineNo: i + 1 } });

    await recomputeTotals(tx, order.id, ctx.now);
    await recomputeTotals(tx, created.id, ctx.now);
    const movedText = moves.map((m) => `${m.count} × ${m.line.name}`).join(", ");
    await recordOrderEvent(tx, order.id, "order.split", `Split: ${movedText} moved to order ${number}.`, inner, { newOrderId: created.id });
    await recordOrderEvent(tx, created.id, "order.created", `Created by splitting order ${order.number}: ${movedText}.`, inner, { splitFromId: order.id });
    await enqueueEvents(tx, [orderChanged(order, "order.split"), orderChanged(created, "order.created")]);

    // The original: route what the split freed (or re-check it if it was on hold).
    if (order.status === "ON_HOLD") await runValidation(order.id, inner, "the order was split");
    else {
      const current = await loadOrder(tx, order.id);
      const placement = await placeOpenUnits(current, inner, "Re-routing after the order was split");
      if (placement.ok) {
        await announceFulfillmentOrders(current, placement.created, inner);
        await syncOrderStatus(tx, order.id, inner);
      } else await holdOrder(tx, current, [placement.problem!], inner);
    }
    await transitionOrder(tx, created, "PENDING_VALIDATION", ctx);
    await runValidation(created.id, inner, "new order from a split");
    return created.id;
  });
  return { original: await getOrder({ orderId: input.orderId }, ctx), created: await getOrder({ orderId: newOrderId }, ctx) };
}
