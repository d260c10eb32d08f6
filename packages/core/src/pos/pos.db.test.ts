import { useTestDatabase } from "@oms/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { DomainContext } from "../context.ts";
import { createStaffWorld, createTestLocation, expectAppError, TEST_PIN, userActor } from "../testing/index.ts";
import {
  addPosCashTender,
  addPosStoreCreditTender,
  approvePosAction,
  emailPosReceipt,
  getPosCheckout,
  getPosReceipt,
  listParkedSales,
  lookupPosBarcode,
  parkPosSale,
  quotePosCart,
  resumeParkedSale,
  searchPosProducts,
  startPosCheckout,
  voidPosCheckout,
} from "./index.ts";
import { createPosProduct, openTestRegister } from "./testing.ts";

const db = useTestDatabase();
let w: Awaited<ReturnType<typeof createStaffWorld>>;
let cashier: DomainContext;
beforeAll(async () => {
  w = await createStaffWorld(db.prisma);
  cashier = { db: db.prisma, actor: userActor(w.cashierA), now: new Date() };
});
const as = (user: Parameters<typeof userActor>[0]): DomainContext => ({ db: db.prisma, actor: userActor(user), now: new Date() });
const level = (variantId: string, locationId: string) => db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } } });

describe("search and scan", () => {
  it("finds by name, SKU and exact barcode, with stock here and at other stores", async () => {
    const { variant } = await createPosProduct(db.prisma, { name: "Merino scarf", price: 2999, barcode: `590${Date.now()}`, stock: { [w.storeA.id]: 2, [w.storeB.id]: 7 } });
    const byName = await searchPosProducts({ locationId: w.storeA.id, query: "merino sc" }, cashier);
    expect(byName.map((p) => p.variantId)).toContain(variant.id);
    const bySku = await searchPosProducts({ locationId: w.storeA.id, query: variant.sku.toLowerCase() }, cashier);
    expect(bySku[0]).toMatchObject({ variantId: variant.id, unitPrice: 2999, currency: "EUR", pricesIncludeTax: true, taxRateBps: 1900, available: 2 });
    expect(bySku[0]!.elsewhere).toEqual([expect.objectContaining({ locationId: w.storeB.id, available: 7, kind: "STORE" })]);
    const code = (await db.prisma.barcode.findFirstOrThrow({ where: { variantId: variant.id } })).code;
    await expect(lookupPosBarcode({ locationId: w.storeA.id, code }, cashier)).resolves.toMatchObject({ variantId: variant.id });
    await expectAppError(lookupPosBarcode({ locationId: w.storeA.id, code: "0000000000000" }, cashier), "NOT_FOUND");
  });
});

