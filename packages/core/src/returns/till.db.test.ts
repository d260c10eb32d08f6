import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { changeOnHand } from "../inventory/index.ts";
import { createExchange, createReturn, findExchangeItems, findTillOrders, getStoreCredit, getTillOrder, normalizeStoreCreditCode } from "./index.ts";
import { fulfilledOrder, returnsWorld, testContext } from "./testing.ts";
import { tillAt } from "./till.testing.ts";

const db = useTestDatabase();
const sellable = { reason: "CHANGED_MIND", condition: "SELLABLE" } as const;

describe("cash refunds at the till", () => {
  it("pay out of the register's open session: a negative REFUND movement linked to the refund", async () => {
    const w = await returnsWorld(db.prisma);
    const till = await tillAt(db.prisma, w.warsaw);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 3, total: 1000 }] });
    const result = await createReturn(
      { orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH", registerSessionId: till.session.id, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }] },
      till.ctx(),
    );
    expect(result.refunds).toEqual([expect.objectContaining({ method: "CASH", status: "SUCCEEDED", amount: 334 })]);
    const movements = await db.prisma.cashMovement.findMany({ where: { registerSessionId: till.session.id } });
    expect(movements).toEqual([
      expect.objectContaining({ id: result.cashMovementId, kind: "REFUND", amount: -334, refundId: result.refunds[0]!.id, actorId: till.cashier.id, reason: `Return ${result.number} (order ${order.number})` }),
    ]);
  });

  it("is refused without an open session, and nothing is written", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 2, total: 2000 }] });
    const input = { orderId: order.id, locationId: w.warsaw.id, refundMethod: "CASH" as const, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }] };
    const open = await tillAt(db.prisma, w.warsaw);
    const error = await expectAppError(createReturn(input, open.ctx()), "VALIDATION_FAILED", /^registerSessionId: Cash comes out of a register's drawer/);
    expect(error.details.fields).toEqual([{ path: ["registerSessionId"], message: "No open register" }]);

    const closed = await tillAt(db.prisma, w.warsaw, { open: false });
    await expectAppError(createReturn({ ...input, registerSessionId: closed.session.id }, closed.ctx()), "INVALID_TRANSITION", /Till 1 was closed/);

    const krakow = await tillAt(db.prisma, w.krakow);
    await expectAppError(createReturn({ ...input, registerSessionId: krakow.session.id }, open.ctx()), "FORBIDDEN");
    const admin = { ...krakow.ctx(), actor: { kind: "USER" as const, user: { ...krakow.ctx().actor, id: krakow.cashier.id, email: "a@x", name: "HQ", role: "ADMIN" as const, locationId: null, sessionVersion: 0 } } };
    await expectAppError(createReturn({ ...input, registerSessionId: krakow.session.id }, admin), "VALIDATION_FAILED", /belongs to another store/);

    expect(await db.prisma.return.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.prisma.refund.count({ where: { orderId: order.id } })).toBe(0);
    expect((await db.prisma.orderLine.findUniqueOrThrow({ where: { id: order.lines[0]!.id } })).quantityReturned).toBe(0);
    expect(await db.prisma.cashMovement.count({ where: { registerSessionId: { in: [open.session.id, closed.session.id, krakow.session.id] } } })).toBe(0);
  });

  it("an exchange for something cheaper pays the difference out of the drawer", async () => {
    const w = await returnsWorld(db.prisma, { price: 3000 });
    const till = await tillAt(db.prisma, w.warsaw);
    const system = testContext(db.prisma);
    await changeOnHand(db.prisma, { variantId: w.variants[1]!.id, locationId: w.warsaw.id, delta: 5, kind: "RECEIPT", refs: {} }, system);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1, total: 10_000 }] });
    const result = await createExchange(
      {
        orderId: order.id,
        locationId: w.warsaw.id,
        refundMethod: "CASH",
        registerSessionId: till.session.id,
        lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }],
        newLines: [{ variantId: w.variants[1]!.id, quantity: 1 }],
      },
      till.ctx(),
    );
    expect(result.amountDue).toBe(-7000);
    const movement = await db.prisma.cashMovement.findUniqueOrThrow({ where: { id: result.return.cashMovementId! } });
    expect(movement).toMatchObject({ registerSessionId: till.session.id, kind: "REFUND", amount: -7000 });
  });
});

