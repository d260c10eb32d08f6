import { AppError, CancelRequestedReturnInput, ReceiveRequestedReturnInput, type ReturnResult } from "@oms/contracts";
import type { Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { describeRefund, issueStoreCredit, recordRefund } from "./issue-refunds.ts";
import { bookReturnLines, loadLocation, lockOrder, planReturnLines, updateOrderAfterReturn } from "./receive-return-lines.ts";

/** The requested return behind the order lock, in a state that is still waiting for its parcel. */
async function loadOpenRequest(tx: Tx, returnId: string) {
  const head = await tx.return.findUnique({ where: { id: returnId }, select: { orderId: true } });
  if (!head) throw new AppError("NOT_FOUND", "returnId: That return does not exist.", { fields: [{ path: ["returnId"], message: "No such return" }] });
  const order = await lockOrder(tx, head.orderId);
  const ret = await tx.return.findUniqueOrThrow({ where: { id: returnId }, include: { lines: { orderBy: { id: "asc" } } } });
  if (ret.status !== "REQUESTED" && ret.status !== "RECEIVED") {
    throw new AppError("INVALID_TRANSITION", `Return ${ret.number} is ${ret.status.toLowerCase()}; only a return waiting for its parcel can be booked in or cancelled.`, { status: ret.status });
  }
  return { order, ret };
}

/**
 * The store books in the parcel of a requested return, in one transaction, exactly as a
 * counter return does (`bookReturnLines`): the condition inspected per line decides what
 * goes back on hand (SELLABLE restocks, DAMAGED / QUALITY_CHECK do not), the order lines
 * count the units returned, the refund is recorded (the original payment: PENDING, executed
 * after commit; or store credit), the order's status follows, and the return is COMPLETED.
 * The refund is worked out now from the line totals, so two requests of the same line add
 * up to the line total whatever the order they arrive in.
 */
export async function receiveRequestedReturn(rawInput: ReceiveRequestedReturnInput, ctx: DomainContext): Promise<ReturnResult> {
  const input = parseInput(ReceiveRequestedReturnInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const { order, ret } = await loadOpenRequest(tx, input.returnId);
      const location = await loadLocation(tx, ret.locationId);
      const conditions = new Map(input.lines.map((l) => [l.returnLineId, l.condition]));
      input.lines.forEach((l, index) => {
        if (!ret.lines.some((r) => r.id === l.returnLineId)) {
          throw new AppError("NOT_FOUND", `lines.${index}.returnLineId: That line is not part of return ${ret.number}.`, { fields: [{ path: ["lines", index, "returnLineId"], message: `Not a line of ${ret.number}` }] });
        }
      });
      const planned = await planReturnLines(
        tx,
        order,
        ret.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity, reason: l.reason, condition: conditions.get(l.id) ?? "SELLABLE" })),
      );
      // The request's provisional lines make way for the booked ones (same units, final condition and refund).
      await tx.returnLine.deleteMany({ where: { returnId: ret.id } });
      const booked = await bookReturnLines(tx, { order, location, returnId: ret.id, lines: planned }, ctx);
      const refundMethod = input.refundMethod ?? ret.refundMethod;
      const refundTotal = planned.reduce((s, l) => s + l.refundAmount, 0);
      const storeCredit = refundMethod === "STORE_CREDIT" && refundTotal > 0 ? await issueStoreCredit(tx, { order, returnId: ret.id, initial: refundTotal, balance: refundTotal }) : null;
      const { refunds } = await recordRefund(tx, { order, location, returnId: ret.id, returnNumber: ret.number, method: refundMethod, amount: refundTotal }, ctx, storeCredit ?? undefined);
      const updated = await tx.return.updateMany({
        where: { id: ret.id, status: ret.status },
        data: { status: "COMPLETED", refundMethod, refundTotal, completedAt: ctx.now, receivedAt: ret.receivedAt ?? ctx.now, note: input.note ?? ret.note },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", `Return ${ret.number} was changed by someone else just now. Reload and try again.`, { retryable: true });
      const orderStatus = await updateOrderAfterReturn(tx, order, ctx);
      await tx.orderEvent.create({
        data: {
          orderId: order.id,
          type: "return.completed",
          message: `Return ${ret.number}: parcel booked in, ${booked.sentences.join("; ")}. ${describeRefund(refundMethod, refundTotal, order.currency, storeCredit)}.`,
          data: { returnId: ret.id, returnNumber: ret.number, locationId: location.id, refundTotal, refundMethod },
          ...actorRef(ctx.actor),
          createdAt: ctx.now,
        },
      });
      await enqueueEvents(tx, [
        ...booked.events,
        { topic: "order.changed", locationId: location.id, payload: { orderId: order.id, number: order.number, status: orderStatus, change: "order.returned" } },
      ]);
      return {
        id: ret.id,
        number: ret.number,
        orderId: order.id,
        orderNumber: order.number,
        orderStatus,
        locationId: location.id,
        status: "COMPLETED",
        refundMethod,
        refundTotal,
        currency: order.currency,
        lines: booked.lines,
        refunds,
        storeCredit,
        cashMovementId: null,
        completedAt: ctx.now,
      };
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}

/**
 * The carrier delivered the parcel of a requested return to the store: REQUESTED → RECEIVED.
 * Nothing is restocked or refunded until a person inspects and books it in. Called by the
 * tracking module inside its transaction; a return already past REQUESTED is left alone.
 */
export async function markReturnParcelArrived(tx: Tx, returnId: string, ctx: DomainContext): Promise<boolean> {
  const ret = await tx.return.findUnique({ where: { id: returnId }, select: { id: true, number: true, orderId: true, locationId: true, status: true, order: { select: { number: true, status: true } } } });
  if (!ret || ret.status !== "REQUESTED") return false;
  const updated = await tx.return.updateMany({ where: { id: ret.id, status: "REQUESTED" }, data: { status: "RECEIVED", receivedAt: ctx.now } });
  if (updated.count !== 1) return false;
  await tx.orderEvent.create({
    data: { orderId: ret.orderId, type: "return.parcel_arrived", message: `Return ${ret.number}: the parcel arrived at the store; waiting to be checked and booked in.`, data: { returnId: ret.id }, ...actorRef(ctx.actor), createdAt: ctx.now },
  });
  await enqueueEvents(tx, [{ topic: "order.changed", locationId: ret.locationId, payload: { orderId: ret.orderId, number: ret.order.number, status: ret.order.status, change: "return.received" } }]);
  return true;
}

/** A requested return that will not come (the customer changed their mind): CANCELLED; its units can be requested again. */
export async function cancelRequestedReturn(rawInput: CancelRequestedReturnInput, ctx: DomainContext): Promise<{ id: string; status: "CANCELLED" }> {
  const input = parseInput(CancelRequestedReturnInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const { order, ret } = await loadOpenRequest(tx, input.returnId);
    await tx.return.update({ where: { id: ret.id }, data: { status: "CANCELLED", note: input.reason, completedAt: ctx.now } });
    await tx.orderEvent.create({
      data: { orderId: order.id, type: "return.cancelled", message: `Return ${ret.number} was cancelled: ${input.reason}`, data: { returnId: ret.id }, ...actorRef(ctx.actor), createdAt: ctx.now },
    });
    await enqueueEvents(tx, [{ topic: "order.changed", locationId: ret.locationId, payload: { orderId: order.id, number: order.number, status: order.status, change: "return.cancelled" } }]);
    return { id: ret.id, status: "CANCELLED" as const };
  });
}
