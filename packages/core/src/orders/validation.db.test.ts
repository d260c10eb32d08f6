import type { CreateOrderInput } from "@oms/contracts";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { changeOnHand, verifyLedger } from "../inventory/index.ts";
import { createOrder, getOrder, resolveTask, type OrderDetail } from "./index.ts";
import { krakowAddress, orderContext, orderWorld, stockAt, webPickupOrder, webShipOrder, type OrderWorld } from "./testing.ts";

const db = useTestDatabase();

function openValidationTasks(order: OrderDetail) {
  return order.tasks.filter((t) => t.kind === "VALIDATION" && t.status === "OPEN");
}

interface Case {
  name: string;
  code: string;
  order: (w: OrderWorld) => CreateOrderInput;
  instruction: RegExp;
  role: "ADMIN" | "MANAGER";
  atPickupStore?: boolean;
  fix: (w: OrderWorld) => Parameters<typeof resolveTask>[0] extends infer I ? Omit<I & object, "taskId" | "resolution"> : never;
}

const cases: Case[] = [
  {
    name: "address incomplete for a shipment",
    code: "ADDRESS_COMPLETE",
    order: (w) => webShipOrder(w, { fulfillment: { type: "SHIP", address: { ...krakowAddress(w), postalCode: "", line1: "" } } }),
    instruction: /missing the street and number, the postal code: contact the customer/,
    role: "ADMIN",
    fix: (w) => ({ address: krakowAddress(w) }),
  },
  {
    name: "no phone for a local delivery",
    code: "ADDRESS_COMPLETE",
    order: (w) => webShipOrder(w, { customer: { name: "Anna Nowak", email: `a-${w.tag}@example.com` }, fulfillment: { type: "DELIVERY", address: { ...krakowAddress(w), phone: undefined } } }),
    instruction: /The customer gave no phone number for the courier: call or e-mail them, then enter it here/,
    role: "ADMIN",
    fix: () => ({ phone: "+48 601 000 000" }),
  },
  {
    name: "malformed e-mail",
    code: "EMAIL_VALID",
    order: (w) => webShipOrder(w, { customer: { name: "Anna Nowak", email: "anna(at)example", phone: "+48 600 100 200" } }),
    instruction: /"anna\(at\)example" is not valid/,
    role: "ADMIN",
    fix: (w) => ({ email: `anna.fixed-${w.tag}@example.com` }),
  },
  {
    name: "malformed phone",
    code: "PHONE_VALID",
    order: (w) => webPickupOrder(w, { customer: { name: "Jan", email: `jan-${w.tag}@example.com`, phone: "call me maybe" } }),
    instruction: /"call me maybe" is not valid/,
    role: "MANAGER",
    atPickupStore: true,
    fix: () => ({ phone: "+48 600 200 300" }),
  },
  {
    name: "payment not authorized",
    code: "PAYMENT_READY",
    order: (w) => webShipOrder(w, { payment: { status: "PENDING" } }),
    instruction: /The payment has not been authorized/,
    role: "ADMIN",
    fix: () => ({ paymentStatus: "AUTHORIZED" }),
  },
  {
    name: "pay at pickup on a shipment",
    code: "PAYMENT_READY",
    order: (w) => webShipOrder(w, { payment: { status: "PAY_AT_PICKUP" } }),
    instruction: /only possible when the customer collects in a store/,
    role: "ADMIN",
    fix: () => ({ paymentStatus: "PAID" }),
  },
  {
    name: "price differs from the catalog",
    code: "PRICES_MATCH",
    order: (w) => webShipOrder(w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1, unitPrice: 8000 }] }),
    instruction: /was sold at .*80\.00, the catalog says .*100\.00/,
    role: "ADMIN",
    fix: () => ({}),
  },
  {
    name: "no stock at the pickup store",
    code: "STOCK_AVAILABLE",
    order: (w) => webPickupOrder(w, { lines: [{ variantId: w.variants[0]!.id, quantity: 9 }] }),
    instruction: /not enough stock at the pickup store for: Trail Jacket Size 0 \(SKU-.*\): 9 units ordered, 5 units available/,
    role: "MANAGER",
    atPickupStore: true,
    fix: () => ({}),
  },
];