describe("an exchange for something dearer", () => {
  it("takes the difference in cash into the drawer and the new order is paid", async () => {
    const w = await returnsWorld(db.prisma, { price: 12_000 });
    const till = await tillAt(db.prisma, w.warsaw);
    await changeOnHand(db.prisma, { variantId: w.variants[1]!.id, locationId: w.warsaw.id, delta: 2, kind: "RECEIPT", refs: {} }, testContext(db.prisma));
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1, total: 10_000 }] });
    const input = {
      orderId: order.id,
      locationId: w.warsaw.id,
      refundMethod: "CASH" as const,
      lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }],
      newLines: [{ variantId: w.variants[1]!.id, quantity: 1 }],
      collectInCash: true,
    };
    await expectAppError(createExchange(input, till.ctx()), "VALIDATION_FAILED", /^registerSessionId: Cash goes into a register's drawer/);
    const result = await createExchange({ ...input, registerSessionId: till.session.id }, till.ctx());
    expect(result).toMatchObject({ amountDue: 2000, differencePaid: true });
    const newOrder = await db.prisma.order.findUniqueOrThrow({ where: { id: result.exchangeOrder.id }, include: { payments: true } });
    expect(newOrder.paymentStatus).toBe("PAID");
    const cash = newOrder.payments.find((p) => p.method === "CASH")!;
    expect(cash).toMatchObject({ amountCaptured: 2000, registerSessionId: till.session.id });
    expect(await db.prisma.cashMovement.findMany({ where: { registerSessionId: till.session.id } })).toEqual([expect.objectContaining({ kind: "SALE", amount: 2000, paymentId: cash.id })]);
    // Without collecting, the new order waits for its payment.
    const other = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 1, total: 10_000 }] });
    const waiting = await createExchange({ ...input, orderId: other.id, lines: [{ orderLineId: other.lines[0]!.id, quantity: 1, ...sellable }], collectInCash: false }, till.ctx());
    expect(waiting).toMatchObject({ amountDue: 2000, differencePaid: false });
  });
});

describe("store credit from a return", () => {
  it("is found by its code however it is typed, with the refund as balance", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 2, total: 5000 }] });
    const result = await createReturn(
      { orderId: order.id, locationId: w.warsaw.id, refundMethod: "STORE_CREDIT", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, ...sellable }] },
      testContext(db.prisma),
    );
    const code = result.storeCredit!.code;
    expect(code).toMatch(/^SC-[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/);
    for (const typed of [code, code.toLowerCase(), code.replace(/-/g, ""), ` ${code.slice(3).replace("-", " ")} `]) {
      expect(await getStoreCredit({ code: typed }, { db: db.prisma })).toMatchObject({ code, currency: "PLN", initial: 2500, balance: 2500, customerName: `Anna ${w.customer.lastName}` });
    }
    await expectAppError(getStoreCredit({ code: "SC-AAAA-AAAA" }, { db: db.prisma }), "NOT_FOUND", /There is no store credit SC-AAAA-AAAA/);
    expect(normalizeStoreCreditCode("sc-abcd-efgh")).toBe("SC-ABCD-EFGH");
    expect(normalizeStoreCreditCode("abc")).toBeNull();
  });
});

