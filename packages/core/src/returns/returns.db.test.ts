import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { changeOnHand } from "../inventory/index.ts";
import { createExchange, createReturn, getReturnableLines, listReturns } from "./index.ts";
import { fulfilledOrder, returnsWorld, testContext } from "./testing.ts";

const db = useTestDatabase();

async function onHand(variantId: string, locationId: string) {
  const level = await db.prisma.inventoryLevel.findUnique({ where: { variantId_locationId: { variantId, locationId } } });
  return level?.onHand ?? 0;
}

const sellable = { reason: "CHANGED_MIND", condition: "SELLABLE" } as const;

describe("createReturn", () => {
  it("refuses more than bought minus already returned, naming the line", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 2, total: 20_000 }] });
    const ctx = testContext(db.prisma);
    const line = order.lines[0]!;
    await createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: line.id, quantity: 1, ...sellable }] }, ctx);
    const error = await expectAppError(
      createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: line.id, quantity: 2, ...sellable }] }, ctx),
      "VALIDATION_FAILED",
      new RegExp(`lines\\.0\\.quantity: Only 1 × Trail Jacket \\(${line.sku}\\) can be returned .*already returned 1\\); 2 requested`),
    );
    expect(error.details.fields).toEqual([{ path: ["lines", 0, "quantity"], message: "At most 1 can be returned" }]);
    expect((await db.prisma.orderLine.findUniqueOrThrow({ where: { id: line.id } })).quantityReturned).toBe(1);
    expect(await db.prisma.return.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("refuses units that were never handed over", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 3, total: 3000, fulfilled: 1 }] });
    await expectAppError(
      createReturn(
        { orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: order.lines[0]!.id, quantity: 2, ...sellable }] },
        testContext(db.prisma),
      ),
      "VALIDATION_FAILED",
      /Only 1 × .*handed over 1/,
    );
  });

  it("a web order returned in a store restocks that store with a ledger row and shows on the timeline", async () => {
    const w = await returnsWorld(db.prisma);
    const v = w.variants[0]!;
    const order = await fulfilledOrder(db.prisma, w, { channel: "WEB", lines: [{ variantId: v.id, quantity: 2, total: 20_000 }] });
    const before = await onHand(v.id, w.warsaw.id);
    const result = await createReturn(
      { orderId: order.id, locationId: w.warsaw.id, refundMethod: "ORIGINAL_PAYMENT", lines: [{ orderLineId: order.lines[0]!.id, quantity: 2, ...sellable }] },
      testContext(db.prisma),
    );
    expect(result).toMatchObject({ status: "COMPLETED", refundTotal: 20_000, orderStatus: "RETURNED", locationId: w.warsaw.id });
    expect(result.number).toMatch(/^R-\d{6}$/);
    expect(result.completedAt).toBeInstanceOf(Date);
    expect(await onHand(v.id, w.warsaw.id)).toBe(before + 2);
    const movements = await db.prisma.inventoryMovement.findMany({ where: { returnId: result.id } });
    expect(movements).toHaveLength(1);
    expect(movements[0]).toMatchObject({ kind: "RETURN_RESTOCK", quantity: 2, locationId: w.warsaw.id, variantId: v.id, orderId: order.id });
    const events = await db.prisma.orderEvent.findMany({ where: { orderId: order.id } });
    expect(events.map((e) => e.message).join("\n")).toMatch(new RegExp(`2 × Trail Jacket \\(${v.sku}\\) received at Warsaw: restocked`));
    const outbox = await db.prisma.outboxEvent.findMany({ where: { topic: "order.changed" } });
    expect(outbox.some((e) => (e.payload as { orderId: string }).orderId === order.id)).toBe(true);
    // Refunded to the card, pending execution by the payments module.
    expect(result.refunds).toEqual([expect.objectContaining({ method: "ORIGINAL_PAYMENT", status: "PENDING", amount: 20_000, paymentId: order.payments[0]!.id })]);
  });

  it("damaged goods are not restocked and the timeline says so", async () => {
    const w = await returnsWorld(db.prisma);
    const v = w.variants[1]!;
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: v.id, quantity: 3, total: 30_000 }] });
    const result = await createReturn(
      {
        orderId: order.id,
        locationId: w.warsaw.id,
        refundMethod: "CASH",
        lines: [{ orderLineId: order.lines[0]!.id, quantity: 2, reason: "DAMAGED", condition: "DAMAGED" }],
      },
      testContext(db.prisma),
    );
    expect(result.lines[0]).toMatchObject({ condition: "DAMAGED", restocked: false, quantity: 2, refundAmount: 20_000 });
    expect(await onHand(v.id, w.warsaw.id)).toBe(0);
    expect(await db.prisma.inventoryMovement.count({ where: { returnId: result.id } })).toBe(0);
    const event = await db.prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "return.completed" } });
    expect(event.message).toMatch(new RegExp(`2 × Trail Jacket \\(${v.sku}\\) received damaged at Warsaw: not restocked`));
    expect(result.refunds).toEqual([expect.objectContaining({ method: "CASH", status: "SUCCEEDED", amount: 20_000 })]);
    expect(result.orderStatus).toBe("PARTIALLY_RETURNED");

    const checked = await createReturn(
      {
        orderId: order.id,
        locationId: w.krakow.id,
        refundMethod: "CASH",
        lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "DEFECTIVE", condition: "QUALITY_CHECK" }],
      },
      testContext(db.prisma),
    );
    expect(checked.lines[0]).toMatchObject({ condition: "QUALITY_CHECK", restocked: false });
    expect(await onHand(v.id, w.krakow.id)).toBe(0);
    expect(checked.orderStatus).toBe("RETURNED");
    const messages = (await db.prisma.orderEvent.findMany({ where: { orderId: order.id } })).map((e) => e.message).join("\n");
    expect(messages).toMatch(/1 × Trail Jacket .* received at Krakow for a quality check: not restocked/);
  });

  it("issues store credit for exactly the refund", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 3, total: 1000 }] });
    const result = await createReturn(
      { orderId: order.id, locationId: w.krakow.id, refundMethod: "STORE_CREDIT", lines: [{ orderLineId: order.lines[0]!.id, quantity: 2, ...sellable }] },
      testContext(db.prisma),
    );
    expect(result.refundTotal).toBe(667);
    expect(result.storeCredit).toMatchObject({ initial: 667, balance: 667, currency: "PLN" });
    expect(result.storeCredit!.code).toMatch(/^SC-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const credit = await db.prisma.storeCredit.findUniqueOrThrow({ where: { code: result.storeCredit!.code } });
    expect(credit).toMatchObject({ customerId: w.customer.id, returnId: result.id, initial: 667, balance: 667, currency: "PLN" });
    const refunds = await db.prisma.refund.findMany({ where: { returnId: result.id } });
    expect(refunds).toEqual([expect.objectContaining({ method: "STORE_CREDIT", status: "SUCCEEDED", amount: 667 })]);
  });

  it("three units returned one at a time refund exactly the line total", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 3, total: 1000 }] });
    const ctx = testContext(db.prisma);
    const amounts: number[] = [];
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await createReturn(
        { orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }] },
        ctx,
      );
      amounts.push(r.refundTotal);
      statuses.push(r.orderStatus);
    }
    expect([...amounts].sort()).toEqual([333, 333, 334]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(statuses).toEqual(["PARTIALLY_RETURNED", "PARTIALLY_RETURNED", "RETURNED"]);
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("RETURNED");
    const lines = await getReturnableLines({ orderId: order.id }, ctx);
    expect(lines.lines[0]).toMatchObject({ bought: 3, returned: 3, returnable: 0, returnableRefund: 0 });
  });

  it("never refunds more to the original payment than was captured and not yet refunded", async () => {
    const w = await returnsWorld(db.prisma);
    const [a, b] = [w.variants[0]!, w.variants[1]!];
    // Two card payments (6000 + 4000) for 10000; 3000 of the first already refunded earlier.
    const order = await fulfilledOrder(db.prisma, w, {
      lines: [
        { variantId: a.id, quantity: 1, total: 6000 },
        { variantId: b.id, quantity: 1, total: 4000 },
      ],
      payments: [6000, 4000],
    });
    const [p1, p2] = order.payments.sort((x, y) => x.amount - y.amount).reverse();
    await db.prisma.refund.create({ data: { orderId: order.id, paymentId: p1!.id, method: "ORIGINAL_PAYMENT", status: "SUCCEEDED", currency: "PLN", amount: 5000 } });
    const ctx = testContext(db.prisma);
    // Refundable now: 1000 + 4000 = 5000, and the first line is worth 6000.
    await expectAppError(
      createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "ORIGINAL_PAYMENT", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }] }, ctx),
      "VALIDATION_FAILED",
      /refundMethod: Only .*50\.00 of the payments .* can still be refunded/,
    );
    // The second line (4000) fits and is split oldest payment first.
    const result = await createReturn(
      { orderId: order.id, locationId: w.warsaw.id, refundMethod: "ORIGINAL_PAYMENT", lines: [{ orderLineId: order.lines[1]!.id, quantity: 1, ...sellable }] },
      ctx,
    );
    const byPayment = Object.fromEntries(result.refunds.map((r) => [r.paymentId, r.amount]));
    expect(result.refunds.reduce((s, r) => s + r.amount, 0)).toBe(4000);
    for (const p of [p1!, p2!]) {
      const refunded = (await db.prisma.refund.findMany({ where: { paymentId: p.id, status: { in: ["PENDING", "SUCCEEDED"] } } })).reduce((s, r) => s + r.amount, 0);
      expect(refunded).toBeLessThanOrEqual(p.amountCaptured);
    }
    expect(byPayment[p1!.id]).toBe(1000);
    expect(byPayment[p2!.id]).toBe(3000);
    // Cash at the till still works for the first line.
    await createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }] }, ctx);
  });

  it("names a line that is not part of the order", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1, total: 100 }] });
    const other = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1, total: 100 }] });
    await expectAppError(
      createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: other.lines[0]!.id, quantity: 1, ...sellable }] }, testContext(db.prisma)),
      "NOT_FOUND",
      /lines\.0\.orderLineId: That line is not part of order/,
    );
  });
});

