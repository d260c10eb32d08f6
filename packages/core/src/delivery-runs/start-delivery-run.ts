import { AppError, DeliveryRunIdInput, type DeliveryRunView } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { markShipped } from "../fulfillment/index.ts";
import { recordOrderEvent } from "../orders/index.ts";
import { translateDatabaseError } from "../shared/database-errors.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { LOCAL_DELIVERY_CARRIER, loadRunView, lockRun, runStatusLabel } from "./delivery-run-rows.ts";

/**
 * The driver leaves: PLANNED → OUT. Each stop's fulfilment order is shipped (PACKED →
 * SHIPPED through `markShipped`, stock leaves as SHIPMENT: the goods are in the van, not on
 * the shelf) with a local-delivery shipment numbered after the run and stop
 * (`DR-000004-2`), which is OUT_FOR_DELIVERY; a second attempt's shipment goes out again.
 * A stop whose order was cancelled since planning is taken off the run (REMOVED).
 */
export async function startDeliveryRun(rawInput: DeliveryRunIdInput, ctx: DomainContext): Promise<DeliveryRunView> {
  const input = parseInput(DeliveryRunIdInput, rawInput);
  try {
    return await withTransaction(ctx, async (tx) => {
      const inner = { ...ctx, db: tx };
      const run = await lockRun(tx, input.runId, ctx);
      if (run.status !== "PLANNED") throw new AppError("INVALID_TRANSITION", `Run ${run.number} is ${runStatusLabel[run.status]}; only a planned run can start.`, { status: run.status });
      const pending = run.stops.filter((s) => s.status === "PENDING");
      let going = 0;
      for (const stop of pending) {
        const fo = stop.fulfillmentOrder;
        if (fo.status === "CANCELLED" || fo.status === "DELIVERED") {
          await tx.deliveryStop.update({ where: { id: stop.id }, data: { status: "REMOVED", note: `Taken off: the order is ${fo.status.toLowerCase()}.` } });
          continue;
        }
        const trackingNumber = `${run.number}-${stop.sequence}`;
        if (fo.status === "PACKED") {
          await markShipped({ fulfillmentOrderId: fo.id, carrier: LOCAL_DELIVERY_CARRIER, service: "local delivery", trackingNumber }, inner);
        } else if (fo.status !== "SHIPPED") {
          throw new AppError("INVALID_TRANSITION", `${fo.number} is ${fo.status.toLowerCase().replaceAll("_", " ")}; pack it or take it off the run before leaving.`, { fulfillmentOrderId: fo.id });
        }
        await tx.shipment.updateMany({
          where: { fulfillmentOrderId: fo.id, isReturnLabel: false, carrier: LOCAL_DELIVERY_CARRIER, status: { notIn: ["CANCELLED", "DELIVERED", "RETURNED"] } },
          data: { status: "OUT_FOR_DELIVERY", trackingNumber, lastEventAt: ctx.now },
        });
        await recordOrderEvent(tx, fo.orderId, "delivery.out", `${fo.number} is out for delivery with ${run.driverName} (run ${run.number}, stop ${stop.sequence}).`, inner, { runId: run.id, stopId: stop.id });
        await enqueueEvents(tx, [{ topic: "fulfillment.changed", locationId: run.locationId, payload: { fulfillmentOrderId: fo.id, orderId: fo.orderId, locationId: run.locationId, status: "SHIPPED", change: "delivery.out" } }]);
        going += 1;
      }
      if (going === 0) throw new AppError("VALIDATION_FAILED", `Run ${run.number} has no stop left to deliver.`, { fields: [{ path: ["runId"], message: "No stops" }] });
      const moved = await tx.deliveryRun.updateMany({ where: { id: run.id, status: "PLANNED" }, data: { status: "OUT", startedAt: ctx.now } });
      if (moved.count !== 1) throw new AppError("CONFLICT", `Run ${run.number} was changed by someone else just now.`, { retryable: true });
      return loadRunView(tx, run.id);
    });
  } catch (error) {
    translateDatabaseError(error);
  }
}
