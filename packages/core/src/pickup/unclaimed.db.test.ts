import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimFulfillmentOrder, packAndStage, sweepUnclaimedPickups } from "./index.ts";
import { pickupWorld } from "./testing.ts";

let db: TestDatabase;
let w: Awaited<ReturnType<typeof pickupWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickupWorld(db.prisma);
  await db.prisma.organizationSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Test retail", reportingCurrency: "EUR", unclaimedReminderDays: 3, unclaimedCancelDays: 7 },
    update: { unclaimedReminderDays: 3, unclaimedCancelDays: 7 },
  });
});
afterAll(async () => {
  await db?.drop();
});

const DAY = 86_400_000;

describe("unclaimed pickups", () => {
  it("reminds once after N days, then cancels, releases the stock and refunds after M days, each on the timeline", async () => {
    const v = await w.variant("Umbrella", { [w.storeA.id]: { units: 2 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }]);
    const f = order.fulfillmentOrders[0]!;
    const readyAt = new Date(Date.now() - 60_000);
    await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna, readyAt));
    await packAndStage({ fulfillmentOrderId: f.id, bagCount: 1, stagingShelf: "P1" }, w.as(w.anna, readyAt));
    const level = () => db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: v.id, locationId: w.storeA.id } } });
    expect((await level()).reserved).toBe(1);

    const at = (days: number) => w.system(new Date(readyAt.getTime() + days * DAY));
    expect(await sweepUnclaimedPickups(at(2))).toMatchObject({ reminded: [], cancelled: [] });
    expect((await sweepUnclaimedPickups(at(3.5))).reminded).toContain(f.id);
    expect((await sweepUnclaimedPickups(at(4))).reminded).not.toContain(f.id);
    const reminders = await db.prisma.orderEvent.findMany({ where: { orderId: order.id, type: "pickup.reminder" } });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.message).toMatch(/waiting at .* for 3 days\. It is cancelled and refunded after 7 days\./);
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).reminderSentAt).toEqual(new Date(readyAt.getTime() + 3.5 * DAY));
    // Two runners at once still remind once.
    await db.prisma.fulfillmentOrder.update({ where: { id: f.id }, data: { reminderSentAt: null } });
    await db.prisma.orderEvent.deleteMany({ where: { orderId: order.id, type: "pickup.reminder" } });
    await db.prisma.notification.deleteMany({ where: { orderId: order.id, template: "pickup.reminder" } });
    const both = await Promise.all([sweepUnclaimedPickups(at(5)), sweepUnclaimedPickups(at(5))]);
    expect(both.filter((r) => r.reminded.includes(f.id))).toHaveLength(1);
    expect(await db.prisma.notification.count({ where: { orderId: order.id, template: "pickup.reminder" } })).toBe(1);

    const swept = await sweepUnclaimedPickups(at(7.1));
    expect(swept.cancelled).toContain(f.id);
    const after = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { fulfillmentOrders: true, refunds: true, events: true } });
    expect(after.status).toBe("CANCELLED");
    expect(after.fulfillmentOrders[0]!.status).toBe("CANCELLED");
    expect((await level()).reserved).toBe(0);
    expect((await level()).onHand).toBe(2);
    // The customer paid 15.00 online: all of it goes back.
    expect(after.refunds.reduce((s, r) => s + r.amount, 0)).toBe(1500);
    expect(after.events.map((e) => e.type)).toEqual(expect.arrayContaining(["pickup.reminder", "order.cancelled"]));
    expect(after.cancelReason).toMatch(/Not collected within 7 days/);
    // Running again changes nothing.
    expect((await sweepUnclaimedPickups(at(8))).cancelled).not.toContain(f.id);
    // The customer heard each step: ready, the reminder, the cancellation.
    const sent = await db.prisma.notification.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
    expect(sent.map((n) => n.template)).toEqual(["pickup.ready", "pickup.reminder", "pickup.cancelled"]);
    expect(sent[2]!.body).toMatch(/Not collected within 7 days/);
  });
});
