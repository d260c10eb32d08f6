import { AppError } from "@oms/contracts";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimFulfillmentOrder, packAndStage, recordPickCount, resolveShortPick, substituteOptions } from "./index.ts";
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

const level = (variantId: string, locationId: string) => db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } } });
const shortEvents = (orderId: string) => db.prisma.orderEvent.findMany({ where: { orderId, type: "pickup.short_pick" } });
const messages = (orderId: string) => db.prisma.notification.findMany({ where: { orderId, template: "pickup.short" } });

describe("short pick choices", () => {
  it("partial: the customer gets fewer, the missing units are cancelled and refunded, with who and when", async () => {
    const v = await w.variant("Socks", { [w.storeA.id]: { units: 5 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 3 }]);
    const f = order.fulfillmentOrders[0]!;
    const line = f.lines[0]!;
    await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));
    const at = new Date();

    // "Partial" of every unit is a line cancellation: refused with a pointer.
    const all = await appError(resolveShortPick({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: line.id, choice: "PARTIAL", quantity: 3, reason: "Gone" }, w.as(w.anna)));
    expect(all.message).toMatch(/choose "Cancel the line"/);

    const result = await resolveShortPick({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: line.id, choice: "PARTIAL", quantity: 2, reason: "Only one pair left" }, w.as(w.anna, at));
    expect(result.refunded).toBe(3000);
    const after = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true, refunds: true } });
    expect(after.lines[0]).toMatchObject({ quantity: 3, quantityCancelled: 2 });
    expect(after.total).toBe(1500);
    expect(after.refunds.map((r) => r.amount)).toEqual([3000]);
    expect((await db.prisma.fulfillmentOrderLine.findUniqueOrThrow({ where: { id: line.id } })).quantity).toBe(1);
    expect((await level(v.id, w.storeA.id)).reserved).toBe(1);
    const [event] = await shortEvents(order.id);
    expect(event).toMatchObject({ actorId: w.anna.id, createdAt: at });
    expect(event!.message).toMatch(/^Anna Nowak could not find 2 × .*Socks.* \(Only one pair left\); the customer gets 1, the rest is cancelled\. €?30[.,]00/);
    expect(event!.data).toMatchObject({ choice: "PARTIAL", quantity: 2 });
    const [note] = await messages(order.id);
    expect(note).toBeDefined();
    expect(note!.data).toMatchObject({ items: [expect.objectContaining({ outcome: "PARTIAL", quantityFulfilled: 1, refundAmount: 3000 })] });
  });

  it("cancel line: every open unit of the line goes, the rest of the order stays", async () => {
    const keep = await w.variant("Belt", { [w.storeA.id]: { units: 2 } });
    const gone = await w.variant("Tie", { [w.storeA.id]: { units: 2 } });
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: keep.id, quantity: 1 }, { variantId: gone.id, quantity: 2 }]);
    const f = order.fulfillmentOrders[0]!;
    const line = f.lines.find((l) => l.variantId === gone.id)!;
    await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));
    const result = await resolveShortPick({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: line.id, choice: "CANCEL_LINE", quantity: 1, reason: "Damaged" }, w.as(w.anna));
    expect(result.refunded).toBe(3000);
    expect(result.order.status).not.toBe("CANCELLED");
    expect((await level(gone.id, w.storeA.id)).reserved).toBe(0);
    expect((await level(keep.id, w.storeA.id)).reserved).toBe(1);
    expect((await shortEvents(order.id))[0]!.data).toMatchObject({ choice: "CANCEL_LINE", quantity: 2 });
    expect((await messages(order.id))[0]!.data).toMatchObject({ items: [expect.objectContaining({ outcome: "CANCELLED", quantityFulfilled: 0 })] });
    // The order goes on with the belt.
    await expect(packAndStage({ fulfillmentOrderId: f.id, bagCount: 1, stagingShelf: "S" }, w.as(w.anna))).resolves.toMatchObject({ status: "READY_FOR_PICKUP" });
  });

  it("substitute: another variant with the customer's approval, same price, reserved here and on the pick list", async () => {
    const product = await db.prisma.product.create({ data: { handle: `shirt-${w.unique()}`, name: "Shirt", categoryId: (await db.prisma.category.findFirstOrThrow()).id } });
    const mk = async (name: string, units: number, price: number) => {
      const v = await db.prisma.variant.create({ data: { productId: product.id, sku: `SH-${w.unique()}`, name, prices: { create: { currency: "EUR", amount: price } } } });
      const { receiveStock } = await import("../inventory/index.ts");
      await receiveStock({ locationId: w.storeA.id, lines: [{ variantId: v.id, quantity: units }] }, w.system());
      return v;
    };
    const blue = await mk("Blue M", 1, 2000);
    const navy = await mk("Navy M", 3, 2400);
    const order = await w.pickupOrder(w.storeA.id, [{ variantId: blue.id, quantity: 1 }]);
    const f = order.fulfillmentOrders[0]!;
    const line = f.lines[0]!;
    await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));

    const options = await substituteOptions({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: line.id }, { db: db.prisma });
    expect(options[0]).toMatchObject({ variantId: navy.id, available: 3, price: 2400 });
    expect(options.some((o) => o.variantId === blue.id)).toBe(false);

    const base = { fulfillmentOrderId: f.id, fulfillmentOrderLineId: line.id, choice: "SUBSTITUTE" as const, quantity: 1, reason: "Torn" };
    const noApproval = await appError(resolveShortPick({ ...base, substituteVariantId: navy.id }, w.as(w.anna)));
    expect(noApproval.details.fields).toEqual([expect.objectContaining({ path: ["customerApproval"] })]);

    const result = await resolveShortPick({ ...base, substituteVariantId: navy.id, customerApproval: { via: "PHONE", note: "Spoke to Ada" } }, w.as(w.anna));
    expect(result.refunded).toBe(0);
    const after = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: { orderBy: { lineNo: "asc" } }, refunds: true } });
    expect(after.total).toBe(2000);
    expect(after.refunds).toEqual([]);
    expect(after.lines).toMatchObject([
      { variantId: blue.id, quantity: 1, quantityCancelled: 1 },
      { variantId: navy.id, quantity: 1, unitPrice: 2000, total: 2000, substituteForLineId: after.lines[0]!.id, originalUnitPrice: 2400 },
    ]);
    const lines = await db.prisma.fulfillmentOrderLine.findMany({ where: { fulfillmentOrderId: f.id } });
    expect(lines.map((l) => [l.variantId, l.quantity]).sort()).toEqual([[blue.id, 0], [navy.id, 1]].sort());
    expect((await level(navy.id, w.storeA.id)).reserved).toBe(1);
    expect((await level(blue.id, w.storeA.id)).reserved).toBe(0);
    const [event] = await shortEvents(order.id);
    expect(event!.message).toMatch(/substituted 1 × Shirt Navy M, the customer agreed by phone \(Spoke to Ada\)\./);
    expect(event!.data).toMatchObject({ choice: "SUBSTITUTE", customerApproval: { via: "PHONE", note: "Spoke to Ada" } });
    expect((await messages(order.id))[0]!.data).toMatchObject({ items: [expect.objectContaining({ outcome: "SUBSTITUTED", substituteName: "Shirt Navy M" })] });

    // The substitute is picked like any line, and the count survives a reload.
    const navyLine = lines.find((l) => l.variantId === navy.id)!;
    await recordPickCount({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: navyLine.id, quantityPicked: 1 }, w.as(w.anna));
    expect((await db.prisma.fulfillmentOrderLine.findUniqueOrThrow({ where: { id: navyLine.id } })).quantityPicked).toBe(1);
    expect((await appError(recordPickCount({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: navyLine.id, quantityPicked: 2 }, w.as(w.anna)))).code).toBe("VALIDATION_FAILED");
    expect((await appError(recordPickCount({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: navyLine.id, quantityPicked: 1 }, w.as(w.ben)))).code).toBe("CONFLICT");
    await expect(packAndStage({ fulfillmentOrderId: f.id, bagCount: 1, stagingShelf: "S" }, w.as(w.anna))).resolves.toMatchObject({ status: "READY_FOR_PICKUP" });
  });
});
