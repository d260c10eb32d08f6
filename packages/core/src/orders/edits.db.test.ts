import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { markPacked, markShipped, startPicking } from "../fulfillment/index.ts";
import { verifyLedger } from "../inventory/index.ts";
import { cancelOrder, cancelOrderLine, changeShippingAddress, createOrder, getOrder, mergeOrders, splitOrder } from "./index.ts";
import { krakowAddress, orderContext, orderWorld, stockAt, webShipOrder } from "./testing.ts";

const db = useTestDatabase();

const twoLines = (w: Awaited<ReturnType<typeof orderWorld>>) => [
  { variantId: w.variants[0]!.id, quantity: 3 },
  { variantId: w.variants[1]!.id, quantity: 1 },
];

describe("cancelOrder", () => {
  it("releases every reservation and records a pending refund for the captured money", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w, { lines: twoLines(w) }), ctx);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ available: 2 });
    const cancelled = await cancelOrder({ orderId: order.id, reason: "Customer changed their mind" }, ctx);
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "Customer changed their mind", total: 0 });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(await stockAt(db.prisma, w.variants[1]!.id, w.krakow.id)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(cancelled.fulfillmentOrders.map((f) => f.status)).toEqual(["CANCELLED"]);
    expect(cancelled.refunds).toEqual([expect.objectContaining({ status: "PENDING", method: "ORIGINAL_PAYMENT", amount: 40_000, paymentId: order.payments[0]!.id })]);
    expect(cancelled.tasks.every((t) => t.status === "CANCELLED")).toBe(true);
    expect(cancelled.lines.map((l) => l.quantityCancelled)).toEqual([3, 1]);
    expect(cancelled.events.at(-1)!.message).toMatch(/Order cancelled: Customer changed their mind\. .*400\.00 will be refunded/);
    await expectAppError(cancelOrder({ orderId: order.id, reason: "again" }, ctx), "INVALID_TRANSITION", /cancelled cannot become cancelled/);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("records no refund for an order that was never paid, and refuses once a parcel shipped", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const authorized = await createOrder(webShipOrder(w, { payment: { status: "AUTHORIZED" } }), ctx);
    const cancelled = await cancelOrder({ orderId: authorized.id, reason: "Fraud check" }, ctx);
    expect(cancelled.refunds).toEqual([]);
    expect((cancelled.events.at(-1)!.data as { voidPaymentIds: string[] }).voidPaymentIds).toEqual([authorized.payments[0]!.id]);

    const shipped = await createOrder(webShipOrder(w), ctx);
    const f = shipped.fulfillmentOrders[0]!.id;
    await startPicking({ fulfillmentOrderId: f }, ctx);
    await markPacked({ fulfillmentOrderId: f }, ctx);
    await markShipped({ fulfillmentOrderId: f, carrier: "DPD", trackingNumber: "X1" }, ctx);
    await expectAppError(cancelOrder({ orderId: shipped.id, reason: "late" }, ctx), "INVALID_TRANSITION", /already been shipped/);
  });
});

describe("cancelOrderLine", () => {
  it("cancels part of a line: reservation shrinks, totals drop exactly, the difference is refunded", async () => {
    const w = await orderWorld(db.prisma, { price: 1000 });
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w, { lines: twoLines(w) }), ctx);
    expect(order.total).toBe(4000);
    const line = order.lines[0]!;
    const after = await cancelOrderLine({ orderId: order.id, orderLineId: line.id, quantity: 2, reason: "Out of budget" }, ctx);
    expect(after.status).toBe("ALLOCATED");
    expect(after.lines[0]).toMatchObject({ quantity: 3, quantityCancelled: 2, total: 3000 });
    expect(after.total).toBe(2000);
    expect(after.taxTotal).toBe(187 * 2);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 1 });
    expect(after.refunds).toEqual([expect.objectContaining({ amount: 2000, status: "PENDING" })]);
    await expectAppError(cancelOrderLine({ orderId: order.id, orderLineId: line.id, quantity: 2, reason: "x" }, ctx), "VALIDATION_FAILED", /Only 1 × .* can still be cancelled/);

    // Cancelling everything left cancels the order.
    await cancelOrderLine({ orderId: order.id, orderLineId: line.id, quantity: 1, reason: "x" }, ctx);
    const last = await cancelOrderLine({ orderId: order.id, orderLineId: order.lines[1]!.id, quantity: 1, reason: "x" }, ctx);
    expect(last.status).toBe("CANCELLED");
    expect(last.refunds.reduce((s, r) => s + r.amount, 0)).toBe(4000);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 0 });
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });
});