describe("a cash sale", () => {
  it("takes cash with change; stock leaves through the ledger; the order is recorded with channel POS", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 1250, stock: { [w.storeA.id]: 5 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const started = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 2 }] } }, cashier);
    expect(started).toMatchObject({ status: "DRAFT", total: 2500, remaining: 2500, cashDue: 2500, completed: false });
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ onHand: 5, reserved: 2 });

    const paid = await addPosCashTender({ orderId: started.orderId, tendered: 5000 }, cashier);
    expect(paid).toMatchObject({ completed: true, change: 2500, paid: 2500, remaining: 0, paymentStatus: "PAID", status: "COMPLETED" });
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ onHand: 3, reserved: 0 });
    const movement = await db.prisma.inventoryMovement.findFirstOrThrow({ where: { orderId: started.orderId } });
    expect(movement).toMatchObject({ kind: "SALE", quantity: -2, locationId: w.storeA.id });
    const order = await db.prisma.order.findUniqueOrThrow({ where: { id: started.orderId }, include: { payments: true, fulfillmentOrders: true } });
    expect(order).toMatchObject({ channel: "POS", originLocationId: w.storeA.id, registerSessionId: session.id, createdById: w.cashierA.id });
    expect(order.fulfillmentOrders).toEqual([expect.objectContaining({ type: "CARRY_OUT", status: "PICKED_UP" })]);
    expect(order.payments).toEqual([expect.objectContaining({ method: "CASH", status: "CAPTURED", amount: 2500, tendered: 5000, changeGiven: 2500, registerSessionId: session.id })]);
    const drawer = await db.prisma.cashMovement.findMany({ where: { registerSessionId: session.id } });
    expect(drawer).toEqual([expect.objectContaining({ kind: "SALE", amount: 2500, paymentId: order.payments[0]!.id, actorId: w.cashierA.id })]);
    expect(await db.prisma.outboxEvent.count({ where: { topic: "order.changed", payload: { path: ["orderId"], equals: order.id } } })).toBeGreaterThan(0);

    // A second tap on "cash" after completion is refused, not charged twice.
    await expectAppError(addPosCashTender({ orderId: started.orderId, tendered: 5000 }, cashier), "INVALID_TRANSITION");
    const receipt = await getPosReceipt({ orderId: started.orderId }, cashier);
    expect(receipt).toMatchObject({ number: order.number, barcode: order.number, total: 2500, change: 2500, cashier: w.cashierA.name, taxBreakdown: [{ rateBps: 1900, tax: 399, gross: 2500 }] });

    // The e-mail receipt is queued through the notifications module (sent after commit).
    const mail = await emailPosReceipt({ orderId: started.orderId, email: "Ada@Example.com" }, cashier);
    expect(mail.recipient).toBe("ada@example.com");
    expect(await db.prisma.notification.findUniqueOrThrow({ where: { id: mail.notificationId } })).toMatchObject({ template: "pos.receipt", channel: "EMAIL", status: "QUEUED", orderId: order.id });
  });

  it("the same cash attempt twice records one payment", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 1000, stock: { [w.storeA.id]: 5 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const attemptId = crypto.randomUUID();
    const started = await startPosCheckout({ registerSessionId: session.id, attemptId, cart: { lines: [{ variantId: variant.id, quantity: 3 }] } }, cashier);
    const again = await startPosCheckout({ registerSessionId: session.id, attemptId, cart: { lines: [{ variantId: variant.id, quantity: 3 }] } }, cashier);
    expect(again.orderId).toBe(started.orderId);
    const cashAttempt = crypto.randomUUID();
    await addPosCashTender({ orderId: started.orderId, tendered: 1000, attemptId: cashAttempt }, cashier);
    const second = await addPosCashTender({ orderId: started.orderId, tendered: 1000, attemptId: cashAttempt }, cashier);
    expect(second).toMatchObject({ paid: 1000, remaining: 2000, completed: false });
    expect(await db.prisma.payment.count({ where: { orderId: started.orderId } })).toBe(1);
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ reserved: 3 });
  });

  it("rounds the cash due to whole kronor and records the rounding (SEK, increment 100)", async () => {
    const market = await db.prisma.market.create({ data: { code: `SE${Date.now() % 100000}`, name: "Sweden", currency: "SEK", countries: ["SE"] } });
    const store = await createTestLocation(db.prisma, { marketCode: market.code });
    await db.prisma.location.update({ where: { id: store.id }, data: { currency: "SEK", taxRateBps: 2500, cashRoundingIncrement: 100 } });
    const clerk = await db.prisma.user.create({ data: { email: `se-${Date.now()}@test.example`, name: "Sven", role: "CASHIER", homeLocationId: store.id, passwordHash: "x" } });
    const ctx = as(clerk);
    const { variant } = await createPosProduct(db.prisma, { currency: "SEK", price: 9949, stock: { [store.id]: 2 } });
    const { session } = await openTestRegister(db.prisma, { locationId: store.id, openedById: clerk.id, currency: "SEK" });

    const quote = await quotePosCart({ locationId: store.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, ctx);
    expect(quote).toMatchObject({ total: 9949, cashTotal: 9900, cashRounding: -49, cashRoundingIncrement: 100 });
    const started = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, ctx);
    expect(started.cashDue).toBe(9900);
    const paid = await addPosCashTender({ orderId: started.orderId, tendered: 10000 }, ctx);
    expect(paid).toMatchObject({ completed: true, paid: 9900, cashRounding: -49, change: 100 });
    const drawer = await db.prisma.cashMovement.aggregate({ where: { registerSessionId: session.id }, _sum: { amount: true } });
    expect(drawer._sum.amount).toBe(9900);
    const receipt = await getPosReceipt({ orderId: started.orderId }, ctx);
    expect(receipt).toMatchObject({ total: 9949, cashRounding: -49, change: 100 });
  });

  it("refuses a closed register session and a register of another store", async () => {
    const { variant } = await createPosProduct(db.prisma, { stock: { [w.storeA.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    await db.prisma.registerSession.update({ where: { id: session.id }, data: { status: "CLOSED", closedAt: new Date() } });
    await expectAppError(startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, cashier), "INVALID_TRANSITION");
    const other = await openTestRegister(db.prisma, { locationId: w.storeB.id, openedById: w.cashierB.id });
    await expectAppError(startPosCheckout({ registerSessionId: other.session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, cashier), "FORBIDDEN");
  });

  it("a carry-out line beyond the stock here fails with INSUFFICIENT_STOCK and leaves nothing behind", async () => {
    const { variant } = await createPosProduct(db.prisma, { stock: { [w.storeA.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const before = await db.prisma.order.count();
    await expectAppError(startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 2 }] } }, cashier), "INSUFFICIENT_STOCK");
    expect(await db.prisma.order.count()).toBe(before);
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ onHand: 1, reserved: 0 });
  });
});

