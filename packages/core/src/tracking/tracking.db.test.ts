import type { TrackingStatus } from "@oms/contracts";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { markPacked, markShipped, startPicking } from "../fulfillment/index.ts";
import { verifyLedger } from "../inventory/index.ts";
import { createOrder, getOrder } from "../orders/index.ts";
import { orderContext, orderWorld, stockAt, webShipOrder, type OrderWorld } from "../orders/testing.ts";
import { receiveRequestedReturn, requestReturn } from "../returns/index.ts";
import { expectAppError } from "../testing/index.ts";
import { applyTrackingUpdates, getOrderTracking, prepareReturnLabel, recordReturnLabel } from "./index.ts";

const db = useTestDatabase();
const t = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 8, minutes));

async function shippedOrder(w: OrderWorld, trackingNumber: string) {
  const ctx = orderContext(db.prisma);
  const order = await createOrder(webShipOrder(w), ctx);
  const fo = order.fulfillmentOrders[0]!;
  await startPicking({ fulfillmentOrderId: fo.id }, ctx);
  await markPacked({ fulfillmentOrderId: fo.id, bagCount: 1 }, ctx);
  await markShipped({ fulfillmentOrderId: fo.id, carrier: "simulated", trackingNumber, weightGrams: 900 }, ctx);
  return { order, fo, ctx };
}

const update = (trackingNumber: string, status: TrackingStatus, minutes: number, detail: string | null = null) => ({ trackingNumber, status, occurredAt: t(minutes), detail, location: "Kraków" });

