import { AppError, formatMoney } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { afterFulfillmentChange, commitFulfillmentStock, lockFulfillment } from "../fulfillment/fulfillment-rows.ts";
import { transitionFulfillment } from "../fulfillment/state-machine.ts";
import { commitReservations, releaseReservations, reserveStock } from "../inventory/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { HandOverPickupInput } from "./schemas.ts";

export interface HandoverResult {
  fulfillmentOrderId: string;
  orderId: string;
  status: string;
  /** Units handed over now. */
  units: number;
  /** Units still waiting on the shelf (partial collection). */
  remaining: number;
  verification: "CODE" | "QR" | "ID";
}

/** What the customer still owes: the order's total less what was captured (and not refunded). */
export async function balanceDue(db: DomainContext["db"], orderId: string): Promise<{ due: number; currency: string; paymentStatus: string }> {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { total: true, currency: true, paymentStatus: true, payments: { select: { amountCaptured: true, amountRefunded: true } } } });
  const paid = order.payments.reduce((s, p) => s + p.amountCaptured - p.amountRefunded, 0);
  return { due: Math.max(0, order.total - paid), currency: order.currency, paymentStatus: order.paymentStatus };
}

/**
 * The counter hands a ready parcel to the customer, in one transaction:
 * - verification: the pickup code (typed, or from the QR code) must match; without it the
 *   associate checks an ID and writes what was seen (`idCheckNote`). Method, note and who
 *   handed over are stored on the fulfillment order and the timeline;
 * - payment: a pay-at-pickup order (or any with money still due that is not merely
 *   authorized) must be paid first (packages/payments/src/pickup takes the card on the store's
 *   reader); an authorized card is captured after this commits, by the same orchestration;
 * - stock leaves through the ledger (PICKUP_HANDOVER) for exactly the units collected;
 * - partial collection: `lines` names the units taken now. The rest stays READY_FOR_PICKUP on
 *   the shelf with the same code (the unclaimed timer keeps running for it); when nothing is
 *   left the order is PICKED_UP.
 */