describe("the till's order lookup", () => {
  it("finds an order by its receipt number, by the customer's phone, e-mail or name, and lists the store's recent sales", async () => {
    const w = await returnsWorld(db.prisma);
    const ctx = testContext(db.prisma);
    // The phone of this test's customer only (the database is shared with other tests).
    const phone = `+48 7${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    await db.prisma.customer.update({ where: { id: w.customer.id }, data: { phone } });
    const older = await fulfilledOrder(db.prisma, w, { channel: "POS", lines: [{ variantId: w.variants[0]!.id, quantity: 2, total: 2000 }], placedAt: new Date(Date.now() - 60_000) });
    const web = await fulfilledOrder(db.prisma, w, { channel: "WEB", lines: [{ variantId: w.variants[1]!.id, quantity: 1, total: 1000 }] });
    await createReturn({ orderId: older.id, locationId: w.warsaw.id, refundMethod: "STORE_CREDIT", lines: [{ orderLineId: older.lines[0]!.id, quantity: 1, ...sellable }] }, ctx);

    const scanned = await findTillOrders({ locationId: w.krakow.id, query: ` ${web.number.toLowerCase()} ` }, ctx);
    expect(scanned).toEqual([expect.objectContaining({ id: web.id, channel: "WEB", units: 1, returnableUnits: 1, originLocationName: null })]);
    for (const query of [phone.slice(4), w.customer.email!.toUpperCase(), `anna ${w.customer.lastName}`]) {
      const found = await findTillOrders({ locationId: w.krakow.id, query }, ctx);
      expect(found.map((o) => o.id), query).toEqual([web.id, older.id]);
    }
    const recent = await findTillOrders({ locationId: w.warsaw.id }, ctx);
    expect(recent).toEqual([expect.objectContaining({ id: older.id, originLocationName: "Warsaw", units: 2, returnableUnits: 1 })]);
    expect(await findTillOrders({ locationId: w.warsaw.id, query: "nobody-at-all" }, ctx)).toEqual([]);
  });

  it("shows an order's lines as bought, returned and returnable, with payments, refunds and returns", async () => {
    const w = await returnsWorld(db.prisma);
    const order = await fulfilledOrder(db.prisma, w, { lines: [{ variantId: w.variants[0]!.id, quantity: 3, total: 3000 }, { variantId: w.variants[1]!.id, quantity: 1, total: 1000 }] });
    const ret = await createReturn(
      { orderId: order.id, locationId: w.krakow.id, refundMethod: "ORIGINAL_PAYMENT", lines: [{ orderLineId: order.lines[0]!.id, quantity: 2, reason: "DOES_NOT_FIT", condition: "SELLABLE" }] },
      testContext(db.prisma),
    );
    const detail = await getTillOrder({ orderId: order.id }, { db: db.prisma });
    expect(detail.lines.map((l) => [l.bought, l.returned, l.returnable, l.unitRefund])).toEqual([
      [3, 2, 1, 1000],
      [1, 0, 1, 1000],
    ]);
    expect(detail.payments).toEqual([expect.objectContaining({ method: "CARD", amountCaptured: 4000, amountRefunded: 0 })]);
    expect(detail.refunds).toEqual([expect.objectContaining({ method: "ORIGINAL_PAYMENT", status: "PENDING", amount: 2000, returnId: ret.id })]);
    // The pending refund is promised: only the rest can still go back to the card.
    expect(detail.cardRefundable).toBe(2000);
    expect(detail.returns).toEqual([
      expect.objectContaining({ number: ret.number, locationName: "Krakow", refundTotal: 2000, lines: [expect.objectContaining({ quantity: 2, reason: "DOES_NOT_FIT", refundAmount: 2000 })] }),
    ]);
    await expectAppError(getTillOrder({ orderId: "0190a000-0000-7000-8000-000000000000" }, { db: db.prisma }), "NOT_FOUND");
  });

  it("finds replacement items by barcode, SKU or name, priced and stocked at the store", async () => {
    const w = await returnsWorld(db.prisma, { price: 4500 });
    const v = w.variants[2]!;
    await db.prisma.barcode.create({ data: { code: `590${w.tag}`, variantId: v.id } });
    await changeOnHand(db.prisma, { variantId: v.id, locationId: w.warsaw.id, delta: 4, kind: "RECEIPT", refs: {} }, testContext(db.prisma));
    const expected = { variantId: v.id, sku: v.sku, name: "Trail Jacket Size 2", price: 4500, currency: "PLN", onHand: 4 };
    expect(await findExchangeItems({ locationId: w.warsaw.id, query: `590${w.tag}` }, { db: db.prisma })).toEqual([expect.objectContaining(expected)]);
    expect(await findExchangeItems({ locationId: w.warsaw.id, query: v.sku.toLowerCase() }, { db: db.prisma })).toEqual([expect.objectContaining(expected)]);
    const byName = await findExchangeItems({ locationId: w.warsaw.id, query: `jacket size 2` }, { db: db.prisma });
    expect(byName.map((i) => i.variantId)).toContain(v.id);
  });
});