describe("createExchange", () => {
  async function stocked(w: Awaited<ReturnType<typeof returnsWorld>>, variantId: string, quantity: number) {
    await changeOnHand(db.prisma, { variantId, locationId: w.warsaw.id, delta: quantity, kind: "RECEIPT" }, testContext(db.prisma));
  }

  it("customer pays the difference when the new goods cost more", async () => {
    const w = await returnsWorld(db.prisma, { price: 12_000 });
    const [old, fresh] = [w.variants[0]!, w.variants[1]!];
    await stocked(w, fresh.id, 5);
    const order = await fulfilledOrder(db.prisma, w, { channel: "WEB", lines: [{ variantId: old.id, quantity: 1, total: 10_000 }] });
    const result = await createExchange(
      {
        orderId: order.id,
        locationId: w.warsaw.id,
        refundMethod: "CASH",
        lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "DOES_NOT_FIT", condition: "SELLABLE" }],
        newLines: [{ variantId: fresh.id, quantity: 1 }],
      },
      testContext(db.prisma),
    );
    expect(result).toMatchObject({ returnValue: 10_000, newTotal: 12_000, amountDue: 2000 });
    expect(result.return.storeCredit).toMatchObject({ initial: 10_000, balance: 0 });
    const newOrder = await db.prisma.order.findUniqueOrThrow({
      where: { id: result.exchangeOrder.id },
      include: { lines: true, payments: true, fulfillmentOrders: true },
    });
    expect(newOrder).toMatchObject({ channel: "POS", status: "COMPLETED", paymentStatus: "PARTIALLY_PAID", total: 12_000, taxTotal: 2244, originLocationId: w.warsaw.id, customerId: w.customer.id });
    expect(newOrder.payments).toEqual([expect.objectContaining({ method: "STORE_CREDIT", amountCaptured: 10_000, storeCreditId: result.return.storeCredit!.id })]);
    expect(newOrder.fulfillmentOrders).toEqual([expect.objectContaining({ type: "CARRY_OUT", locationId: w.warsaw.id, status: "PICKED_UP" })]);
    expect(newOrder.number).toMatch(new RegExp(`^${w.warsaw.code}-\\d{6}$`));
    expect(newOrder.fulfillmentOrders[0]!.number).toBe(`${newOrder.number}-F1`);
    expect(await onHand(fresh.id, w.warsaw.id)).toBe(4);
    expect(await onHand(old.id, w.warsaw.id)).toBe(1);
    const sale = await db.prisma.inventoryMovement.findFirstOrThrow({ where: { orderId: newOrder.id } });
    expect(sale).toMatchObject({ kind: "SALE", quantity: -1 });
    expect((await db.prisma.return.findUniqueOrThrow({ where: { id: result.return.id } })).exchangeOrderId).toBe(newOrder.id);
    expect(result.return.orderStatus).toBe("RETURNED");
  });

  it("the customer gets the difference back when the new goods cost less", async () => {
    const w = await returnsWorld(db.prisma, { price: 3000 });
    const [old, fresh] = [w.variants[0]!, w.variants[1]!];
    await stocked(w, fresh.id, 5);
    const order = await fulfilledOrder(db.prisma, w, { channel: "POS", lines: [{ variantId: old.id, quantity: 2, total: 10_001 }] });
    const base = {
      orderId: order.id,
      locationId: w.warsaw.id,
      lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "CHANGED_MIND" as const, condition: "SELLABLE" as const }],
      newLines: [{ variantId: fresh.id, quantity: 1 }],
    };
    const cash = await createExchange({ ...base, refundMethod: "CASH" }, testContext(db.prisma));
    expect(cash).toMatchObject({ returnValue: 5001, newTotal: 3000, amountDue: -2001 });
    expect(cash.return.refunds.map((r) => [r.method, r.status, r.amount]).sort()).toEqual([
      ["CASH", "SUCCEEDED", 2001],
      ["STORE_CREDIT", "SUCCEEDED", 3000],
    ]);
    expect(cash.return.storeCredit).toMatchObject({ initial: 3000, balance: 0 });

    const credit = await createExchange({ ...base, refundMethod: "STORE_CREDIT" }, testContext(db.prisma));
    expect(credit).toMatchObject({ returnValue: 5000, newTotal: 3000, amountDue: -2000 });
    expect(credit.return.storeCredit).toMatchObject({ initial: 5000, balance: 2000 });
    expect(credit.return.refunds).toEqual([expect.objectContaining({ method: "STORE_CREDIT", amount: 5000 })]);
    const paid = await db.prisma.order.findUniqueOrThrow({ where: { id: credit.exchangeOrder.id } });
    expect(paid.paymentStatus).toBe("PAID");
  });

  it("rolls everything back when the new item is out of stock", async () => {
    const w = await returnsWorld(db.prisma);
    const [old, fresh] = [w.variants[0]!, w.variants[1]!];
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: old.id, quantity: 1, total: 10_000 }] });
    await expectAppError(
      createExchange(
        {
          orderId: order.id,
          locationId: w.warsaw.id,
          refundMethod: "CASH",
          lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "DOES_NOT_FIT", condition: "SELLABLE" }],
          newLines: [{ variantId: fresh.id, quantity: 1 }],
        },
        testContext(db.prisma),
      ),
      "INSUFFICIENT_STOCK",
    );
    expect(await db.prisma.return.count({ where: { orderId: order.id } })).toBe(0);
    expect((await db.prisma.orderLine.findUniqueOrThrow({ where: { id: order.lines[0]!.id } })).quantityReturned).toBe(0);
    expect(await onHand(old.id, w.warsaw.id)).toBe(0);
  });
});

