import { AppError } from "@oms/contracts";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markPacked, markReadyForPickup, confirmPickedUp, rejectFulfillmentLines } from "../fulfillment/index.ts";
import { assertHoldsClaim, claimFulfillmentOrder, findForHandover, packAndStage, pickupQrText, pickupQueue, releaseClaim, resolveShortPick, startOfLocalDay } from "./index.ts";
import { pickupWorld } from "./testing.ts";

let db: TestDatabase;
let w: Awaited<ReturnType<typeof pickupWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickupWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

const appError = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(AppError.isAppError(e), String(e)).toBe(true);
  return e as AppError;
};

describe("claiming a pickup order", () => {
  it("the first associate claims and starts picking; a second hears who has it; release frees it", async () => {
    const v = await w.variant("Rain jacket", { [w.storeA.id]: { units: 3 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }]);
    const f = order.fulfillmentOrders[0]!;

    const claim = await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));
    expect(claim).toMatchObject({ status: "PICKING", claimedById: w.anna.id });
    const task = await db.prisma.task.findFirst({ where: { fulfillmentOrderId: f.id, kind: "PICK" } });
    expect(task?.assigneeUserId).toBe(w.anna.id);

    // Claiming again is harmless for the holder.
    await expect(claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna))).resolves.toMatchObject({ claimedById: w.anna.id });

    const refused = await appError(claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.ben)));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("Anna Nowak is picking this order.");
    await expect(assertHoldsClaim(f.id, w.as(w.ben))).rejects.toThrow("Anna Nowak is picking this order.");
    await expect(assertHoldsClaim(f.id, w.as(w.anna))).resolves.toBeUndefined();
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).claimedById).toBe(w.anna.id);

    // Ben cannot release Anna's claim; a manager can.
    expect((await appError(releaseClaim({ fulfillmentOrderId: f.id }, w.as(w.ben)))).code).toBe("FORBIDDEN");
    await expect(releaseClaim({ fulfillmentOrderId: f.id }, w.as(w.managerA))).resolves.toEqual({ fulfillmentOrderId: f.id, released: true });
    // Acting on an unclaimed order takes the claim.
    await assertHoldsClaim(f.id, w.as(w.ben));
    await expect(claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna))).rejects.toThrow(/^Ben Kowalski is picking this order\.$/);
  });

  it("an order that is already ready cannot be claimed, and a system actor cannot claim", async () => {
    const v = await w.variant("Scarf", { [w.storeA.id]: { units: 2 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }]);
    const f = order.fulfillmentOrders[0]!;
    expect((await appError(claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.system()))).code).toBe("FORBIDDEN");
    await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));
    await markPacked({ fulfillmentOrderId: f.id, bagCount: 1 }, w.as(w.anna));
    await markReadyForPickup({ fulfillmentOrderId: f.id, stagingShelf: "S1" }, w.as(w.anna));
    const e = await appError(claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.ben)));
    expect(e.code).toBe("INVALID_TRANSITION");
    expect(e.message).toMatch(/already ready for pickup/);
  });
});