describe("validation checks", () => {
  for (const c of cases) {
    it(`puts the order on hold with a task when: ${c.name}; resolving re-runs validation`, async () => {
      const w = await orderWorld(db.prisma);
      const ctx = orderContext(db.prisma);
      const order = await createOrder(c.order(w), ctx);
      expect(order.status).toBe("ON_HOLD");
      expect(order.fulfillmentOrders).toEqual([]);
      const tasks = openValidationTasks(order);
      expect(tasks.map((t) => t.code)).toEqual([c.code]);
      expect(tasks[0]!.instruction).toMatch(c.instruction);
      expect(tasks[0]!.assigneeRole).toBe(c.role);
      expect(tasks[0]!.locationId).toBe(c.atPickupStore ? w.warsaw.id : null);
      expect(order.events.map((e) => e.type)).toContain("order.on_hold");
      const held = await db.prisma.outboxEvent.findMany({ where: { topic: "task.changed" } });
      expect(held.some((e) => (e.payload as { taskId: string }).taskId === tasks[0]!.id)).toBe(true);

      if (c.code === "STOCK_AVAILABLE") {
        // Still short: resolving gives a new task for the same check, nothing else.
        const again = (await resolveTask({ taskId: tasks[0]!.id, resolution: "Checked the shelf" }, ctx)).order!;
        expect(again.status).toBe("ON_HOLD");
        expect(openValidationTasks(again).map((t) => t.code)).toEqual(["STOCK_AVAILABLE"]);
        expect(openValidationTasks(again)[0]!.id).not.toBe(tasks[0]!.id);
        await changeOnHand(db.prisma, { variantId: w.variants[0]!.id, locationId: w.warsaw.id, delta: 4, kind: "RECEIPT" }, ctx);
        const done = (await resolveTask({ taskId: openValidationTasks(again)[0]!.id, resolution: "Received 4 more" }, ctx)).order!;
        expect(done.status).toBe("ALLOCATED");
        expect(await stockAt(db.prisma, w.variants[0]!.id, w.warsaw.id)).toMatchObject({ reserved: 9 });
        return;
      }
      const result = await resolveTask({ taskId: tasks[0]!.id, resolution: "Fixed with the customer", ...c.fix(w) }, ctx);
      const after = result.order!;
      expect(after.status).toBe("ALLOCATED");
      expect(after.tasks.find((t) => t.id === tasks[0]!.id)).toMatchObject({ status: "DONE", resolution: "Fixed with the customer" });
      expect(openValidationTasks(after)).toEqual([]);
      expect(after.fulfillmentOrders).toHaveLength(1);
      expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(["task.resolved", "order.validating", "order.allocated"]));
    });
  }

  it("creates one task per failing check and, on re-run, new tasks only for checks that still fail", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const order = await createOrder(
      webShipOrder(w, { customer: { name: "Anna", email: "not-an-email", phone: "+48 600 100 200" }, payment: { status: "PENDING" } }),
      ctx,
    );
    const tasks = openValidationTasks(order);
    expect(tasks.map((t) => t.code).sort()).toEqual(["EMAIL_VALID", "PAYMENT_READY"]);
    const emailTask = tasks.find((t) => t.code === "EMAIL_VALID")!;
    // Resolve the e-mail task without fixing the payment: still on hold, the payment task stays the same one.
    const after = (await resolveTask({ taskId: emailTask.id, resolution: "Called", email: `anna-${w.tag}@example.com` }, ctx)).order!;
    expect(after.status).toBe("ON_HOLD");
    expect(openValidationTasks(after).map((t) => t.id)).toEqual([tasks.find((t) => t.code === "PAYMENT_READY")!.id]);
    expect(after.email).toBe(`anna-${w.tag}@example.com`);
  });

  it("puts a multi-line order on hold when one line has no stock anywhere, leaving no reservations behind", async () => {
    const w = await orderWorld(db.prisma, { stock: [[5, 5, 0], [0, 0, 0]] });
    const ctx = orderContext(db.prisma);
    const order = await createOrder(
      webShipOrder(w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1 }, { variantId: w.variants[1]!.id, quantity: 1 }] }),
      ctx,
    );
    expect(order.status).toBe("ON_HOLD");
    expect(openValidationTasks(order).map((t) => t.code)).toEqual(["STOCK_AVAILABLE"]);
    expect(openValidationTasks(order)[0]!.instruction).toMatch(/anywhere in the network for: Trail Jacket Size 1/);
    expect(await db.prisma.reservation.count({ where: { orderId: order.id } })).toBe(0);
    expect(await stockAt(db.prisma, w.variants[0]!.id, w.krakow.id)).toMatchObject({ reserved: 0 });
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("holds an order that no location can take as a whole without splitting when the rule never splits", async () => {
    const w = await orderWorld(db.prisma, { stock: [[2, 0, 0], [0, 2, 0]] });
    await db.prisma.routingRule.create({
      data: { name: `Never split ${w.tag}`, priority: 1, marketCode: w.market.code, filters: {}, ranking: ["DISTANCE"], splitPolicy: "NEVER", fallbacks: [] },
    });
    const ctx = orderContext(db.prisma);
    const order = await createOrder(
      webShipOrder(w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1 }, { variantId: w.variants[1]!.id, quantity: 1 }] }),
      ctx,
    );
    expect(order.status).toBe("ON_HOLD");
    const task = openValidationTasks(order)[0]!;
    expect(task.code).toBe("ROUTING_FAILED");
    expect(task.instruction).toMatch(/No location can fulfil 1 × Trail Jacket Size 0 .*, 1 × Trail Jacket Size 1/);
    expect(order.routingTrace.runs[0]!.trace.rule.name).toBe(`Never split ${w.tag}`);
    expect(await db.prisma.reservation.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("splits a shipment across stores when no single one has everything", async () => {
    const w = await orderWorld(db.prisma, { stock: [[2, 0, 0], [0, 2, 0]] });
    const order = await createOrder(
      webShipOrder(w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1 }, { variantId: w.variants[1]!.id, quantity: 1 }] }),
      orderContext(db.prisma),
    );
    expect(order.status).toBe("ALLOCATED");
    expect(order.fulfillmentOrders.map((f) => f.locationId).sort()).toEqual([w.warsaw.id, w.krakow.id].sort());
    expect(order.routingTrace.runs[0]!.trace.split).toBe(true);
  });
});

describe("createOrder input", () => {
  it("names the field when a SKU is unknown", async () => {
    const w = await orderWorld(db.prisma);
    await expect(createOrder(webShipOrder(w, { lines: [{ sku: "NOPE", quantity: 1 }] }), orderContext(db.prisma))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { fields: [{ path: ["lines", 0, "sku"], message: "Not a product on sale" }] },
    });
    await expect(getOrder({ orderId: "00000000-0000-7000-8000-000000000000" }, orderContext(db.prisma))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