describe("getReturnableLines and listReturns", () => {
  it("reports bought, fulfilled, returned, returnable and the unit refund", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 3, total: 1000, fulfilled: 2 }] });
    const ctx = testContext(db.prisma);
    const before = await getReturnableLines({ orderId: order.id }, ctx);
    expect(before.lines[0]).toMatchObject({ bought: 3, fulfilled: 2, returned: 0, returnable: 2, unitRefund: 334, returnableRefund: 667 });
    await createReturn({ orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }] }, ctx);
    const after = await getReturnableLines({ orderId: order.id }, ctx);
    expect(after.lines[0]).toMatchObject({ returned: 1, returnable: 1, unitRefund: 333, returnableRefund: 333 });
  });

  it("filters by location and date and pages with a cursor", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 5, total: 5000 }] });
    const days = [1, 2, 3, 4].map((d) => new Date(Date.UTC(2026, 10, d, 12)));
    for (const [i, day] of days.entries()) {
      await createReturn(
        {
          orderId: order.id,
          locationId: i === 3 ? w.krakow.id : w.warsaw.id,
          refundMethod: "CASH",
          lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }],
        },
        testContext(db.prisma, day),
      );
    }
    const ctx = testContext(db.prisma);
    const first = await listReturns({ locationId: w.warsaw.id, limit: 2 }, ctx);
    expect(first.items.map((r) => r.createdAt.toISOString())).toEqual([days[2]!.toISOString(), days[1]!.toISOString()]);
    expect(first.nextCursor).not.toBeNull();
    const second = await listReturns({ locationId: w.warsaw.id, limit: 2, cursor: first.nextCursor! }, ctx);
    expect(second.items.map((r) => r.createdAt.toISOString())).toEqual([days[0]!.toISOString()]);
    expect(second.nextCursor).toBeNull();
    const ranged = await listReturns({ orderId: order.id, from: days[1], to: days[3] }, ctx);
    expect(ranged.items).toHaveLength(2);
    expect(ranged.items[0]).toMatchObject({ units: 1, locationName: "Warsaw", orderNumber: order.number });
  });
});
