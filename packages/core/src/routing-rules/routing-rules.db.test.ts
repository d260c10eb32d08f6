import type { DraftRoutingRule } from "@oms/contracts";
import { Prisma, type PrismaClient } from "@oms/db";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { createOrder } from "../orders/index.ts";
import { krakowAddress, orderContext, orderWorld, webPickupOrder, webShipOrder, type OrderWorld } from "../orders/testing.ts";
import { createStaffWorld, expectAppError, userActor } from "../testing/index.ts";
import { createRoutingRule, listRoutingRules, replayRouting, saveRoutingRules, simulateRouting, updateRoutingRule } from "./index.ts";

const db = useTestDatabase();

/** Rows of every table a routing command could touch, to prove the simulator and replay write none. */
async function rowCounts(prisma: PrismaClient) {
  const [orders, fulfillmentOrders, reservations, movements, events, outbox, audit, rules, tasks, levels] = await Promise.all([
    prisma.order.count(),
    prisma.fulfillmentOrder.count(),
    prisma.reservation.count(),
    prisma.inventoryMovement.count(),
    prisma.orderEvent.count(),
    prisma.outboxEvent.count(),
    prisma.auditLog.count(),
    prisma.routingRule.count(),
    prisma.task.count(),
    prisma.inventoryLevel.aggregate({ _sum: { onHand: true, reserved: true } }),
  ]);
  return { orders, fulfillmentOrders, reservations, movements, events, outbox, audit, rules, tasks, levels: levels._sum };
}

/** A draft rule for the world's market: only the warehouse fulfils. */
function warehouseOnly(w: OrderWorld, over: Partial<DraftRoutingRule> = {}): DraftRoutingRule {
  return {
    id: null,
    name: "Warehouse first",
    priority: 10,
    marketCode: w.market.code,
    filters: { locationKinds: ["WAREHOUSE"] },
    ranking: ["DISTANCE"],
    splitPolicy: "WHEN_NEEDED",
    ...over,
  };
}

function shipTo(w: OrderWorld, quantity = 2) {
  const a = krakowAddress(w);
  return {
    channel: "WEB" as const,
    fulfillmentType: "SHIP" as const,
    address: { countryCode: a.countryCode, postalCode: a.postalCode, city: a.city, latitude: a.latitude, longitude: a.longitude },
    items: [{ sku: w.variants[0]!.sku, quantity }],
  };
}

