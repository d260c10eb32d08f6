import { createHash } from "node:crypto";
import { ApplyTrackingUpdatesInput, type ApplyTrackingResult, type TrackingStatus } from "@oms/contracts";
import type { ShipmentStatus, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { confirmDelivered } from "../fulfillment/index.ts";
import { closeTasks, createTask, recordOrderEvent } from "../orders/index.ts";
import { markReturnParcelArrived, openReturnRequest } from "../returns/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";

type Update = ApplyTrackingUpdatesInput["updates"][number] & { occurredAt: Date; detail: string | null; location: string | null };

/** A redelivered webhook carries the same event: the same key, stored once. */
export function trackingDedupeKey(carrier: string, update: { trackingNumber: string; status: string; occurredAt: Date; detail: string | null }): string {
  return createHash("sha256").update([carrier, update.trackingNumber, update.status, update.occurredAt.toISOString(), update.detail ?? ""].join("\u001f")).digest("hex");
}

/** Once a parcel is here, nothing a carrier says later changes it. */
const finalShipmentStatuses: readonly ShipmentStatus[] = ["DELIVERED", "RETURNED", "CANCELLED"];

const shipmentStatusOf: Partial<Record<TrackingStatus, ShipmentStatus>> = {
  IN_TRANSIT: "IN_TRANSIT",
  OUT_FOR_DELIVERY: "OUT_FOR_DELIVERY",
  FAILED_ATTEMPT: "FAILED_ATTEMPT",
  DELIVERED: "DELIVERED",
  RETURNED_TO_SENDER: "RETURNED",
};

/** Failed attempts after which a person looks at the parcel (carriers usually try twice or three times). */
export const FAILED_ATTEMPTS_BEFORE_TASK = 2;

/**
 * Applies tracking updates from a carrier's webhook, each in its own transaction, in the
 * order they happened. Every event is stored once (`TrackingEvent.dedupeKey`), so a
 * redelivered webhook changes nothing; an event older than the newest one applied to the
 * shipment is kept in the history but moves nothing, so a late "in transit" never undoes
 * "delivered". What moves:
 * - IN_TRANSIT, OUT_FOR_DELIVERY: the shipment's status;
 * - FAILED_ATTEMPT: counted on the shipment; from the second one the store gets a task;
 * - DELIVERED: the shipment, and the fulfilment order (SHIPPED → DELIVERED, order status
 *   synced) once every parcel of it is delivered; for a return label the return becomes
 *   RECEIVED and the store gets a task to book the parcel in;
 * - RETURNED_TO_SENDER: the parcel comes back: the fulfilment order closes (the goods left
 *   and come back as a return), a requested return (RMA) for its units is opened at the
 *   shipping location, and the store gets a task. Stock goes back only when the store books
 *   the parcel in (`receiveRequestedReturn`).
 */
export async function applyTrackingUpdates(rawInput: ApplyTrackingUpdatesInput, ctx: DomainContext): Promise<ApplyTrackingResult> {
  const input = parseInput(ApplyTrackingUpdatesInput, rawInput);
  const result: ApplyTrackingResult = { applied: 0, historyOnly: 0, duplicates: 0, unmatched: 0 };
  const updates = [...input.updates].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()) as Update[];
  for (const update of updates) {
    const outcome = await withTransaction(ctx, (tx) => applyOne(tx, input.carrier, update, { ...ctx, db: tx }));
    result[outcome] += 1;
  }
  return result;
}