describe("store credit and void", () => {
  it("pays partly with store credit, then voids: stock released, cash and credit given back", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 3000, stock: { [w.storeA.id]: 4 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const credit = await db.prisma.storeCredit.create({ data: { code: `SC-${Date.now().toString(36).slice(-4).toUpperCase().padStart(4, "A")}-TEST`, currency: "EUR", balance: 1000, initial: 1000 } });
    const started = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, cashier);
    const afterCredit = await addPosStoreCreditTender({ orderId: started.orderId, code: credit.code.toLowerCase() }, cashier);
    expect(afterCredit).toMatchObject({ paid: 1000, remaining: 2000 });
    expect((await db.prisma.storeCredit.findUniqueOrThrow({ where: { id: credit.id } })).balance).toBe(0);
    await expectAppError(addPosStoreCreditTender({ orderId: started.orderId, code: credit.code }, cashier), "VALIDATION_FAILED", /used up/);
    const afterCash = await addPosCashTender({ orderId: started.orderId, tendered: 500 }, cashier);
    expect(afterCash).toMatchObject({ paid: 1500, remaining: 1500, completed: false });

    const voided = await voidPosCheckout({ orderId: started.orderId, reason: "Customer changed their mind" }, cashier);
    expect(voided).toMatchObject({ voided: true, status: "CANCELLED", paymentStatus: "VOIDED" });
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ onHand: 4, reserved: 0 });
    expect((await db.prisma.storeCredit.findUniqueOrThrow({ where: { id: credit.id } })).balance).toBe(1000);
    const drawer = await db.prisma.cashMovement.findMany({ where: { registerSessionId: session.id }, orderBy: { createdAt: "asc" } });
    expect(drawer.map((m) => [m.kind, m.amount])).toEqual([
      ["SALE", 500],
      ["REFUND", -500],
    ]);
    // Voiding again changes nothing; a voided sale takes no more money.
    await expect(voidPosCheckout({ orderId: started.orderId, reason: "again" }, cashier)).resolves.toMatchObject({ voided: true });
    await expectAppError(addPosCashTender({ orderId: started.orderId, tendered: 5000 }, cashier), "INVALID_TRANSITION");
  });

  it("a completed sale cannot be voided", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 100, stock: { [w.storeA.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const started = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, cashier);
    await addPosCashTender({ orderId: started.orderId, tendered: 100 }, cashier);
    await expectAppError(voidPosCheckout({ orderId: started.orderId, reason: "oops" }, cashier), "INVALID_TRANSITION", /return/);
  });
});