describe("applyTrackingUpdates", () => {
  it("moves the shipment in order, once per event, and delivers the fulfilment order", async () => {
    const w = await orderWorld(db.prisma);
    const { order, fo, ctx } = await shippedOrder(w, `SIM-A-${w.tag}`);
    const tn = `SIM-A-${w.tag}`;
    const first = await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "IN_TRANSIT", 1), update(tn, "OUT_FOR_DELIVERY", 5)] }, ctx);
    expect(first).toEqual({ applied: 2, historyOnly: 0, duplicates: 0, unmatched: 0 });
    expect((await db.prisma.shipment.findFirstOrThrow({ where: { trackingNumber: tn } })).status).toBe("OUT_FOR_DELIVERY");

    // The same webhook again: nothing new. An older event arriving late: history only.
    expect(await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "OUT_FOR_DELIVERY", 5)] }, ctx)).toMatchObject({ duplicates: 1, applied: 0 });
    expect(await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "IN_TRANSIT", 3, "Sorting centre")] }, ctx)).toMatchObject({ historyOnly: 1 });
    expect((await db.prisma.shipment.findFirstOrThrow({ where: { trackingNumber: tn } })).status).toBe("OUT_FOR_DELIVERY");

    // Delivered, listed out of order in one call: sorted by time, so delivery wins.
    const last = await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "DELIVERED", 20, "Left with a neighbour"), update(tn, "FAILED_ATTEMPT", 10, "Nobody home")] }, ctx);
    expect(last).toMatchObject({ applied: 2 });
    const shipment = await db.prisma.shipment.findFirstOrThrow({ where: { trackingNumber: tn } });
    expect(shipment).toMatchObject({ status: "DELIVERED", failedAttempts: 1, deliveredAt: t(20) });
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: fo.id } })).status).toBe("DELIVERED");
    expect((await getOrder({ orderId: order.id }, ctx)).status).toBe("FULFILLED");
    // After delivery nothing moves it again.
    expect(await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "IN_TRANSIT", 30)] }, ctx)).toMatchObject({ historyOnly: 1 });
    expect(await applyTrackingUpdates({ carrier: "simulated", updates: [update("NOT-OURS", "IN_TRANSIT", 30)] }, ctx)).toMatchObject({ unmatched: 1 });

    const tracking = await getOrderTracking(db.prisma, order.id);
    expect(tracking.shipments[0]!.events.map((e) => e.status)).toEqual(["IN_TRANSIT", "DELIVERED", "FAILED_ATTEMPT", "OUT_FOR_DELIVERY", "IN_TRANSIT", "IN_TRANSIT"]);
    const outbox = await db.prisma.outboxEvent.findMany({ where: { topic: "fulfillment.changed" } });
    const changes = outbox.map((o) => (o.payload as { fulfillmentOrderId: string; change: string })).filter((p) => p.fulfillmentOrderId === fo.id).map((p) => p.change);
    expect(changes).toEqual(expect.arrayContaining(["tracking.in_transit", "tracking.out_for_delivery", "tracking.failed_attempt", "fulfillment.delivered", "tracking.delivered"]));
    expect(await db.prisma.trackingEvent.count({ where: { shipmentId: shipment.id } })).toBe(6);
  });

  it("opens a task from the second failed attempt, once", async () => {
    const w = await orderWorld(db.prisma);
    const tn = `SIM-F-${w.tag}`;
    const { fo, ctx } = await shippedOrder(w, tn);
    await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "FAILED_ATTEMPT", 1)] }, ctx);
    expect(await db.prisma.task.count({ where: { fulfillmentOrderId: fo.id, code: "DELIVERY_FAILED" } })).toBe(0);
    await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "FAILED_ATTEMPT", 2), update(tn, "FAILED_ATTEMPT", 3)] }, ctx);
    const tasks = await db.prisma.task.findMany({ where: { fulfillmentOrderId: fo.id, code: "DELIVERY_FAILED" } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: "OPEN", locationId: fo.locationId, assigneeRole: "MANAGER" });
    expect((await db.prisma.shipment.findFirstOrThrow({ where: { trackingNumber: tn } })).failedAttempts).toBe(3);
  });

  it("returned to sender: a return is opened, stock comes back only when the store books the parcel in", async () => {
    const w = await orderWorld(db.prisma);
    const tn = `SIM-R-${w.tag}`;
    const { order, fo, ctx } = await shippedOrder(w, tn);
    const variantId = w.variants[0]!.id;
    const before = await stockAt(db.prisma, variantId, fo.locationId);
    await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "RETURNED_TO_SENDER", 5, "Address unknown")] }, ctx);
    const ret = await db.prisma.return.findFirstOrThrow({ where: { orderId: order.id }, include: { lines: true } });
    expect(ret).toMatchObject({ status: "REQUESTED", requestedBy: "CARRIER", locationId: fo.locationId });
    expect(ret.lines.map((l) => l.quantity)).toEqual([2]);
    expect(await db.prisma.task.count({ where: { orderId: order.id, code: "PARCEL_RETURNED", status: "OPEN" } })).toBe(1);
    expect(await stockAt(db.prisma, variantId, fo.locationId)).toEqual(before);
    expect((await db.prisma.shipment.findFirstOrThrow({ where: { trackingNumber: tn } })).status).toBe("RETURNED");

    const received = await receiveRequestedReturn({ returnId: ret.id, lines: [{ returnLineId: ret.lines[0]!.id, condition: "SELLABLE" }] }, ctx);
    expect(received).toMatchObject({ status: "COMPLETED", orderStatus: "RETURNED", refundTotal: 20_000 });
    expect(received.refunds).toEqual([expect.objectContaining({ method: "ORIGINAL_PAYMENT", status: "PENDING", amount: 20_000 })]);
    expect(await stockAt(db.prisma, variantId, fo.locationId)).toEqual({ ...before, onHand: before.onHand + 2, available: before.available + 2 });
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
    await expectAppError(receiveRequestedReturn({ returnId: ret.id }, ctx), "INVALID_TRANSITION", /completed/);
  });

  it("return label: requested by the customer, tracked to the store, booked in", async () => {
    const w = await orderWorld(db.prisma);
    const tn = `SIM-L-${w.tag}`;
    const { order, fo, ctx } = await shippedOrder(w, tn);
    await applyTrackingUpdates({ carrier: "simulated", updates: [update(tn, "DELIVERED", 5)] }, ctx);
    const lineId = (await db.prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } })).id;

    // More than was delivered, and then twice the same unit, are refused by field.
    await expectAppError(requestReturn({ orderId: order.id, lines: [{ orderLineId: lineId, quantity: 3, reason: "DOES_NOT_FIT" }], returnLabel: true }, ctx, "CUSTOMER"), "VALIDATION_FAILED", /lines\.0\.quantity/);
    const requested = await requestReturn({ orderId: order.id, lines: [{ orderLineId: lineId, quantity: 1, reason: "DOES_NOT_FIT" }], returnLabel: true }, ctx, "CUSTOMER");
    await requestReturn({ orderId: order.id, lines: [{ orderLineId: lineId, quantity: 1, reason: "CHANGED_MIND" }] }, ctx, "CUSTOMER");
    await expectAppError(requestReturn({ orderId: order.id, lines: [{ orderLineId: lineId, quantity: 1, reason: "CHANGED_MIND" }] }, ctx, "CUSTOMER"), "VALIDATION_FAILED", /already on a return on its way 2/);
    expect(requested.locationId).toBe(fo.locationId);

    const intent = await prepareReturnLabel({ returnId: requested.id }, ctx);
    expect(intent).toMatchObject({ carrier: "simulated", ready: false, weightGrams: 900, from: expect.objectContaining({ city: expect.any(String) }), to: expect.objectContaining({ name: expect.stringContaining("Krakow") }) });
    // Asking again (a retry) gives the same recorded purchase and key.
    expect(await prepareReturnLabel({ returnId: requested.id }, ctx)).toMatchObject({ shipmentId: intent.shipmentId, idempotencyKey: intent.idempotencyKey });
    const rtn = `SIM-RL-${w.tag}`;
    await recordReturnLabel({ shipmentId: intent.shipmentId, carrierShipmentId: "sim_1", trackingNumber: rtn, trackingUrl: null, labelUrl: "simulated-label:x", service: "standard", amount: 2540, currency: "PLN" }, ctx);
    expect(await prepareReturnLabel({ returnId: requested.id }, ctx)).toMatchObject({ ready: true });

    await applyTrackingUpdates({ carrier: "simulated", updates: [update(rtn, "IN_TRANSIT", 30)] }, ctx);
    expect((await db.prisma.return.findUniqueOrThrow({ where: { id: requested.id } })).status).toBe("REQUESTED");
    await applyTrackingUpdates({ carrier: "simulated", updates: [update(rtn, "DELIVERED", 60)] }, ctx);
    expect((await db.prisma.return.findUniqueOrThrow({ where: { id: requested.id } })).status).toBe("RECEIVED");
    expect(await db.prisma.task.count({ where: { orderId: order.id, code: "RETURN_ARRIVED" } })).toBe(1);
    const tracking = await getOrderTracking(db.prisma, order.id);
    expect(tracking.returns.find((r) => r.id === requested.id)).toMatchObject({ status: "RECEIVED", labels: [expect.objectContaining({ trackingNumber: rtn, ready: true, status: "DELIVERED" })] });

    const damaged = await db.prisma.returnLine.findFirstOrThrow({ where: { returnId: requested.id } });
    const before = await stockAt(db.prisma, w.variants[0]!.id, fo.locationId);
    const done = await receiveRequestedReturn({ returnId: requested.id, lines: [{ returnLineId: damaged.id, condition: "DAMAGED" }], refundMethod: "STORE_CREDIT" }, ctx);
    expect(done).toMatchObject({ status: "COMPLETED", orderStatus: "PARTIALLY_RETURNED", refundTotal: 10_000, storeCredit: expect.objectContaining({ balance: 10_000 }) });
    expect(await stockAt(db.prisma, w.variants[0]!.id, fo.locationId)).toEqual(before);
  });
});
