import { AppError, RequestReturnInput, type ReturnReason } from "@oms/contracts";
import type { RefundMethod, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorRef, actorUserId } from "../shared/actor.ts";
import { nextNumber } from "../shared/counters.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { refundForUnits } from "./refund-amounts.ts";
import { loadLocation, lockOrder } from "./receive-return-lines.ts";

export type ReturnRequester = "CUSTOMER" | "STAFF" | "CARRIER";

/** Units of each order line already promised to requested returns whose parcel has not been booked in. */
export async function pendingReturnUnits(tx: Tx, orderId: string): Promise<Map<string, number>> {
  const rows = await tx.returnLine.groupBy({
    by: ["orderLineId"],
    where: { return: { orderId, status: { in: ["REQUESTED", "RECEIVED"] } } },
    _sum: { quantity: true },
  });
  return new Map(rows.map((r) => [r.orderLineId, r._sum.quantity ?? 0]));
}

export interface OpenedReturnRequest {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  locationId: string;
  /** The fulfilment order the goods went out with (a return label is booked against it). */
  fulfillmentOrderId: string | null;
}

/**
 * Writes a REQUESTED return (an RMA): the customer (tracking page, API), a person, or the
 * carrier (a parcel returned to sender) announces goods that will come back by parcel.
 * Nothing moves yet: `OrderLine.quantityReturned`, stock and refunds change only when the
 * store books the parcel in (`receiveRequestedReturn`). The units are held against other
 * requests meanwhile, so the same unit is never requested twice. Lines start as
 * QUALITY_CHECK with the refund the next units would get; both are settled on receipt.
 */
export async function openReturnRequest(
  tx: Tx,
  input: {
    orderId: string;
    locationId: string;
    refundMethod: RefundMethod;
    lines: { orderLineId: string; quantity: number; reason: ReturnReason }[];
    note: string | null;
    requestedBy: ReturnRequester;
  },
  ctx: DomainContext,
): Promise<OpenedReturnRequest> {
  const order = await lockOrder(tx, input.orderId);
  const location = await loadLocation(tx, input.locationId);
  const orderLines = await tx.orderLine.findMany({ where: { orderId: order.id } });
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  const pending = await pendingReturnUnits(tx, order.id);
  const planned = input.lines.map((request, index) => {
    const line = byId.get(request.orderLineId);
    if (!line) {
      throw new AppError("NOT_FOUND", `lines.${index}.orderLineId: That line is not part of order ${order.number}.`, {
        fields: [{ path: ["lines", index, "orderLineId"], message: `Not a line of order ${order.number}` }],
      });
    }
    const promised = pending.get(line.id) ?? 0;
    const returnable = Math.max(0, Math.min(line.quantityFulfilled - line.quantityReturned, line.quantity - line.quantityCancelled - line.quantityReturned) - promised);
    if (request.quantity > returnable) {
      throw new AppError(
        "VALIDATION_FAILED",
        `lines.${index}.quantity: Only ${returnable} × ${line.name} (${line.sku}) can still be returned from order ${order.number} (delivered ${line.quantityFulfilled}, returned ${line.quantityReturned}, already on a return on its way ${promised}); ${request.quantity} requested.`,
        { fields: [{ path: ["lines", index, "quantity"], message: `At most ${returnable} can be returned` }], orderLineId: line.id, returnable, requested: request.quantity },
      );
    }
    const alreadyCounted = line.quantityReturned + promised;
    return { ...request, variantId: line.variantId, sku: line.sku, name: line.name, refundAmount: refundForUnits(line.total, line.quantity, alreadyCounted, request.quantity) };
  });
  const refundTotal = planned.reduce((s, l) => s + l.refundAmount, 0);
  const fulfillment = await tx.fulfillmentOrder.findFirst({
    where: { orderId: order.id, type: { in: ["SHIP", "DELIVERY"] }, status: { in: ["SHIPPED", "DELIVERED"] } },
    orderBy: { shippedAt: "desc" },
    select: { id: true },
  });
  const ret = await tx.return.create({
    data: {
      number: await nextNumber(tx, "return", "R-"),
      orderId: order.id,
      locationId: location.id,
      status: "REQUESTED",
      requestedBy: input.requestedBy,
      refundMethod: input.refundMethod,
      refundTotal,
      currency: order.currency,
      note: input.note,
      createdById: actorUserId(ctx.actor),
      createdAt: ctx.now,
      lines: {
        create: planned.map((l) => ({ orderLineId: l.orderLineId, variantId: l.variantId, quantity: l.quantity, reason: l.reason, condition: "QUALITY_CHECK", refundAmount: l.refundAmount })),
      },
    },
  });
  const items = planned.map((l) => `${l.quantity} × ${l.name} (${l.sku})`).join(", ");
  const who = input.requestedBy === "CUSTOMER" ? "The customer asked to return" : input.requestedBy === "CARRIER" ? "The carrier is bringing back" : "A return was opened for";
  await tx.orderEvent.create({
    data: {
      orderId: order.id,
      type: "return.requested",
      message: `Return ${ret.number}: ${who} ${items}, to ${location.name}. Refund on receipt.`,
      data: { returnId: ret.id, returnNumber: ret.number, locationId: location.id, requestedBy: input.requestedBy },
      ...actorRef(ctx.actor),
      createdAt: ctx.now,
    },
  });
  await enqueueEvents(tx, [{ topic: "order.changed", locationId: location.id, payload: { orderId: order.id, number: order.number, status: order.status, change: "return.requested" } }]);
  return { id: ret.id, number: ret.number, orderId: order.id, orderNumber: order.number, locationId: location.id, fulfillmentOrderId: fulfillment?.id ?? null };
}

/**
 * A return the customer or a person announces (RMA), optionally with a return label
 * (bought after commit by the API layer through the carrier registry). The goods go back
 * to `locationId`, by default the location that shipped them.
 */
export async function requestReturn(rawInput: RequestReturnInput, ctx: DomainContext, requestedBy: ReturnRequester = "STAFF"): Promise<OpenedReturnRequest> {
  const input = parseInput(RequestReturnInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const order = await lockOrder(tx, input.orderId);
      let locationId = input.locationId;
      if (!locationId) {
        const shipped = await tx.fulfillmentOrder.findFirst({
          where: { orderId: order.id, status: { in: ["SHIPPED", "DELIVERED", "PICKED_UP"] } },
          orderBy: { createdAt: "desc" },
          select: { locationId: true },
        });
        if (!shipped) {
          throw new AppError("VALIDATION_FAILED", `locationId: Nothing of order ${order.number} has been handed over yet, so nothing can be returned.`, {
            fields: [{ path: ["lines"], message: "Nothing delivered yet" }],
          });
        }
        locationId = shipped.locationId;
      }
      return openReturnRequest(tx, { orderId: order.id, locationId, refundMethod: input.refundMethod, lines: input.lines, note: input.note, requestedBy }, ctx);
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