describe("changeShippingAddress", () => {
  it("re-validates and re-routes to the store nearest the new address", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    expect(order.fulfillmentOrders[0]!.locationId).toBe(w.krakow.id);
    const warsawAddress = { ...krakowAddress(w), line1: "Marszalkowska 1", city: "Warsaw", postalCode: "00-624", latitude: 52.2297, longitude: 21.0122 };
    const moved = await changeShippingAddress({ orderId: order.id, address: warsawAddress }, ctx);
    expect(moved.status).toBe("ALLOCATED");
    expect(moved.fulfillmentOrders.map((f) => [f.locationId, f.status])).toEqual([
      [w.krakow.id, "CANCELLED"],
      [w.warsaw.id, "NEW"],
    ]);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 0 });
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.warsaw.id)).toMatchObject({ reserved: 2 });

    // An incomplete address puts it on hold with a task.
    const held = await changeShippingAddress({ orderId: order.id, address: { ...warsawAddress, city: "" } }, ctx);
    expect(held.status).toBe("ON_HOLD");
    expect(held.tasks.filter((t) => t.status === "OPEN" && t.kind === "VALIDATION").map((t) => t.code)).toEqual(["ADDRESS_COMPLETE"]);
  });

  it("is refused once a parcel has shipped", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w), ctx);
    const f = order.fulfillmentOrders[0]!.id;
    await startPicking({ fulfillmentOrderId: f }, ctx);
    await markPacked({ fulfillmentOrderId: f }, ctx);
    await markShipped({ fulfillmentOrderId: f, carrier: "DPD", trackingNumber: "X2" }, ctx);
    await expectAppError(changeShippingAddress({ orderId: order.id, address: krakowAddress(w) }, ctx), "INVALID_TRANSITION", /already shipped to the old address/);
  });
});

describe("splitOrder and mergeOrders", () => {
  it("splits lines into a new order of the same customer with exact totals", async () => {
    const w = await orderWorld(db.prisma, { price: 1000 });
    const ctx = orderContext(db.prisma);
    const order = await createOrder(webShipOrder(w, { lines: twoLines(w) }), ctx);
    const { original, created } = await splitOrder({ orderId: order.id, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1 }, { orderLineId: order.lines[1]!.id }] }, ctx);
    expect(original.lines.map((l) => [l.sku, l.quantity])).toEqual([[order.lines[0]!.sku, 2]]);
    expect(created.lines.map((l) => [l.lineNo, l.sku, l.quantity])).toEqual([
      [1, order.lines[0]!.sku, 1],
      [2, order.lines[1]!.sku, 1],
    ]);
    expect(original.total + created.total).toBe(order.total);
    expect(original.taxTotal + created.taxTotal).toBe(order.taxTotal);
    expect(original.subtotal + created.subtotal).toBe(order.subtotal);
    expect(created.customerId).toBe(order.customerId);
    expect(created.status).toBe("ALLOCATED");
    expect(original.status).toBe("ALLOCATED");
    expect(original.events.map((e) => e.type)).toContain("order.split");
    expect(created.events.map((e) => e.type)).toContain("order.created");
    // Each keeps its own fulfillment; reservations still match the units ordered.
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 3 });
    expect(await stockAt(db.prisma, w.variants[1]!.id, w.krakow.id)).toMatchObject({ reserved: 1 });
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("merges two open orders of one customer to the same address", async () => {
    const w = await orderWorld(db.prisma, { price: 1000 });
    const ctx = orderContext(db.prisma);
    const a = await createOrder(webShipOrder(w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1 }] }), ctx);
    const b = await createOrder(webShipOrder(w, { lines: [{ variantId: w.variants[1]!.id, quantity: 2 }] }), ctx);
    const merged = await mergeOrders({ sourceOrderId: b.id, targetOrderId: a.id }, ctx);
    expect(merged.status).toBe("ALLOCATED");
    expect(merged.lines.map((l) => [l.lineNo, l.quantity])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(merged.total).toBe(a.total + b.total);
    expect(merged.payments).toHaveLength(2);
    const source = await getOrder({ orderId: b.id }, ctx);
    expect(source).toMatchObject({ status: "CANCELLED", mergedIntoId: a.id, total: 0 });
    expect(source.refunds).toEqual([]);
    expect(await stockAt(db.prisma, w.variants[1]!.id, w.krakow.id)).toMatchObject({ reserved: 2 });
    expect(await db.prisma.reservation.count({ where: { orderId: b.id, status: "ACTIVE" } })).toBe(0);

    const other = await createOrder(webShipOrder(w, { customer: { name: "Someone Else", email: `else-${w.tag}@example.com` } }), ctx);
    await expectAppError(mergeOrders({ sourceOrderId: other.id, targetOrderId: a.id }, ctx), "VALIDATION_FAILED", /same customer/);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });
});
