import { CreateReturnInput, type ReturnResult } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { actorRef } from "../shared/actor.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { describeRefund, issueStoreCredit, recordRefund } from "./issue-refunds.ts";
import { openCompletedReturn } from "./open-completed-return.ts";
import { bookReturnLines, loadLocation, lockOrder, planReturnLines, updateOrderAfterReturn } from "./receive-return-lines.ts";

/**
 * Takes goods back from an order of any channel at any location (an online order returned
 * in a store) and refunds them, in one transaction: the return and its lines, the returned
 * quantities on the order lines, sellable units back on hand at the receiving location
 * (ledger rows), the refund (store credit, cash, or pending to the original payment), the
 * order's status, a timeline entry and the outbox events. Counter returns are received on
 * the spot, so the return is COMPLETED at once.
 */
export async function createReturn(rawInput: CreateReturnInput, ctx: DomainContext): Promise<ReturnResult> {
  const input = parseInput(CreateReturnInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const order = await lockOrder(tx, input.orderId);
      const location = await loadLocation(tx, input.locationId);
      const planned = await planReturnLines(tx, order, input.lines);
      const refundTotal = planned.reduce((s, l) => s + l.refundAmount, 0);

      const ret = await openCompletedReturn(tx, { order, location, refundMethod: input.refundMethod, refundTotal: refundTotal, note: input.note }, ctx);
      const booked = await bookReturnLines(tx, { order, location, returnId: ret.id, lines: planned }, ctx);

      const storeCredit =
        input.refundMethod === "STORE_CREDIT" && refundTotal > 0
          ? await issueStoreCredit(tx, { order, returnId: ret.id, initial: refundTotal, balance: refundTotal })
          : null;
      const { refunds, cashMovementId } = await recordRefund(
        tx,
        { order, location, returnId: ret.id, returnNumber: ret.number, method: input.refundMethod, amount: refundTotal, registerSessionId: input.registerSessionId ?? null },
        ctx,
        storeCredit ?? undefined,
      );
      const orderStatus = await updateOrderAfterReturn(tx, order, ctx);

      const message = `Return ${ret.number}: ${booked.sentences.join("; ")}. ${describeRefund(input.refundMethod, refundTotal, order.currency, storeCredit)}.`;
      await tx.orderEvent.create({
        data: {
          orderId: order.id,
          type: "return.completed",
          message,
          data: { returnId: ret.id, returnNumber: ret.number, locationId: location.id, refundTotal, refundMethod: input.refundMethod },
          ...actorRef(ctx.actor),
          createdAt: ctx.now,
        },
      });
      await enqueueEvents(tx, [
        ...booked.events,
        {
          topic: "order.changed",
          locationId: location.id,
          payload: { orderId: order.id, number: order.number, status: orderStatus, change: "order.returned" },
        },
      ]);

      return {
        id: ret.id,
        number: ret.number,
        orderId: order.id,
        orderNumber: order.number,
        orderStatus,
        locationId: location.id,
        status: ret.status,
        refundMethod: ret.refundMethod,
        refundTotal,
        currency: order.currency,
        lines: booked.lines,
        refunds,
        storeCredit,
        cashMovementId,
        completedAt: ret.completedAt,
      };
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