export async function handOverPickup(rawInput: HandOverPickupInput, ctx: DomainContext): Promise<HandoverResult> {
  const input = parseInput(HandOverPickupInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    if (ctx.actor.kind !== "USER") throw new AppError("FORBIDDEN", "Only a signed-in associate can hand over a parcel.");
    const me = ctx.actor.user.id;
    const f = await lockFulfillment(tx, input.fulfillmentOrderId);
    if (f.type !== "PICKUP") throw new AppError("INVALID_TRANSITION", `${f.number} is not a store pickup.`, { type: f.type });
    if (f.status !== "READY_FOR_PICKUP") {
      throw new AppError("INVALID_TRANSITION", `${f.number} is ${f.status.toLowerCase().replace(/_/g, " ")}; only a parcel on the pickup shelf can be handed over.`, { status: f.status });
    }
    if (input.verification !== "ID" && input.pickupCode!.toUpperCase() !== (f.pickupCode ?? "").toUpperCase()) {
      throw new AppError("VALIDATION_FAILED", "pickupCode: That pickup code does not match this order. Ask for the code from the message, or check an ID.", {
        fields: [{ path: ["pickupCode"], message: "The code does not match" }],
      });
    }
    const money = await balanceDue(tx, f.orderId);
    if (money.due > 0 && money.paymentStatus !== "AUTHORIZED") {
      throw new AppError("PAYMENT_FAILED", `${formatMoney(money.due, money.currency)} is still to pay for order ${f.order.number}. Take the payment before handing over.`, {
        due: money.due,
        currency: money.currency,
      });
    }

    // What leaves now, per line (default: everything still waiting).
    const waiting = new Map(f.lines.map((l) => [l.id, l.quantity - l.quantityRejected - l.quantityFulfilled]));
    const take = new Map<string, number>();
    if (input.lines) {
      input.lines.forEach((r, i) => {
        const left = waiting.get(r.fulfillmentOrderLineId);
        if (left === undefined) {
          throw new AppError("VALIDATION_FAILED", `lines.${i}.fulfillmentOrderLineId: That line is not part of ${f.number}.`, { fields: [{ path: ["lines", i, "fulfillmentOrderLineId"], message: "Not a line of this order" }] });
        }
        if (r.quantity > left) {
          throw new AppError("VALIDATION_FAILED", `lines.${i}.quantity: Only ${left} of this line are waiting; ${r.quantity} requested.`, { fields: [{ path: ["lines", i, "quantity"], message: `At most ${left}` }] });
        }
        if (r.quantity > 0) take.set(r.fulfillmentOrderLineId, r.quantity);
      });
    } else {
      for (const [id, n] of waiting) if (n > 0) take.set(id, n);
    }
    const units = [...take.values()].reduce((a, b) => a + b, 0);
    if (units === 0) throw new AppError("VALIDATION_FAILED", "lines: Choose at least one item the customer takes now.", { fields: [{ path: ["lines"], message: "Nothing chosen" }] });
    const remaining = [...waiting.values()].reduce((a, b) => a + b, 0) - units;

    const handover = { handoverVerification: input.verification, idCheckNote: input.verification === "ID" ? input.idCheckNote! : null, handedOverById: me };
    if (remaining === 0) {
      await transitionFulfillment(tx, f, "PICKED_UP", ctx);
      await tx.fulfillmentOrder.update({ where: { id: f.id }, data: handover });
      await commitFulfillmentStock(f, "PICKUP_HANDOVER", inner);
    } else {
      await tx.fulfillmentOrder.update({ where: { id: f.id }, data: { ...handover, updatedAt: ctx.now } });
      for (const [lineId, n] of take) {
        const line = f.lines.find((l) => l.id === lineId)!;
        const left = waiting.get(lineId)! - n;
        const reserved = await tx.reservation.count({ where: { fulfillmentOrderLineId: lineId, status: "ACTIVE" } });
        if (reserved === 0) continue; // nothing was reserved here (backorder): no stock moves.
        // Commit exactly n units: the line's reservation is split into what leaves and what stays.
        await releaseReservations({ fulfillmentOrderLineIds: [lineId] }, inner);
        await reserveStock({ orderId: f.orderId, lines: [{ variantId: line.variantId, quantity: n, locationId: f.locationId, fulfillmentOrderLineId: lineId }] }, inner);
        await commitReservations({ fulfillmentOrderLineIds: [lineId], kind: "PICKUP_HANDOVER", fulfillmentOrderId: f.id }, inner);
        if (left > 0) await reserveStock({ orderId: f.orderId, lines: [{ variantId: line.variantId, quantity: left, locationId: f.locationId, fulfillmentOrderLineId: lineId }] }, inner);
      }
    }
    for (const [lineId, n] of take) {
      const line = f.lines.find((l) => l.id === lineId)!;
      await tx.fulfillmentOrderLine.update({ where: { id: lineId }, data: { quantityFulfilled: { increment: n } } });
      await tx.orderLine.update({ where: { id: line.orderLineId }, data: { quantityFulfilled: { increment: n } } });
    }
    const how = input.verification === "ID" ? `ID checked (${input.idCheckNote})` : input.verification === "QR" ? "QR code scanned" : "pickup code given";
    const who = ctx.actor.user.name;
    await afterFulfillmentChange(
      tx,
      f,
      remaining === 0 ? "fulfillment.picked_up" : "pickup.partially_collected",
      remaining === 0
        ? `The customer collected ${f.number} (${units} item${units === 1 ? "" : "s"}) at ${f.location.name}; ${how}; handed over by ${who}.`
        : `The customer collected ${units} item${units === 1 ? "" : "s"} of ${f.number} at ${f.location.name}; ${remaining} stay${remaining === 1 ? "s" : ""} on the shelf; ${how}; handed over by ${who}.`,
      inner,
      { verification: input.verification, idCheckNote: handover.idCheckNote, handedOverById: me, units, remaining, lines: [...take].map(([id, n]) => ({ fulfillmentOrderLineId: id, quantity: n })) },
    );
    return { fulfillmentOrderId: f.id, orderId: f.orderId, status: remaining === 0 ? "PICKED_UP" : "READY_FOR_PICKUP", units, remaining, verification: input.verification };
  });
}