describe("manager approvals", () => {
  it("a discount above the threshold needs a manager's PIN; a wrong PIN is a field error; the token unlocks checkout", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 10_000, stock: { [w.storeA.id]: 3 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const cart = { lines: [{ variantId: variant.id, quantity: 1, lineDiscount: { kind: "PERCENT" as const, bps: 3000 } }] };
    const quote = await quotePosCart({ locationId: w.storeA.id, cart }, cashier);
    expect(quote).toMatchObject({ total: 7000, approved: false, approvals: [{ kind: "LINE_DISCOUNT", lineIndex: 0, approved: false }] });
    const refused = await expectAppError(startPosCheckout({ registerSessionId: session.id, cart }, cashier), "VALIDATION_FAILED");
    expect(refused.details.fields?.[0]?.path).toEqual(["cart", "lines", 0, "lineDiscount"]);

    const wrong = await expectAppError(
      approvePosAction({ locationId: w.storeA.id, managerId: w.managerA.id, managerPin: "0000", reason: "Damaged box", scope: { kind: "LINE_DISCOUNT", variantId: variant.id } }, cashier),
      "VALIDATION_FAILED",
    );
    expect(wrong.details.fields?.[0]?.path).toEqual(["managerPin"]);
    // A cashier's PIN does not approve.
    await expectAppError(
      approvePosAction({ locationId: w.storeA.id, managerId: w.cashierA.id, managerPin: TEST_PIN, reason: "Damaged box", scope: { kind: "LINE_DISCOUNT" } }, cashier),
      "VALIDATION_FAILED",
      /manager/,
    );
    const approval = await approvePosAction(
      { locationId: w.storeA.id, managerId: w.managerA.id, managerPin: TEST_PIN, reason: "Damaged box", scope: { kind: "LINE_DISCOUNT", variantId: variant.id } },
      cashier,
    );
    expect(approval).toMatchObject({ kind: "LINE_DISCOUNT", managerId: w.managerA.id });
    const approvedCart = { ...cart, approvals: [{ approvalToken: approval.approvalToken }] };
    await expect(quotePosCart({ locationId: w.storeA.id, cart: approvedCart }, cashier)).resolves.toMatchObject({ approved: true, approvals: [{ approvedBy: { id: w.managerA.id } }] });
    const started = await startPosCheckout({ registerSessionId: session.id, cart: approvedCart }, cashier);
    const line = await db.prisma.orderLine.findFirstOrThrow({ where: { orderId: started.orderId } });
    expect(line).toMatchObject({ approvedById: w.managerA.id, discountTotal: 3000, total: 7000 });
    expect(await db.prisma.auditLog.count({ where: { action: "pos.approval", actorId: w.managerA.id } })).toBeGreaterThan(0);

    // A forged, another store's, or expired token is refused.
    const [id] = approval.approvalToken.split(".");
    await expectAppError(quotePosCart({ locationId: w.storeA.id, cart: { ...cart, approvals: [{ approvalToken: `${id}.forgedforgedforged` }] } }, cashier), "VALIDATION_FAILED");
    await expectAppError(quotePosCart({ locationId: w.storeB.id, cart: approvedCart }, cashier), "VALIDATION_FAILED", /not valid at this store/);
    const later: DomainContext = { ...cashier, now: new Date(Date.now() + 16 * 60_000) };
    await expectAppError(quotePosCart({ locationId: w.storeA.id, cart: approvedCart }, later), "VALIDATION_FAILED", /expired/);
  });

  it("a price override records the catalogue price and the approving manager", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 5000, stock: { [w.storeA.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const approval = await approvePosAction({ locationId: w.storeA.id, managerId: w.managerA.id, managerPin: TEST_PIN, reason: "Price match", scope: { kind: "PRICE_OVERRIDE" } }, cashier);
    const started = await startPosCheckout(
      { registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1, priceOverride: 4500 }], approvals: [{ approvalToken: approval.approvalToken }] } },
      cashier,
    );
    expect(started.total).toBe(4500);
    const line = await db.prisma.orderLine.findFirstOrThrow({ where: { orderId: started.orderId } });
    expect(line).toMatchObject({ unitPrice: 4500, originalUnitPrice: 5000, approvedById: w.managerA.id });
  });
});

describe("parked sales", () => {
  it("parks a cart, lists it, and only one of two tills resumes it", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 1500 });
    const parked = await parkPosSale({ locationId: w.storeA.id, label: "Blue coat, fetching size", cart: { lines: [{ variantId: variant.id, quantity: 2 }] } }, cashier);
    expect(parked).toMatchObject({ total: 3000, currency: "EUR", lineCount: 1, parkedByName: w.cashierA.name });
    expect((await listParkedSales({ locationId: w.storeA.id }, cashier)).map((p) => p.id)).toContain(parked.id);

    const results = await Promise.allSettled([resumeParkedSale({ parkedSaleId: parked.id }, cashier), resumeParkedSale({ parkedSaleId: parked.id }, as(w.managerA))]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toMatchObject({ code: "CONFLICT" });
    expect((ok[0] as PromiseFulfilledResult<{ cart: { lines: unknown[] } }>).value.cart.lines).toEqual([{ variantId: variant.id, quantity: 2 }]);
    expect((await listParkedSales({ locationId: w.storeA.id }, cashier)).map((p) => p.id)).not.toContain(parked.id);
  });
});

