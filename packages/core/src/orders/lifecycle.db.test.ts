import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { completeCarryOut, confirmDelivered, confirmPickedUp, markPacked, markReadyForPickup, markShipped, rejectFulfillmentLines, startPicking } from "../fulfillment/index.ts";
import { verifyLedger } from "../inventory/index.ts";
import { createOrder, getOrder, listOrders, sweepLateOrders } from "./index.ts";
import { orderContext, orderWorld, stockAt, webPickupOrder, webShipOrder } from "./testing.ts";

const db = useTestDatabase();

describe("createOrder + allocation", () => {
  it("allocates a paid web shipment to the nearest store with stock and stores the trace", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    expect(order.status).toBe("ALLOCATED");
    expect(order.number).toMatch(/^W-\d{6}$/);
    expect(order.total).toBe(20_000);
    expect(order.taxTotal).toBe(3740); // 2 × 1870: 23 % inside 100.00
    expect(order.pricesIncludeTax).toBe(true);
    expect(order.fulfillmentOrders).toHaveLength(1);
    const f = order.fulfillmentOrders[0]!;
    expect(f).toMatchObject({ locationId: w.krakow.id, type: "SHIP", status: "NEW", number: `${order.number}-F1`, pickupCode: null });
    expect(f.promisedAt!.getTime()).toBe(order.placedAt.getTime() + 2 * 86_400_000);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toEqual({ onHand: 5, reserved: 2, available: 3 });
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.warsaw.id)).toMatchObject({ reserved: 0 });
    const run = order.routingTrace.runs[0]!;
    expect(order.routingTrace.request).toEqual({ fulfillmentType: "SHIP", locationId: null });
    expect(run.outcome).toBe("ROUTED");
    expect(run.trace.candidates.find((c) => c.locationId === w.krakow.id)).toMatchObject({ chosen: true, rank: 1 });
    expect(run.trace.steps.join(" ")).toMatch(/can fill the whole order/);
    expect(order.customerId).not.toBeNull();
    expect(order.payments).toEqual([expect.objectContaining({ status: "CAPTURED", amount: 20_000, amountCaptured: 20_000 })]);
    expect(order.tasks).toEqual([expect.objectContaining({ kind: "PICK", assigneeRole: "ASSOCIATE", locationId: w.krakow.id, status: "OPEN" })]);
    expect(order.events.map((e) => e.type)).toEqual(["order.created", "order.allocated", "fulfillment.created"]);
    const outbox = await db.prisma.outboxEvent.findMany({ where: { topic: "order.changed" } });
    expect(outbox.some((o) => (o.payload as { orderId: string; change: string }).orderId === order.id && (o.payload as { change: string }).change === "order.allocated")).toBe(true);

    // The same channel order again is refused, naming the existing order.
    await createOrder(webShipOrder(w, { externalId: "shop-1" }), ctx);
    await expectAppError(createOrder(webShipOrder(w, { externalId: "shop-1" }), ctx), "CONFLICT", /already taken as W-/);
  });

  it("adds tax on top for stores with net prices and uses the reduced rate", async () => {
    const w = await orderWorld(db.prisma, { pricesIncludeTax: false, price: 1999 });
    await db.prisma.product.update({ where: { id: w.product.id }, data: { taxCategory: "REDUCED" } });
    const order = await createOrder(webShipOrder(w, { lines: [{ variantId: w.variants[0]!.id, quantity: 3 }] }), orderContext(db.prisma));
    expect(order.lines[0]).toMatchObject({ unitPrice: 1999, taxRateBps: 800, taxTotal: 480, total: 6477 });
    expect(order).toMatchObject({ subtotal: 5997, taxTotal: 480, total: 6477, pricesIncludeTax: false });
  });

  it("takes a pay-at-pickup order for the chosen store with a pickup code", async () => {
    const w = await orderWorld(db.prisma);
    const order = await createOrder(webPickupOrder(w), orderContext(db.prisma));
    expect(order.status).toBe("ALLOCATED");
    expect(order.paymentStatus).toBe("PAY_AT_PICKUP");
    expect(order.payments).toEqual([]);
    const f = order.fulfillmentOrders[0]!;
    expect(f).toMatchObject({ locationId: w.warsaw.id, type: "PICKUP" });
    expect(f.pickupCode).toMatch(/^\d{6}$/);
    expect(f.promisedAt!.getTime()).toBe(order.placedAt.getTime() + 4 * 3_600_000);
    expect(order.tasks).toEqual([expect.objectContaining({ kind: "PICK", locationId: w.warsaw.id })]);
  });
});