describe("simulateRouting", () => {
  it("routes a made-up order through the saved rules and writes nothing", async () => {
    const w = await orderWorld(db.prisma, { stock: [[5, 5, 5]] });
    const staff = await createStaffWorld(db.prisma);
    const ctx = orderContext(db.prisma, new Date(), userActor(staff.admin));
    const before = await rowCounts(db.prisma);

    const sim = await simulateRouting(shipTo(w), ctx);
    expect(sim.ruleSet).toBe("SAVED");
    expect(sim.marketCode).toBe(w.market.code);
    expect(sim.items).toEqual([expect.objectContaining({ sku: w.variants[0]!.sku, variantId: w.variants[0]!.id, quantity: 2, name: "Trail Jacket — Size 0" })]);
    expect(sim.result.outcome).toBe("ROUTED");
    expect(sim.result.assignments).toEqual([expect.objectContaining({ locationId: w.krakow.id, source: "STOCK" })]);
    const warsaw = sim.result.trace.candidates.find((c) => c.locationId === w.warsaw.id)!;
    expect(warsaw.rejections.map((r) => r.code)).toEqual(["NOT_NEEDED"]);
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("uses the draft rules when given: a warehouse-only draft sends the order there and says why the stores were not chosen", async () => {
    const w = await orderWorld(db.prisma, { stock: [[5, 5, 5]] });
    const ctx = orderContext(db.prisma);
    const before = await rowCounts(db.prisma);

    const sim = await simulateRouting({ ...shipTo(w), rules: [warehouseOnly(w)] }, ctx);
    expect(sim.ruleSet).toBe("DRAFT");
    expect(sim.result.trace.rule).toEqual({ id: "draft-0", name: "Warehouse first" });
    expect(sim.result.assignments).toEqual([expect.objectContaining({ locationId: w.warehouse.id })]);
    const krakow = sim.result.trace.candidates.find((c) => c.locationId === w.krakow.id)!;
    expect(krakow.rejections.map((r) => r.code)).toEqual(["KIND_NOT_ALLOWED"]);
    // An inactive draft rule does not apply: back to the nearest store.
    const inactive = await simulateRouting({ ...shipTo(w), rules: [warehouseOnly(w, { active: false })] }, ctx);
    expect(inactive.result.assignments).toEqual([expect.objectContaining({ locationId: w.krakow.id })]);
    expect(await rowCounts(db.prisma)).toEqual(before);
  });

  it("keeps a pickup at the customer's store", async () => {
    const w = await orderWorld(db.prisma, { stock: [[5, 5, 5]] });
    const sim = await simulateRouting({ fulfillmentType: "PICKUP", pickupLocationId: w.warsaw.id, items: [{ sku: w.variants[0]!.sku, quantity: 1 }] }, orderContext(db.prisma));
    expect(sim.result.assignments).toEqual([expect.objectContaining({ locationId: w.warsaw.id, type: "PICKUP" })]);
    expect(sim.result.trace.candidates.find((c) => c.locationId === w.krakow.id)!.rejections.map((r) => r.code)).toContain("NOT_PICKUP_LOCATION");
  });

  it("names the field of bad input", async () => {
    const w = await orderWorld(db.prisma);
    const ctx = orderContext(db.prisma);
    const unknown = await expectAppError(simulateRouting({ ...shipTo(w), items: [{ sku: "NO-SUCH-SKU", quantity: 1 }] }, ctx), "VALIDATION_FAILED", /NO-SUCH-SKU/);
    expect(unknown.details).toEqual({ fields: [{ path: ["items", 0, "sku"], message: "No product has the SKU NO-SUCH-SKU" }] });

    const noStore = await expectAppError(simulateRouting({ fulfillmentType: "PICKUP", items: [{ sku: w.variants[0]!.sku, quantity: 1 }] }, ctx), "VALIDATION_FAILED");
    expect(noStore.details).toEqual({ fields: [{ path: ["pickupLocationId"], message: "Choose the store the customer comes to" }] });

    const zero = await expectAppError(simulateRouting({ ...shipTo(w), items: [{ sku: w.variants[0]!.sku, quantity: 0 }] }, ctx), "VALIDATION_FAILED");
    expect(zero.details).toEqual({ fields: [{ path: ["items", 0, "quantity"], message: "At least 1" }] });

    const halfPosition = await expectAppError(simulateRouting({ ...shipTo(w), address: { countryCode: w.country, latitude: 50 } }, ctx), "VALIDATION_FAILED");
    expect(halfPosition.details).toEqual({ fields: [{ path: ["address", "longitude"], message: "Enter both coordinates, or neither" }] });

    const limit = await expectAppError(simulateRouting({ ...shipTo(w), rules: [warehouseOnly(w), warehouseOnly(w, { splitPolicy: "MAX_SHIPMENTS" })] }, ctx), "VALIDATION_FAILED");
    expect(limit.details).toEqual({ fields: [{ path: ["rules", 1, "maxShipments"], message: "Enter the largest number of shipments" }] });

    const unnamed = await expectAppError(simulateRouting({ ...shipTo(w), rules: [warehouseOnly(w, { name: " " })] }, ctx), "VALIDATION_FAILED");
    expect(unnamed.details).toEqual({ fields: [{ path: ["rules", 0, "name"], message: "Give the rule a name" }] });
  });

  it("is for administrators only", async () => {
    const w = await orderWorld(db.prisma);
    const staff = await createStaffWorld(db.prisma);
    await expectAppError(simulateRouting(shipTo(w), orderContext(db.prisma, new Date(), userActor(staff.managerA))), "FORBIDDEN");
  });
});

describe("replayRouting", () => {
  it("routes the window's orders through the saved and the draft rules, compares them and writes nothing", async () => {
    const w = await orderWorld(db.prisma, { stock: [[20, 20, 20]] });
    // Placed in a day of their own, so no other test's orders fall in the window.
    const placed = new Date("2031-03-10T09:00:00Z");
    const ctx = orderContext(db.prisma, placed);
    const ship = [];
    for (let i = 0; i < 3; i++) ship.push(await createOrder(webShipOrder(w), ctx));
    const pickup = await createOrder(webPickupOrder(w), ctx);
    const older = await createOrder(webShipOrder(w), orderContext(db.prisma, new Date("2031-03-08T09:00:00Z")));
    expect(ship.map((o) => o.fulfillmentOrders[0]!.locationId)).toEqual([w.krakow.id, w.krakow.id, w.krakow.id]);
    // An order without a routing trace (imported history) is read from its fulfillment order;
    // a carry-out sale at the till is left out (routing never decided it).
    await db.prisma.order.update({ where: { id: pickup.id }, data: { routingTrace: Prisma.DbNull } });
    const tillSale = await createOrder(webPickupOrder(w), ctx);
    await db.prisma.order.update({ where: { id: tillSale.id }, data: { routingTrace: { request: { fulfillmentType: "CARRY_OUT", locationId: w.warsaw.id }, runs: [] } } });
    const before = await rowCounts(db.prisma);

    const replay = await replayRouting({ days: 1, rules: [warehouseOnly(w)] }, orderContext(db.prisma, new Date("2031-03-10T12:00:00Z")));
    expect(replay).toMatchObject({ days: 1, ordersInWindow: 4, ordersReplayed: 4, truncated: false, changedOrders: 3 });
    expect(replay.saved).toMatchObject({ orders: 4, routed: 4, splitOrders: 0, splitRate: 0, shipments: 3, unroutable: 0 });
    expect(replay.draft).toMatchObject({ orders: 4, routed: 4, shipments: 3 });
    // Krakow's store is under a kilometre from the customer, the Lodz warehouse 191.7 km.
    expect(replay.saved).toMatchObject({ meanDistanceKm: 0.6, p90DistanceKm: 0.6 });
    expect(replay.draft).toMatchObject({ meanDistanceKm: 191.7, p90DistanceKm: 191.7 });
    const load = (m: typeof replay.saved, id: string) => m.load.find((l) => l.locationId === id)!;
    expect(load(replay.saved, w.krakow.id)).toMatchObject({ orders: 3, units: 6 });
    expect(load(replay.saved, w.warsaw.id)).toMatchObject({ orders: 1, units: 1 });
    expect(load(replay.draft, w.warehouse.id)).toMatchObject({ orders: 3, units: 6 });
    // The pickup stays at its store either way (the rule governs shipping here).
    expect(load(replay.draft, w.warsaw.id)).toMatchObject({ orders: 1, units: 1 });
    expect(replay.changed.map((c) => c.number).sort()).toEqual(ship.map((o) => o.number).sort());
    expect(replay.changed[0]).toMatchObject({ saved: [w.krakow.code], draft: [w.warehouse.code], fulfillmentType: "SHIP" });
    expect(replay.changed.map((c) => c.orderId)).not.toContain(older.id);
    expect(replay.changed.map((c) => c.orderId)).not.toContain(pickup.id);
    expect(await rowCounts(db.prisma)).toEqual(before);

    const week = await replayRouting({ days: 7, rules: [] }, orderContext(db.prisma, new Date("2031-03-10T12:00:00Z")));
    expect(week).toMatchObject({ ordersInWindow: 5, ordersReplayed: 5, changedOrders: 0 });
    expect(replay.changed.map((c) => c.orderId)).not.toContain(tillSale.id);
  });

  it("gives an open order back the stock it holds itself", async () => {
    const w = await orderWorld(db.prisma, { stock: [[0, 2, 5]] });
    const ctx = orderContext(db.prisma, new Date("2031-05-10T09:00:00Z"));
    const order = await createOrder(webShipOrder(w), ctx);
    expect(order.fulfillmentOrders[0]!.locationId).toBe(w.krakow.id);
    // Kraków's two units are now reserved by this very order: replayed, it still goes there, not to the warehouse.
    const replay = await replayRouting({ days: 1, rules: [] }, orderContext(db.prisma, new Date("2031-05-10T10:00:00Z")));
    expect(replay.ordersReplayed).toBe(1);
    expect(replay.saved.load.find((l) => l.locationId === w.krakow.id)).toMatchObject({ orders: 1, units: 2 });
  });

  it("checks the number of days", async () => {
    const e = await expectAppError(replayRouting({ days: 91, rules: [] }, orderContext(db.prisma)), "VALIDATION_FAILED");
    expect(e.details).toEqual({ fields: [{ path: ["days"], message: "At most 90 days" }] });
  });
});

describe("saving the rule set", () => {
  const base = { filters: {}, ranking: ["DISTANCE" as const], splitPolicy: "WHEN_NEEDED" as const };

  it("creates, updates, reorders and deletes in one go, one AuditLog row per changed rule", async () => {
    const staff = await createStaffWorld(db.prisma);
    const ctx = orderContext(db.prisma, new Date(), userActor(staff.admin));
    await db.prisma.routingRule.deleteMany();
    const a = await createRoutingRule({ ...base, name: "A", priority: 1 }, ctx);
    const b = await createRoutingRule({ ...base, name: "B", priority: 2 }, ctx);
    const c = await createRoutingRule({ ...base, name: "C", priority: 3 }, ctx);
    const auditBefore = await db.prisma.auditLog.count({ where: { entityType: "RoutingRule" } });
    expect(auditBefore).toBe(3);
    const draft = (r: typeof a, over: Partial<DraftRoutingRule> = {}): DraftRoutingRule => ({
      id: r.id, name: r.name, priority: r.priority, active: r.active, marketCode: r.marketCode, channel: r.channel, fulfillmentType: r.fulfillmentType,
      filters: r.filters!, ranking: r.ranking!, splitPolicy: r.splitPolicy, maxShipments: r.maxShipments, fallbacks: r.fallbacks, ...over,
    });

    // C moves to the top and is switched off; A is unchanged but moves down; B is deleted; D is new.
    const saved = await saveRoutingRules(
      {
        rules: [draft(c, { active: false }), draft(a), { ...base, id: null, name: "D", priority: 999, fallbacks: ["DROPSHIP"] }],
        basedOn: [a, b, c].map((r) => ({ id: r.id, updatedAt: r.updatedAt })),
      },
      ctx,
    );
    expect(saved.map((r) => [r.name, r.priority, r.active])).toEqual([
      ["C", 10, false],
      ["A", 20, true],
      ["D", 30, true],
    ]);
    const audit = await db.prisma.auditLog.findMany({ where: { entityType: "RoutingRule" }, orderBy: { id: "asc" }, skip: auditBefore });
    expect(audit.map((row) => [row.action, row.entityId])).toEqual([
      ["routingRule.deleted", b.id],
      ["routingRule.updated", c.id],
      ["routingRule.updated", a.id],
      ["routingRule.created", saved[2]!.id],
    ]);
    expect(audit[1]!.data).toMatchObject({ before: { priority: 3, active: true }, after: { priority: 10, active: false } });
    expect(audit[0]!).toMatchObject({ actorKind: "USER", actorId: staff.admin.id, data: { before: { name: "B" }, after: null } });

    // Saving the same list again changes nothing and logs nothing.
    const current = await listRoutingRules(ctx);
    await saveRoutingRules({ rules: current.map((r) => draft(r)), basedOn: current.map((r) => ({ id: r.id, updatedAt: r.updatedAt })) }, ctx);
    expect(await db.prisma.auditLog.count({ where: { entityType: "RoutingRule" } })).toBe(auditBefore + 4);
  });

  it("refuses a draft made from rules someone else has changed since, and changes nothing", async () => {
    const ctx = orderContext(db.prisma);
    await db.prisma.routingRule.deleteMany();
    const a = await createRoutingRule({ ...base, name: "A", priority: 1 }, ctx);
    const basedOn = [{ id: a.id, updatedAt: a.updatedAt }];
    await updateRoutingRule({ routingRuleId: a.id, ...base, name: "A (edited elsewhere)", priority: 1 }, orderContext(db.prisma, new Date(Date.now() + 1000)));
    const e = await expectAppError(saveRoutingRules({ rules: [], basedOn }, ctx), "CONFLICT", /Someone else changed the routing rules/);
    expect(e.details).toMatchObject({ saved: [{ id: a.id }] });
    expect(await db.prisma.routingRule.count()).toBe(1);
  });

  it("audits a single update with before and after, and skips an update that changes nothing", async () => {
    const ctx = orderContext(db.prisma);
    const rule = await createRoutingRule({ ...base, name: "Solo", priority: 5 }, ctx);
    await updateRoutingRule({ routingRuleId: rule.id, ...base, name: "Solo", priority: 5 }, ctx);
    await updateRoutingRule({ routingRuleId: rule.id, ...base, name: "Solo", priority: 5, filters: { maxDistanceKm: 50 } }, ctx);
    const rows = await db.prisma.auditLog.findMany({ where: { entityId: rule.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["routingRule.created", "routingRule.updated"]);
    expect(rows[1]!.data).toMatchObject({ before: { filters: { maxDistanceKm: null } }, after: { filters: { maxDistanceKm: 50 } } });
  });

  it("names the field of a bad rule in the draft", async () => {
    const e = await expectAppError(saveRoutingRules({ rules: [{ ...base, id: null, name: "X", priority: 1, ranking: [] }], basedOn: [] }, orderContext(db.prisma)), "VALIDATION_FAILED");
    expect(e.details).toEqual({ fields: [{ path: ["rules", 0, "ranking"], message: "Rank by at least one criterion" }] });
  });
});