describe("the pickup queue", () => {
  it("groups this store's pickup orders by state, oldest first, with late flags, claimants and lines sorted by bin", async () => {
    const { storeA, storeB } = await (async () => {
      // A store of its own so other tests' orders do not show up.
      const { createTestLocation } = await import("../testing/index.ts");
      const a = await createTestLocation(db.prisma, { marketCode: w.market.code, name: `Queue store ${w.unique()}` });
      return { storeA: a, storeB: w.storeB };
    })();
    const { createTestUser } = await import("../testing/index.ts");
    const picker = await createTestUser(db.prisma, { role: "ASSOCIATE", locationId: storeA.id, name: "Carla Picker" });
    const shelf = await w.variant("Shelf item", { [storeA.id]: { units: 10, bin: "B-12" } });
    const front = await w.variant("Front item", { [storeA.id]: { units: 10, bin: "A-02" } });
    const loose = await w.variant("Loose item", { [storeA.id]: { units: 10 } });
    const other = await w.variant("Other store item", { [storeB.id]: { units: 10 } });

    const t0 = new Date(Date.now() - 10 * 3600_000);
    const old = await w.pickupOrder(storeA.id, [{ variantId: loose.id, quantity: 1 }, { variantId: shelf.id, quantity: 2 }, { variantId: front.id, quantity: 1 }], "Old Customer", t0);
    const fresh = await w.pickupOrder(storeA.id, [{ variantId: front.id, quantity: 1 }], "Fresh Customer");
    const picking = await w.pickupOrder(storeA.id, [{ variantId: shelf.id, quantity: 1 }], "Picking Customer");
    const done = await w.pickupOrder(storeA.id, [{ variantId: shelf.id, quantity: 1 }], "Done Customer");
    await w.pickupOrder(storeB.id, [{ variantId: other.id, quantity: 1 }], "Elsewhere Customer");

    await claimFulfillmentOrder({ fulfillmentOrderId: picking.fulfillmentOrders[0]!.id }, w.as(picker));
    const doneF = done.fulfillmentOrders[0]!;
    await claimFulfillmentOrder({ fulfillmentOrderId: doneF.id }, w.as(picker));
    await markPacked({ fulfillmentOrderId: doneF.id, bagCount: 2 }, w.as(picker));
    await markReadyForPickup({ fulfillmentOrderId: doneF.id, stagingShelf: "P3" }, w.as(picker));

    const q = await pickupQueue({ locationId: storeA.id }, { db: db.prisma, now: new Date() });
    expect(q.counts).toEqual({ new: 2, picking: 1, ready: 1, problems: 0, collected: 0 });
    expect(q.groups.new.map((c) => c.customerName)).toEqual(["Old Customer", "Fresh Customer"]);
    const oldCard = q.groups.new[0]!;
    expect(oldCard.late).toBe(true);
    expect(q.groups.new[1]!.late).toBe(false);
    expect(oldCard.lines.map((l) => l.bin)).toEqual(["A-02", "B-12", null]);
    expect(oldCard.lines[0]!.barcodes).toHaveLength(1);
    expect(oldCard.orderNumber).toBe(old.number);
    expect(q.groups.picking[0]).toMatchObject({ claimedBy: { id: picker.id, name: "Carla Picker" }, orderNumber: picking.number });
    expect(q.groups.ready[0]).toMatchObject({ stagingShelf: "P3", bagCount: 2, late: false, pickupCode: doneF.pickupCode });

    // Handover: collected today; a rejected order shows under problems.
    await confirmPickedUp({ fulfillmentOrderId: doneF.id, pickupCode: doneF.pickupCode! }, w.as(picker));
    await rejectFulfillmentLines({ fulfillmentOrderId: fresh.fulfillmentOrders[0]!.id, reason: "Damaged" }, w.system());
    const after = await pickupQueue({ locationId: storeA.id }, { db: db.prisma, now: new Date() });
    expect(after.counts).toMatchObject({ new: 1, picking: 1, ready: 0, problems: 1, collected: 1 });
    expect(after.groups.problems[0]).toMatchObject({ status: "REJECTED", rejectedReason: "Damaged" });

    // Tomorrow (in the store's day) yesterday's collections are gone from the board.
    const tomorrow = await pickupQueue({ locationId: storeA.id, now: new Date(Date.now() + 36 * 3600_000) }, { db: db.prisma, now: new Date() });
    expect(tomorrow.counts.collected).toBe(0);
  });

  it("finds orders for handover by code, QR text, order number and customer name, only at this store", async () => {
    const v = await w.variant("Boots", { [w.storeA.id]: { units: 5 }, [w.storeB.id]: { units: 5 } });
    const name = `Grace Hopper ${w.unique()}`;
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }], name);
    const f = order.fulfillmentOrders[0]!;
    await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));
    await markPacked({ fulfillmentOrderId: f.id }, w.as(w.anna));
    await markReadyForPickup({ fulfillmentOrderId: f.id, stagingShelf: "P1" }, w.as(w.anna));
    const ctx = { db: db.prisma, now: new Date() };

    const byCode = await findForHandover({ locationId: w.storeA.id, query: f.pickupCode!.toLowerCase() }, ctx);
    expect(byCode[0]).toMatchObject({ id: f.id, status: "READY_FOR_PICKUP" });
    expect((await findForHandover({ locationId: w.storeA.id, query: pickupQrText(order.number, f.pickupCode!) }, ctx))[0]?.id).toBe(f.id);
    expect((await findForHandover({ locationId: w.storeA.id, query: order.number }, ctx)).map((c) => c.id)).toEqual([f.id]);
    expect((await findForHandover({ locationId: w.storeA.id, query: name.slice(0, 18).toUpperCase() }, ctx)).map((c) => c.id)).toContain(f.id);
    expect(await findForHandover({ locationId: w.storeB.id, query: order.number }, ctx)).toEqual([]);
    expect((await appError(findForHandover({ locationId: w.storeA.id, query: " x " }, ctx))).code).toBe("VALIDATION_FAILED");
  });
});