describe("endless aisle", () => {
  it("sells an item short here for pickup at another store: paid at the till, a fulfillment order and pick task there", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 8000, stock: { [w.storeB.id]: 3 } });
    const { variant: here } = await createPosProduct(db.prisma, { price: 1000, stock: { [w.storeA.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const cart = {
      lines: [
        { variantId: here.id, quantity: 1 },
        { variantId: variant.id, quantity: 1, fulfillment: { type: "PICKUP" as const, locationId: w.storeB.id } },
      ],
    };
    const quote = await quotePosCart({ locationId: w.storeA.id, cart }, cashier);
    expect(quote.lines.map((l) => [l.fulfillment.type, l.available, l.short])).toEqual([
      ["CARRY_OUT", 1, false],
      ["PICKUP", 3, false],
    ]);
    const started = await startPosCheckout({ registerSessionId: session.id, cart }, cashier);
    const done = await addPosCashTender({ orderId: started.orderId, tendered: 9000 }, cashier);
    expect(done).toMatchObject({ completed: true, status: "PARTIALLY_FULFILLED", paymentStatus: "PAID" });
    const remote = await db.prisma.fulfillmentOrder.findFirstOrThrow({ where: { orderId: started.orderId, locationId: w.storeB.id }, include: { lines: true } });
    expect(remote).toMatchObject({ type: "PICKUP", status: "NEW" });
    expect(remote.pickupCode).toMatch(/^\d{6}$/);
    expect(await level(variant.id, w.storeB.id)).toMatchObject({ onHand: 3, reserved: 1 });
    expect(await db.prisma.task.count({ where: { fulfillmentOrderId: remote.id, kind: "PICK" } })).toBe(1);
    const receipt = await getPosReceipt({ orderId: started.orderId }, cashier);
    expect(receipt.lines[1]!.fulfillment).toMatchObject({ type: "PICKUP", locationName: w.storeB.name, fulfillmentNumber: remote.number, pickupCode: remote.pickupCode });
    expect(receipt.lines[0]!.fulfillment).toMatchObject({ type: "CARRY_OUT", locationName: null });
  });

  it("sells an item for shipping to the customer: routed to a location with stock once paid", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 5000, stock: { [w.storeB.id]: 2 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const address = { name: "Ada Lovelace", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117", countryCode: "DE", latitude: 52.517, longitude: 13.389 };
    const started = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1, fulfillment: { type: "SHIP", address } }] } }, cashier);
    const done = await addPosCashTender({ orderId: started.orderId, tendered: 5000 }, cashier);
    expect(done).toMatchObject({ completed: true, status: "ALLOCATED", paymentStatus: "PAID" });
    const shipping = await db.prisma.fulfillmentOrder.findFirstOrThrow({ where: { orderId: started.orderId } });
    expect(shipping).toMatchObject({ type: "SHIP", locationId: w.storeB.id, status: "NEW" });
    expect(await level(variant.id, w.storeB.id)).toMatchObject({ reserved: 1 });
  });

  it("refuses a pickup at a store that does not have the units", async () => {
    const { variant } = await createPosProduct(db.prisma, { stock: { [w.storeB.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const err = await expectAppError(
      startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 2, fulfillment: { type: "PICKUP", locationId: w.storeB.id } }] } }, cashier),
      "INSUFFICIENT_STOCK",
    );
    expect(err.details.fields?.[0]?.path).toEqual(["cart", "lines", 0, "quantity"]);
  });

  it("refuses endless-aisle lines going to two destinations in one sale", async () => {
    const { variant } = await createPosProduct(db.prisma, { stock: { [w.storeB.id]: 3 } });
    const third = await createTestLocation(db.prisma, { marketCode: w.market.code });
    const err = await expectAppError(
      quotePosCart(
        {
          locationId: w.storeA.id,
          cart: {
            lines: [
              { variantId: variant.id, quantity: 1, fulfillment: { type: "PICKUP", locationId: w.storeB.id } },
              { variantId: variant.id, quantity: 1, fulfillment: { type: "PICKUP", locationId: third.id } },
            ],
          },
        },
        cashier,
      ),
      "VALIDATION_FAILED",
    );
    expect(err.details.fields?.[0]?.path).toEqual(["cart", "lines", 1, "fulfillment"]);
  });
});

describe("checkout state", () => {
  it("reads back what the till shows", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 700, stock: { [w.storeA.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const started = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, cashier);
    await expect(getPosCheckout({ orderId: started.orderId }, cashier)).resolves.toEqual(started);
  });
});
