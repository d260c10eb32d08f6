import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { getOrder } from "../orders/index.ts";
import { orderContext, orderWorld, stockAt } from "../orders/testing.ts";
import { expectAppError } from "../testing/index.ts";
import { getOrderTracking } from "../tracking/index.ts";
import { cancelDeliveryRun, completeDeliveryStop, finishDeliveryRun, getDeliveryRun, listDeliverableOrders, listDeliveryRuns, planDeliveryRun, startDeliveryRun } from "./index.ts";
import { packedDeliveryOrder } from "./delivery-runs.fixtures.ts";

const db = useTestDatabase();

describe("delivery runs", () => {
  it("plans, starts, delivers with proof, fails with a reason, re-plans and finishes", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma, new Date("2026-12-01T13:32:00Z"));
    const a = await packedDeliveryOrder(db.prisma, w, "a");
    const b = await packedDeliveryOrder(db.prisma, w, "b");
    const locationId = a.fo.locationId;
    expect(b.fo.locationId).toBe(locationId);
    expect((await listDeliverableOrders({ locationId }, ctx)).map((o) => o.fulfillmentOrderId).sort()).toEqual([a.fo.id, b.fo.id].sort());

    await expectAppError(planDeliveryRun({ locationId, fulfillmentOrderIds: [a.fo.id] }, ctx), "VALIDATION_FAILED", /driver/);
    const run = await planDeliveryRun({ locationId, driverName: "Piotr", fulfillmentOrderIds: [b.fo.id, a.fo.id] }, ctx);
    expect(run).toMatchObject({ status: "PLANNED", driverName: "Piotr", number: expect.stringMatching(/^DR-\d{6}$/) });
    expect(run.stops.map((s) => [s.sequence, s.fulfillmentOrderId])).toEqual([[1, b.fo.id], [2, a.fo.id]]);
    expect(run.stops[0]!.address).toBe("Rynek Glowny 1, 31-042 Krakow");
    // Already on a run: refused, naming the order.
    await expectAppError(planDeliveryRun({ locationId, driverName: "Ola", fulfillmentOrderIds: [a.fo.id] }, ctx), "CONFLICT", /already on run DR-/);
    expect(await listDeliverableOrders({ locationId }, ctx)).toEqual([]);
    await expectAppError(completeDeliveryStop({ stopId: run.stops[0]!.id, outcome: "DELIVERED", recipientName: "X" }, ctx), "INVALID_TRANSITION", /planned/);

    const before = await stockAt(db.prisma, w.variants[0]!.id, locationId);
    const out = await startDeliveryRun({ runId: run.id }, ctx);
    expect(out.status).toBe("OUT");
    expect(out.stops.map((s) => s.fulfillmentStatus)).toEqual(["SHIPPED", "SHIPPED"]);
    expect(await stockAt(db.prisma, w.variants[0]!.id, locationId)).toEqual({ ...before, onHand: before.onHand - 2, reserved: before.reserved - 2 });
    expect(await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: a.fo.id } })).toMatchObject({ carrier: "local", status: "OUT_FOR_DELIVERY", trackingNumber: `${run.number}-2` });

    await expectAppError(completeDeliveryStop({ stopId: run.stops[0]!.id, outcome: "DELIVERED", recipientName: " " }, ctx), "VALIDATION_FAILED", /recipientName/);
    const afterFirst = await completeDeliveryStop({ stopId: run.stops[0]!.id, outcome: "DELIVERED", recipientName: "J. Smith" }, ctx);
    expect(afterFirst.stops[0]).toMatchObject({ status: "DELIVERED", recipientName: "J. Smith", deliveredAt: "2026-12-01T13:32:00.000Z", fulfillmentStatus: "DELIVERED" });
    expect((await getOrder({ orderId: b.order.id }, ctx)).status).toBe("FULFILLED");
    await expectAppError(completeDeliveryStop({ stopId: run.stops[0]!.id, outcome: "FAILED", failureReason: "x" }, ctx), "CONFLICT", /already delivered/);
    await expectAppError(finishDeliveryRun({ runId: run.id }, ctx), "VALIDATION_FAILED", /stop 2/);

    await completeDeliveryStop({ stopId: run.stops[1]!.id, outcome: "FAILED", failureReason: "Nobody home" }, ctx);
    expect(await db.prisma.task.count({ where: { fulfillmentOrderId: a.fo.id, code: "DELIVERY_FAILED", status: "OPEN" } })).toBe(1);
    expect((await finishDeliveryRun({ runId: run.id }, ctx)).status).toBe("COMPLETED");

    const tracking = await getOrderTracking(db.prisma, b.order.id);
    expect(tracking.deliveries).toEqual([expect.objectContaining({ status: "DELIVERED", recipientName: "J. Smith", runNumber: run.number })]);

    // The failed one can go out again on another run and be delivered.
    expect(await listDeliverableOrders({ locationId }, ctx)).toEqual([expect.objectContaining({ fulfillmentOrderId: a.fo.id, lastFailure: "Nobody home" })]);
    const again = await planDeliveryRun({ locationId, driverName: "Ola", fulfillmentOrderIds: [a.fo.id] }, ctx);
    await startDeliveryRun({ runId: again.id }, ctx);
    const done = await completeDeliveryStop({ stopId: again.stops[0]!.id, outcome: "DELIVERED", recipientName: "Ewa a" }, ctx);
    expect(done.stops[0]!.fulfillmentStatus).toBe("DELIVERED");
    expect(await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: a.fo.id } })).toMatchObject({ status: "DELIVERED", failedAttempts: 1 });
    expect((await listDeliveryRuns({ locationId }, ctx)).map((r) => r.status)).toEqual(["OUT", "COMPLETED"]);
    expect((await getDeliveryRun({ runId: again.id }, ctx)).stops).toHaveLength(1);
  });

  it("a planned run can be cancelled, freeing its orders; store staff of another store are refused", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const a = await packedDeliveryOrder(db.prisma, w, "c");
    const run = await planDeliveryRun({ locationId: a.fo.locationId, driverName: "Piotr", fulfillmentOrderIds: [a.fo.id] }, ctx);
    const other = a.fo.locationId === w.warsaw.id ? w.krakow.id : w.warsaw.id;
    const stranger = orderContext(db.prisma, new Date(), { kind: "USER", user: { id: "00000000-0000-7000-8000-000000000001", email: "x@example.com", name: "X", role: "MANAGER", locationId: other, sessionVersion: 1 } });
    await expectAppError(startDeliveryRun({ runId: run.id }, stranger), "FORBIDDEN", /your own store/);
    expect((await cancelDeliveryRun({ runId: run.id }, ctx)).status).toBe("CANCELLED");
    expect((await listDeliverableOrders({ locationId: a.fo.locationId }, ctx)).map((o) => o.fulfillmentOrderId)).toEqual([a.fo.id]);
  });
});
