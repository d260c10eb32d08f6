import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { startPicking } from "../fulfillment/index.ts";
import { receiveStock, verifyLedger } from "../inventory/index.ts";
import { cancelOrder, createOrder, rerouteOrder } from "./index.ts";
import { orderContext, orderWorld, stockAt, webShipOrder } from "./testing.ts";

const db = useTestDatabase();

describe("rerouteOrder", () => {
  it("moves work no store has started to the best location now, with a new trace run", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    const before = order.fulfillmentOrders[0]!;
    expect(before.locationId).toBe(w.krakow.id);
    // Krakow closes for a refit: routing again must pick Warsaw.
    await db.prisma.location.update({ where: { id: w.krakow.id }, data: { active: false } });

    const after = await rerouteOrder({ orderId: order.id, reason: "Krakow is closed for a refit" }, ctx);
    expect(after.status).toBe("ALLOCATED");
    const byId = new Map(after.fulfillmentOrders.map((f) => [f.id, f]));
    expect(byId.get(before.id)!.status).toBe("CANCELLED");
    const moved = after.fulfillmentOrders.filter((f) => f.status === "NEW");
    expect(moved).toEqual([expect.objectContaining({ locationId: w.warsaw.id, number: `${order.number}-F2` })]);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 0 });
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.warsaw.id)).toMatchObject({ reserved: 2 });

    expect(after.routingTrace.runs).toHaveLength(2);
    const run = after.routingTrace.runs[1]!;
    expect(run.reason).toBe("Re-routing by hand: Krakow is closed for a refit");
    expect(run.trace.candidates.find((c) => c.locationId === w.krakow.id)!.rejections.map((r) => r.code)).toContain("INACTIVE");
    expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(["order.rerouted", "fulfillment.cancelled", "fulfillment.created"]));
    const picks = after.tasks.filter((t) => t.kind === "PICK");
    expect(picks.map((t) => [t.locationId, t.status])).toEqual([
      [w.krakow.id, "CANCELLED"],
      [w.warsaw.id, "OPEN"],
    ]);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("allocates an order on hold once stock has arrived, closing its stock task", async () => {
    const w = await orderWorld(db.prisma, { stock: [[0, 0, 0]] });
    const ctx = orderContext(db.prisma);
    const held = await createOrder(webShipOrder(w), ctx);
    expect(held.status).toBe("ON_HOLD");
    // No stock anywhere: the stock check holds it with a task.
    expect(held.tasks.filter((t) => t.status === "OPEN").map((t) => t.code)).toEqual(["STOCK_AVAILABLE"]);

    // Still nothing anywhere: stays on hold, no second task.
    const still = await rerouteOrder({ orderId: held.id }, ctx);
    expect(still.status).toBe("ON_HOLD");
    expect(still.tasks.filter((t) => t.status === "OPEN")).toHaveLength(1);

    await receiveStock({ locationId: w.warsaw.id, lines: [{ variantId: w.variants[0]!.id, quantity: 4 }] }, ctx);
    const after = await rerouteOrder({ orderId: held.id }, ctx);
    expect(after.status).toBe("ALLOCATED");
    expect(after.fulfillmentOrders).toEqual([expect.objectContaining({ locationId: w.warsaw.id, status: "NEW" })]);
    expect(after.tasks.find((t) => t.code === "STOCK_AVAILABLE")!.status).toBe("DONE");
    expect(after.routingTrace.runs.at(-1)).toMatchObject({ reason: "re-routed by hand", outcome: "ROUTED" });
  });

  it("puts the order on hold with a task when nowhere can take the units now", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    await db.prisma.location.updateMany({ where: { id: { in: [w.krakow.id, w.warsaw.id] } }, data: { active: false } });
    const after = await rerouteOrder({ orderId: order.id }, ctx);
    expect(after.status).toBe("ON_HOLD");
    expect(after.fulfillmentOrders.map((f) => f.status)).toEqual(["CANCELLED"]);
    expect(after.tasks.filter((t) => t.status === "OPEN").map((t) => t.code)).toEqual(["ROUTING_FAILED"]);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 0 });
  });

  it("leaves started work alone and refuses when nothing is left to route", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    await startPicking({ fulfillmentOrderId: order.fulfillmentOrders[0]!.id }, ctx);
    await expectAppError(rerouteOrder({ orderId: order.id }, ctx), "INVALID_TRANSITION", /nothing left to route/);

    const other = await createOrder(webShipOrder(w, { lines: [{ variantId: w.variants[1]!.id, quantity: 1 }] }), ctx);
    await cancelOrder({ orderId: other.id, reason: "Customer changed their mind" }, ctx);
    await expectAppError(rerouteOrder({ orderId: other.id }, ctx), "INVALID_TRANSITION", /cancelled/);
    await expectAppError(rerouteOrder({ orderId: "not-a-uuid" }, ctx), "VALIDATION_FAILED", /orderId/);
  });
});
