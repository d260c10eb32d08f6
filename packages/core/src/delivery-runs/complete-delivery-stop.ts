import { AppError, CompleteDeliveryStopInput, type DeliveryRunView } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { confirmDelivered } from "../fulfillment/index.ts";
import { createTask, recordOrderEvent } from "../orders/index.ts";
import { actorUserId } from "../shared/actor.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { LOCAL_DELIVERY_CARRIER, loadRunView, lockRun, runStatusLabel } from "./delivery-run-rows.ts";

/**
 * The driver at a stop of a run that is OUT. Delivered: the proof (who took the goods; the
 * time is the server's) is stored on the stop, the shipment and the fulfilment order become
 * DELIVERED (order status synced). Failed: the reason is stored, the shipment counts a
 * failed attempt, and the store gets a task; the order can go on a later run. The stop
 * moves only from PENDING (conditional update), so a second device tapping the same stop
 * gets a CONFLICT instead of a second delivery.
 */
export async function completeDeliveryStop(rawInput: CompleteDeliveryStopInput, ctx: DomainContext): Promise<DeliveryRunView> {
  const input = parseInput(CompleteDeliveryStopInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const inner = { ...ctx, db: tx };
      const head = await tx.deliveryStop.findUnique({ where: { id: input.stopId }, select: { runId: true } });
      if (!head) throw new AppError("NOT_FOUND", "stopId: That stop does not exist.", { fields: [{ path: ["stopId"], message: "No such stop" }] });
      const run = await lockRun(tx, head.runId, ctx);
      const stop = run.stops.find((s) => s.id === input.stopId)!;
      if (run.status !== "OUT") throw new AppError("INVALID_TRANSITION", `Run ${run.number} is ${runStatusLabel[run.status]}; stops are completed while it is out.`, { status: run.status });
      if (stop.status !== "PENDING") throw new AppError("CONFLICT", `Stop ${stop.sequence} (${stop.fulfillmentOrder.number}) is already ${stop.status.toLowerCase()}.`, { status: stop.status });
      const fo = stop.fulfillmentOrder;
      const shipmentWhere = { fulfillmentOrderId: fo.id, isReturnLabel: false, carrier: LOCAL_DELIVERY_CARRIER, status: { notIn: ["CANCELLED" as const, "DELIVERED" as const, "RETURNED" as const] } };
      if (input.outcome === "DELIVERED") {
        const moved = await tx.deliveryStop.updateMany({
          where: { id: stop.id, status: "PENDING" },
          data: { status: "DELIVERED", recipientName: input.recipientName, deliveredAt: ctx.now, note: input.note, completedById: actorUserId(ctx.actor) },
        });
        if (moved.count !== 1) throw new AppError("CONFLICT", `Stop ${stop.sequence} was completed on another device just now.`, { retryable: false });
        await tx.shipment.updateMany({ where: shipmentWhere, data: { status: "DELIVERED", deliveredAt: ctx.now, lastEventAt: ctx.now } });
        await confirmDelivered({ fulfillmentOrderId: fo.id }, inner);
        await recordOrderEvent(tx, fo.orderId, "delivery.proof", `${fo.number} handed to ${input.recipientName} by ${run.driverName} (run ${run.number}).`, inner, { runId: run.id, stopId: stop.id, recipientName: input.recipientName });
      } else {
        const moved = await tx.deliveryStop.updateMany({
          where: { id: stop.id, status: "PENDING" },
          data: { status: "FAILED", failureReason: input.failureReason, failedAt: ctx.now, note: input.note, completedById: actorUserId(ctx.actor) },
        });
        if (moved.count !== 1) throw new AppError("CONFLICT", `Stop ${stop.sequence} was completed on another device just now.`, { retryable: false });
        await tx.shipment.updateMany({ where: shipmentWhere, data: { status: "FAILED_ATTEMPT", failedAttempts: { increment: 1 }, lastEventAt: ctx.now } });
        await recordOrderEvent(tx, fo.orderId, "delivery.failed", `Delivery of ${fo.number} failed (run ${run.number}): ${input.failureReason}. The goods come back to the store.`, inner, { runId: run.id, stopId: stop.id });
        await createTask(
          tx,
          {
            kind: "LATE_SHIPMENT",
            code: "DELIVERY_FAILED",
            title: `${fo.number}: delivery failed`,
            instruction: `${run.driverName} could not deliver ${fo.number} (order ${fo.order.number}): ${input.failureReason}. Contact the customer and put it on another run when they are in.`,
            assigneeRole: "MANAGER",
            locationId: run.locationId,
            orderId: fo.orderId,
            fulfillmentOrderId: fo.id,
            data: { runId: run.id, stopId: stop.id },
          },
          inner,
        );
        await enqueueEvents(tx, [{ topic: "fulfillment.changed", locationId: run.locationId, payload: { fulfillmentOrderId: fo.id, orderId: fo.orderId, locationId: run.locationId, status: "SHIPPED", change: "delivery.failed" } }]);
      }
      return loadRunView(tx, run.id);
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