describe("fulfillment", () => {
  it("ships and delivers: stock leaves, the order is fulfilled and the ledger reconciles", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    const id = order.fulfillmentOrders[0]!.id;
    await expectAppError(markShipped({ fulfillmentOrderId: id, carrier: "DPD", trackingNumber: "1" }, ctx), "INVALID_TRANSITION", /new cannot become shipped/);
    await startPicking({ fulfillmentOrderId: id }, ctx);
    expect((await getOrder({ orderId: order.id }, ctx)).status).toBe("IN_FULFILLMENT");
    await markPacked({ fulfillmentOrderId: id, bagCount: 1 }, ctx);
    await markShipped({ fulfillmentOrderId: id, carrier: "DPD", trackingNumber: "TRK123" }, ctx);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toEqual({ onHand: 3, reserved: 0, available: 3 });
    await confirmDelivered({ fulfillmentOrderId: id }, ctx);
    const done = await getOrder({ orderId: order.id }, ctx);
    expect(done.status).toBe("FULFILLED");
    expect(done.lines[0]!.quantityFulfilled).toBe(2);
    expect(done.fulfillmentOrders[0]!.shipments).toEqual([expect.objectContaining({ carrier: "DPD", trackingNumber: "TRK123", status: "DELIVERED" })]);
    expect(done.tasks.find((t) => t.kind === "PICK")!.status).toBe("DONE");
    const movements = await db.prisma.inventoryMovement.findMany({ where: { orderId: order.id } });
    expect(movements).toEqual([expect.objectContaining({ kind: "SHIPMENT", quantity: -2, fulfillmentOrderId: id })]);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("hands a pickup over only with the right code", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webPickupOrder(w), ctx);
    const f = order.fulfillmentOrders[0]!;
    await startPicking({ fulfillmentOrderId: f.id }, ctx);
    await markPacked({ fulfillmentOrderId: f.id }, ctx);
    await markReadyForPickup({ fulfillmentOrderId: f.id, stagingShelf: "A1" }, ctx);
    const wrong = f.pickupCode === "000000" ? "111111" : "000000";
    await expectAppError(confirmPickedUp({ fulfillmentOrderId: f.id, pickupCode: wrong }, ctx), "VALIDATION_FAILED", /does not match/);
    await confirmPickedUp({ fulfillmentOrderId: f.id, pickupCode: f.pickupCode! }, ctx);
    const done = await getOrder({ orderId: order.id }, ctx);
    expect(done.status).toBe("FULFILLED");
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.warsaw.id)).toEqual({ onHand: 4, reserved: 0, available: 4 });
    expect((await db.prisma.inventoryMovement.findMany({ where: { orderId: order.id } })).map((m) => m.kind)).toEqual(["PICKUP_HANDOVER"]);
  });

  it("completes a till carry-out sale at once", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(
      { channel: "POS", originLocationId: w.warsaw.id, customer: { name: "Walk-in" }, currency: w.currency, lines: [{ variantId: w.variants[1]!.id, quantity: 1, unitPrice: 9000 }], fulfillment: { type: "CARRY_OUT" }, payment: { status: "PAID" } },
      ctx,
    );
    expect(order.number).toMatch(new RegExp(`^${w.warsaw.code}-\\d{6}$`));
    expect(order.status).toBe("ALLOCATED");
    expect(order.total).toBe(9000); // POS is trusted with prices
    await completeCarryOut({ fulfillmentOrderId: order.fulfillmentOrders[0]!.id }, ctx);
    expect((await getOrder({ orderId: order.id }, ctx)).status).toBe("FULFILLED");
    expect((await db.prisma.inventoryMovement.findMany({ where: { orderId: order.id } })).map((m) => [m.kind, m.quantity])).toEqual([["SALE", -1]]);
  });

  it("re-routes rejected items to another location, excluding the store that rejected them", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    const first = order.fulfillmentOrders[0]!;
    expect(first.locationId).toBe(w.krakow.id);
    const after = await rejectFulfillmentLines({ fulfillmentOrderId: first.id, reason: "Not on the shelf" }, ctx);
    expect(after.status).toBe("ALLOCATED");
    const [rejected, second] = after.fulfillmentOrders;
    expect(rejected).toMatchObject({ status: "REJECTED", rejectedReason: "Not on the shelf" });
    expect(rejected!.lines[0]!.quantityRejected).toBe(2);
    expect(second).toMatchObject({ locationId: w.warsaw.id, status: "NEW", number: `${order.number}-F2` });
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 0 });
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.warsaw.id)).toMatchObject({ reserved: 2 });
    expect(after.routingTrace.runs).toHaveLength(2);
    expect(after.routingTrace.runs[1]!.trace.candidates.find((c) => c.locationId === w.krakow.id)!.rejections.map((r) => r.code)).toContain("EXCLUDED");
    expect(after.tasks.filter((t) => t.kind === "PICK").map((t) => [t.locationId, t.status])).toEqual([
      [w.krakow.id, "CANCELLED"],
      [w.warsaw.id, "OPEN"],
    ]);

    // Warsaw rejects too: nowhere is left, so the order waits for a person.
    const held = await rejectFulfillmentLines({ fulfillmentOrderId: second!.id, reason: "Damaged" }, ctx);
    expect(held.status).toBe("ON_HOLD");
    expect(held.tasks.find((t) => t.kind === "VALIDATION")).toMatchObject({ code: "ROUTING_FAILED", assigneeRole: "ADMIN", status: "OPEN" });
    expect(held.tasks.find((t) => t.kind === "VALIDATION")!.instruction).toMatch(/No location can fulfil 2 × Trail Jacket/);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });
});