describe("picking with the claim", () => {
  it("a short line is re-routed to another store that has it; pack and stage needs the claim, ends it and queues the ready message", async () => {
    const here = await w.variant("Coat", { [w.storeA.id]: { units: 2, bin: "C-1" } });
    const scarce = await w.variant("Gloves", { [w.storeA.id]: { units: 1, bin: "A-1" }, [w.storeB.id]: { units: 4 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: here.id, quantity: 1 }, { variantId: scarce.id, quantity: 1 }]);
    const f = order.fulfillmentOrders[0]!;
    const line = f.lines.find((l) => l.variantId === scarce.id)!;
    const short = { fulfillmentOrderId: f.id, fulfillmentOrderLineId: line.id, choice: "REROUTE" as const, quantity: 1, reason: "Not on the shelf" };

    await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));
    expect((await appError(resolveShortPick(short, w.as(w.ben)))).message).toBe("Anna Nowak is picking this order.");

    const { order: detail, reroutedTo } = await resolveShortPick(short, w.as(w.anna));
    // The customer's store short-picked, so routing lets the nearest other store with stock
    // hand the gloves over (docs/routing.md, "Collect elsewhere").
    expect(reroutedTo.map((r) => r.locationId)).toEqual([w.storeB.id]);
    expect(detail.fulfillmentOrders.map((x) => x.locationId).sort()).toEqual([w.storeA.id, w.storeB.id].sort());
    expect(detail.status).not.toBe("ON_HOLD");
    const moved = await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: reroutedTo[0]!.fulfillmentOrderId }, include: { lines: true } });
    expect(moved).toMatchObject({ type: "PICKUP", status: "NEW" });
    expect(moved.pickupCode).toMatch(/^\d{6}$/);
    expect(moved.lines).toMatchObject([{ variantId: scarce.id, quantity: 1 }]);
    const reservedB = await db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: scarce.id, locationId: w.storeB.id } } });
    expect(reservedB.reserved).toBe(1);
    const ours = await db.prisma.fulfillmentOrderLine.findUniqueOrThrow({ where: { id: line.id } });
    expect(ours.quantityRejected).toBe(1);
    const trace = (await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).routingTrace as { runs: { trace: { steps: string[] } }[] };
    expect(trace.runs.at(-1)!.trace.steps.join(" ")).toMatch(/could not pick these items, so another store that offers pickup may take them instead/);

    expect((await appError(packAndStage({ fulfillmentOrderId: f.id, bagCount: 1, stagingShelf: "P2" }, w.as(w.ben)))).code).toBe("CONFLICT");
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("PICKING");
    await expect(packAndStage({ fulfillmentOrderId: f.id, bagCount: 1, stagingShelf: "P2" }, w.as(w.anna))).resolves.toEqual({ fulfillmentOrderId: f.id, status: "READY_FOR_PICKUP" });
    const ready = await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } });
    expect(ready).toMatchObject({ status: "READY_FOR_PICKUP", bagCount: 1, stagingShelf: "P2", claimedById: null });
    const events = await db.prisma.orderEvent.findMany({ where: { orderId: order.id }, select: { type: true, actorId: true } });
    expect(events.filter((e) => e.type === "fulfillment.rejected")).toEqual([{ type: "fulfillment.rejected", actorId: w.anna.id }]);
    expect(events.filter((e) => e.type === "pickup.short_pick")).toEqual([{ type: "pickup.short_pick", actorId: w.anna.id }]);
    const messages = await db.prisma.notification.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.template)).toEqual(["pickup.short", "pickup.ready"]);
    expect(messages[1]!.body).toContain(ready.pickupCode!);
  });

  it("fulfillment.startPicking refuses a pickup order someone else claimed", async () => {
    const { startPicking } = await import("../fulfillment/index.ts");
    const v = await w.variant("Hat", { [w.storeA.id]: { units: 2 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }]);
    const f = order.fulfillmentOrders[0]!;
    await db.prisma.fulfillmentOrder.update({ where: { id: f.id }, data: { claimedById: w.anna.id, claimedAt: new Date() } });
    const e = await appError(startPicking({ fulfillmentOrderId: f.id }, w.as(w.ben)));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toBe("Anna Nowak is picking this order.");
    await expect(startPicking({ fulfillmentOrderId: f.id }, w.as(w.anna))).resolves.toMatchObject({ id: f.id });
  });
});

describe("startOfLocalDay", () => {
  it("is midnight in the store's time zone", () => {
    const now = new Date("2026-11-22T22:30:00Z");
    expect(startOfLocalDay(now, "UTC").toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(startOfLocalDay(now, "Europe/Warsaw").toISOString()).toBe("2026-11-21T23:00:00.000Z");
    expect(startOfLocalDay(now, "America/New_York").toISOString()).toBe("2026-11-22T05:00:00.000Z");
  });
});
