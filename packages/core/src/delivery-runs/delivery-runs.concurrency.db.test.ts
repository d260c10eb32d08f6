import { AppError } from "@oms/contracts";
import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { orderContext, orderWorld } from "../orders/testing.ts";
import { completeDeliveryStop, planDeliveryRun, startDeliveryRun } from "./index.ts";
import { packedDeliveryOrder } from "./delivery-runs.fixtures.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("delivery runs under concurrency", () => {
  const t = useConcurrentDatabase();

  it("two drivers planning the same stops at once: each order lands on exactly one run", async () => {
    const w = await orderWorld(t.db.prisma);
    const orders = [await packedDeliveryOrder(t.db.prisma, w, "p1"), await packedDeliveryOrder(t.db.prisma, w, "p2"), await packedDeliveryOrder(t.db.prisma, w, "p3")];
    const locationId = orders[0]!.fo.locationId;
    const ids = orders.map((o) => o.fo.id);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => planDeliveryRun({ locationId, driverName: `Driver ${i}`, fulfillmentOrderIds: i % 2 ? [...ids].reverse() : ids }, orderContext(t.wide.prisma))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") {
        expect(AppError.isAppError(r.reason), String(r.reason)).toBe(true);
        expect((r.reason as AppError).code).toBe("CONFLICT");
      }
    }
    expect(await t.db.prisma.deliveryStop.count({ where: { fulfillmentOrderId: { in: ids }, status: "PENDING" } })).toBe(3);
  });

  it("the same stop completed from two devices at once: one proof of delivery", async () => {
    const w = await orderWorld(t.db.prisma);
    const { fo } = await packedDeliveryOrder(t.db.prisma, w, "q1");
    const ctx = orderContext(t.db.prisma);
    const run = await planDeliveryRun({ locationId: fo.locationId, driverName: "Piotr", fulfillmentOrderIds: [fo.id] }, ctx);
    await startDeliveryRun({ runId: run.id }, ctx);
    const stopId = run.stops[0]!.id;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        i % 2
          ? completeDeliveryStop({ stopId, outcome: "FAILED", failureReason: "Closed" }, orderContext(t.wide.prisma))
          : completeDeliveryStop({ stopId, outcome: "DELIVERED", recipientName: `Person ${i}` }, orderContext(t.wide.prisma)),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
    const stop = await t.db.prisma.deliveryStop.findUniqueOrThrow({ where: { id: stopId } });
    expect(["DELIVERED", "FAILED"]).toContain(stop.status);
    const fulfillment = await t.db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: fo.id } });
    expect(fulfillment.status).toBe(stop.status === "DELIVERED" ? "DELIVERED" : "SHIPPED");
  });
});