describe("sweepLateOrders", () => {
  it("flags late pickups and shipments once, however often it runs", async () => {
    const w = await orderWorld(db.prisma);
    const placed = new Date("2026-11-20T08:00:00Z");
    const ctx = orderContext(db.prisma, placed);
    const pickup = await createOrder(webPickupOrder(w), ctx);
    const ship = await createOrder(webShipOrder(w), ctx);
    const early = await sweepLateOrders(orderContext(db.prisma, new Date("2026-11-20T11:00:00Z")));
    expect((await getOrder({ orderId: pickup.id }, ctx)).isLate).toBe(false);
    expect(early.latePickups).toBe(0);

    const later = orderContext(db.prisma, new Date("2026-11-22T09:00:00Z"));
    const first = await sweepLateOrders(later);
    const second = await sweepLateOrders(later);
    expect(first.latePickups).toBeGreaterThanOrEqual(1);
    expect(first.lateShipments).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ latePickups: 0, lateShipments: 0, promisesMissed: 0 });
    const p = await getOrder({ orderId: pickup.id }, ctx);
    const s = await getOrder({ orderId: ship.id }, ctx);
    expect(p.isLate).toBe(true);
    expect(s.isLate).toBe(true);
    expect(p.tasks.filter((t) => t.kind === "LATE_PICKUP")).toEqual([expect.objectContaining({ assigneeRole: "MANAGER", locationId: w.warsaw.id })]);
    expect(s.tasks.filter((t) => t.kind === "LATE_SHIPMENT")).toHaveLength(1);
    expect(p.events.filter((e) => e.type === "order.late_pickup")).toHaveLength(1);
    expect((await listOrders({ late: true, search: p.number }, ctx)).items.map((o) => o.id)).toEqual([pickup.id]);
  });

  it("flags an order on hold past its promise", async () => {
    const w = await orderWorld(db.prisma, { stock: [[0, 0, 0]] });
    const ctx = orderContext(db.prisma, new Date("2026-11-01T08:00:00Z"));
    const order = await createOrder(webShipOrder(w), ctx);
    expect(order.status).toBe("ON_HOLD");
    const result = await sweepLateOrders(orderContext(db.prisma, new Date("2026-11-05T08:00:00Z")));
    expect(result.promisesMissed).toBeGreaterThanOrEqual(1);
    await sweepLateOrders(orderContext(db.prisma, new Date("2026-11-06T08:00:00Z")));
    const after = await getOrder({ orderId: order.id }, ctx);
    expect(after.tasks.filter((t) => t.kind === "PROMISE_MISSED")).toEqual([expect.objectContaining({ assigneeRole: "ADMIN" })]);
  });
});

describe("listOrders", () => {
  it("filters and pages newest first", async () => {
    const w = await orderWorld(db.prisma);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createOrder(webShipOrder(w, { lines: [{ variantId: w.variants[1]!.id, quantity: 1 }] }), orderContext(db.prisma, new Date(Date.UTC(2026, 0, 1 + i))))).id);
    const search = `anna-${w.tag}`;
    const page1 = await listOrders({ search, limit: 2 }, orderContext(db.prisma));
    expect(page1.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    const page2 = await listOrders({ search, limit: 2, cursor: page1.nextCursor! }, orderContext(db.prisma));
    expect(page2.items.map((o) => o.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();
    expect((await listOrders({ search, locationId: w.krakow.id, status: ["ALLOCATED"], channel: ["WEB"] }, orderContext(db.prisma))).items).toHaveLength(3);
    expect((await listOrders({ search, from: new Date(Date.UTC(2026, 0, 2)), to: new Date(Date.UTC(2026, 0, 2, 12)) }, orderContext(db.prisma))).items.map((o) => o.id)).toEqual([ids[1]]);
  });
});