async function findShipment(tx: Tx, carrier: string, trackingNumber: string) {
  const candidates = await tx.shipment.findMany({ where: { trackingNumber }, select: { id: true, carrier: true, fulfillmentOrderId: true }, take: 5 });
  return candidates.find((s) => s.carrier === carrier) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

async function applyOne(tx: Tx, carrier: string, update: Update, ctx: DomainContext): Promise<keyof ApplyTrackingResult> {
  const found = await findShipment(tx, carrier, update.trackingNumber);
  if (!found) return "unmatched";
  // The fulfilment order first, then the shipment: the lock order of every fulfilment command.
  await tx.$queryRaw`SELECT "id" FROM "FulfillmentOrder" WHERE "id" = ${found.fulfillmentOrderId}::uuid FOR UPDATE`;
  await tx.$queryRaw`SELECT "id" FROM "Shipment" WHERE "id" = ${found.id}::uuid FOR UPDATE`;
  const shipment = await tx.shipment.findUniqueOrThrow({
    where: { id: found.id },
    include: { fulfillmentOrder: { select: { id: true, number: true, orderId: true, locationId: true, status: true, type: true, order: { select: { number: true } } } } },
  });
  const stale = (shipment.lastEventAt !== null && update.occurredAt < shipment.lastEventAt) || finalShipmentStatuses.includes(shipment.status);
  const moves = !stale && update.status !== "UNKNOWN";
  const inserted = await tx.trackingEvent.createMany({
    data: [
      {
        shipmentId: shipment.id,
        status: update.status,
        detail: update.detail,
        location: update.location,
        occurredAt: update.occurredAt,
        receivedAt: ctx.now,
        dedupeKey: trackingDedupeKey(carrier, update),
        applied: moves,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return "duplicates";
  const fo = shipment.fulfillmentOrder;
  const live = (change: string) =>
    enqueueEvents(tx, [{ topic: "fulfillment.changed", locationId: fo.locationId, payload: { fulfillmentOrderId: fo.id, orderId: fo.orderId, locationId: fo.locationId, status: fo.status, change } }]);
  if (!moves) {
    await live("tracking.history");
    return "historyOnly";
  }
  const next = shipmentStatusOf[update.status];
  const failedAttempts = shipment.failedAttempts + (update.status === "FAILED_ATTEMPT" ? 1 : 0);
  await tx.shipment.update({
    where: { id: shipment.id },
    data: {
      lastEventAt: update.occurredAt,
      failedAttempts,
      ...(next ? { status: next } : {}),
      ...(update.status === "DELIVERED" ? { deliveredAt: update.occurredAt } : {}),
    },
  });
  const what = shipment.isReturnLabel ? `Return parcel ${update.trackingNumber}` : `Parcel ${update.trackingNumber} of ${fo.number}`;
  const words = update.detail ? ` (${update.detail})` : "";
  const timeline = (message: string) => recordOrderEvent(tx, fo.orderId, `tracking.${update.status.toLowerCase()}`, message, ctx, { shipmentId: shipment.id, trackingNumber: update.trackingNumber, status: update.status });

  switch (update.status) {
    case "OUT_FOR_DELIVERY":
      await timeline(`${what} is out for delivery${words}.`);
      break;
    case "FAILED_ATTEMPT":
      await timeline(`${what}: delivery attempt ${failedAttempts} failed${words}.`);
      if (failedAttempts >= FAILED_ATTEMPTS_BEFORE_TASK && !shipment.isReturnLabel) {
        const open = await tx.task.count({ where: { fulfillmentOrderId: fo.id, code: "DELIVERY_FAILED", status: { in: ["OPEN", "IN_PROGRESS"] } } });
        if (open === 0) {
          await createTask(
            tx,
            {
              kind: "LATE_SHIPMENT",
              code: "DELIVERY_FAILED",
              title: `${fo.number}: ${failedAttempts} failed delivery attempts`,
              instruction: `The carrier could not deliver parcel ${update.trackingNumber}${words}. Call the customer to check the address or arrange a pickup point before the carrier sends it back.`,
              assigneeRole: "MANAGER",
              locationId: fo.locationId,
              orderId: fo.orderId,
              fulfillmentOrderId: fo.id,
              data: { shipmentId: shipment.id, trackingNumber: update.trackingNumber, failedAttempts },
            },
            ctx,
          );
        }
      }
      break;
    case "DELIVERED":
      if (shipment.isReturnLabel) {
        await timeline(`${what} was delivered to the store${words}.`);
        if (shipment.returnId && (await markReturnParcelArrived(tx, shipment.returnId, ctx))) {
          const ret = await tx.return.findUniqueOrThrow({ where: { id: shipment.returnId }, select: { number: true, locationId: true } });
          await createTask(
            tx,
            {
              kind: "GENERAL",
              code: "RETURN_ARRIVED",
              title: `Book in return ${ret.number}`,
              instruction: `The return parcel ${update.trackingNumber} of order ${fo.order.number} was delivered. Open it, check each item's condition and book it in; the refund follows.`,
              assigneeRole: "ASSOCIATE",
              locationId: ret.locationId,
              orderId: fo.orderId,
              data: { returnId: shipment.returnId, shipmentId: shipment.id },
            },
            ctx,
          );
        }
      } else {
        const waiting = await tx.shipment.count({ where: { fulfillmentOrderId: fo.id, isReturnLabel: false, id: { not: shipment.id }, status: { notIn: ["DELIVERED", "CANCELLED", "RETURNED"] } } });
        if (fo.status === "SHIPPED" && waiting === 0) {
          await confirmDelivered({ fulfillmentOrderId: fo.id }, ctx);
        } else {
          await timeline(`${what} was delivered${words}; ${waiting} more parcel${waiting === 1 ? "" : "s"} on the way.`);
        }
        await closeTasks(tx, { fulfillmentOrderId: fo.id, code: "DELIVERY_FAILED" }, "DONE", `Delivered${words}.`, ctx);
      }
      break;
    case "RETURNED_TO_SENDER":
      await timeline(`${what} is being returned to the sender${words}.`);
      if (!shipment.isReturnLabel) await parcelReturnedToSender(tx, shipment, fo, update, ctx);
      break;
    default:
      break;
  }
  await live(`tracking.${update.status.toLowerCase()}`);
  return "applied";
}

/**
 * The carrier gave up and brings the goods back. The fulfilment order closes as DELIVERED
 * (the units left our hands and return as goods do, through a return), a REQUESTED return
 * for the fulfilment order's units is opened at the shipping location, and the store gets
 * a task to book the parcel in when it arrives; stock goes back only then.
 */
async function parcelReturnedToSender(
  tx: Tx,
  shipment: { id: string },
  fo: { id: string; number: string; orderId: string; locationId: string; status: string; order: { number: string } },
  update: Update,
  ctx: DomainContext,
): Promise<void> {
  if (fo.status !== "SHIPPED") return;
  const closed = await confirmDelivered({ fulfillmentOrderId: fo.id }, ctx);
  const lines = closed.lines.map((l) => ({ orderLineId: l.orderLineId, quantity: l.quantity - l.quantityRejected })).filter((l) => l.quantity > 0);
  if (lines.length === 0) return;
  const opened = await openReturnRequest(
    tx,
    {
      orderId: fo.orderId,
      locationId: fo.locationId,
      refundMethod: "ORIGINAL_PAYMENT",
      lines: lines.map((l) => ({ ...l, reason: "OTHER" as const })),
      note: `Returned to sender by the carrier${update.detail ? `: ${update.detail}` : ""}.`,
      requestedBy: "CARRIER",
    },
    ctx,
  );
  await tx.shipment.update({ where: { id: shipment.id }, data: { returnId: opened.id } });
  await createTask(
    tx,
    {
      kind: "LATE_SHIPMENT",
      code: "PARCEL_RETURNED",
      title: `${fo.number} is coming back (return ${opened.number})`,
      instruction: `The carrier is returning parcel ${update.trackingNumber} of order ${fo.order.number}. Contact the customer (send again or refund); when the parcel arrives, book in return ${opened.number}: the stock and the refund follow from it.`,
      assigneeRole: "MANAGER",
      locationId: fo.locationId,
      orderId: fo.orderId,
      fulfillmentOrderId: fo.id,
      data: { returnId: opened.id, shipmentId: shipment.id },
    },
    ctx,
  );
}
