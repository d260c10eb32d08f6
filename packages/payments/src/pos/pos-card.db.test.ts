// Card tenders at the till on the simulated reader: split card + cash, a declined card
// then cash, over-tender refused, and a void that refunds the captured card after commit.
import { addPosCashTender, getPosCheckout, startPosCheckout, type DomainContext } from "@oms/core";
import { createPosProduct, createStaffWorld, expectAppError, openTestRegister, userActor } from "@oms/core/testing";
import { useTestDatabase } from "@oms/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { PaymentsContext } from "../context.ts";
import { SimulatedProvider, simulatedReaderId } from "../providers/simulated-provider.ts";
import { cancelPosCardTender, pollPosCardTender, startPosCardTender, voidPosSale } from "./index.ts";

const db = useTestDatabase();
let w: Awaited<ReturnType<typeof createStaffWorld>>;
let provider: SimulatedProvider;
let domain: DomainContext;
let pay: PaymentsContext;
beforeAll(async () => {
  w = await createStaffWorld(db.prisma);
  provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 });
  domain = { db: db.prisma, actor: userActor(w.cashierA), now: new Date() };
  pay = { db: db.prisma, provider, actor: userActor(w.cashierA), now: new Date() };
});

async function startSale(price: number, quantity = 1) {
  const { variant } = await createPosProduct(db.prisma, { price, stock: { [w.storeA.id]: 5 } });
  const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id, readerId: simulatedReaderId(w.storeA.id) });
  const sale = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity }] } }, domain);
  return { sale, session, variant };
}

describe("card tenders", () => {
  it("split tender: card for part, cash for the rest; the card payment carries the register session", async () => {
    const { sale, session, variant } = await startSale(3000);
    const card = await startPosCardTender({ orderId: sale.orderId, amount: 2000 }, pay);
    expect(card.checkout.pendingCardPaymentId).toBe(card.paymentId);
    // Cash waits while the reader has the card.
    await expectAppError(addPosCashTender({ orderId: sale.orderId, tendered: 1000 }, domain), "CONFLICT");
    const polled = await pollPosCardTender({ orderId: sale.orderId, paymentId: card.paymentId }, pay);
    expect(polled).toMatchObject({ paymentStatus: "CAPTURED", reader: { action: "succeeded" }, checkout: { paid: 2000, remaining: 1000, completed: false } });
    const done = await addPosCashTender({ orderId: sale.orderId, tendered: 2000 }, domain);
    expect(done).toMatchObject({ completed: true, change: 1000, paid: 3000, status: "COMPLETED" });
    const payments = await db.prisma.payment.findMany({ where: { orderId: sale.orderId }, orderBy: { method: "asc" } });
    expect(payments.map((p) => [p.method, p.status, p.amountCaptured, p.registerSessionId])).toEqual([
      ["CARD", "CAPTURED", 2000, session.id],
      ["CASH", "CAPTURED", 1000, session.id],
    ]);
    expect(await db.prisma.cashMovement.findMany({ where: { registerSessionId: session.id }, select: { kind: true, amount: true } })).toEqual([{ kind: "SALE", amount: 1000 }]);
    expect((await db.prisma.inventoryLevel.findFirstOrThrow({ where: { variantId: variant.id, locationId: w.storeA.id } })).onHand).toBe(4);
    // Polling again after completion changes nothing.
    await expect(pollPosCardTender({ orderId: sale.orderId, paymentId: card.paymentId }, pay)).resolves.toMatchObject({ checkout: { completed: true, paid: 3000 } });
  });

  it("a card paying everything completes the sale when the till polls", async () => {
    const { sale } = await startSale(4500);
    const card = await startPosCardTender({ orderId: sale.orderId }, pay);
    const polled = await pollPosCardTender({ orderId: sale.orderId, paymentId: card.paymentId }, pay);
    expect(polled.checkout).toMatchObject({ completed: true, paid: 4500, status: "COMPLETED", paymentStatus: "PAID" });
  });

  it("two tills sharing the store's reader: the first payment is still settled after the reader moved on", async () => {
    const first = await startSale(2100);
    const second = await startSale(2200);
    const a = await startPosCardTender({ orderId: first.sale.orderId }, pay);
    const b = await startPosCardTender({ orderId: second.sale.orderId }, pay);
    await expect(pollPosCardTender({ orderId: first.sale.orderId, paymentId: a.paymentId }, pay)).resolves.toMatchObject({ paymentStatus: "CAPTURED", checkout: { completed: true } });
    await expect(pollPosCardTender({ orderId: second.sale.orderId, paymentId: b.paymentId }, pay)).resolves.toMatchObject({ paymentStatus: "CAPTURED", checkout: { completed: true } });
  });

  it("a declined card leaves the amount due; cash then settles it", async () => {
    const { sale } = await startSale(1002); // …02: card_declined on the simulated reader
    const card = await startPosCardTender({ orderId: sale.orderId }, pay);
    const polled = await pollPosCardTender({ orderId: sale.orderId, paymentId: card.paymentId }, pay);
    expect(polled).toMatchObject({ paymentStatus: "FAILED", reader: { action: "failed" }, checkout: { paid: 0, remaining: 1002, pendingCardPaymentId: null } });
    expect(polled.failure).toMatch(/declined/i);
    const done = await addPosCashTender({ orderId: sale.orderId, tendered: 1100 }, domain);
    expect(done).toMatchObject({ completed: true, change: 98 });
  });

  it("refuses a card amount above what is due (change comes from cash only) and a register without a reader", async () => {
    const { sale } = await startSale(1000);
    const over = await expectAppError(startPosCardTender({ orderId: sale.orderId, amount: 1500 }, pay), "VALIDATION_FAILED");
    expect(over.details.fields?.[0]?.path).toEqual(["amount"]);
    const { variant } = await createPosProduct(db.prisma, { stock: { [w.storeA.id]: 1 } });
    const { session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const noReader = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, domain);
    const err = await expectAppError(startPosCardTender({ orderId: noReader.orderId }, pay), "VALIDATION_FAILED");
    expect(err.details.fields?.[0]?.path).toEqual(["readerId"]);
  });

  it("the cashier cancels the card on the reader and takes cash instead", async () => {
    const slow = new SimulatedProvider({ isolated: true, readerDelayMs: 60_000 });
    const ctx = { ...pay, provider: slow };
    const { sale } = await startSale(2500);
    const card = await startPosCardTender({ orderId: sale.orderId }, ctx);
    const cancelled = await cancelPosCardTender({ orderId: sale.orderId, paymentId: card.paymentId }, ctx);
    expect(cancelled).toMatchObject({ reader: { action: "idle" }, checkout: { pendingCardPaymentId: null, remaining: 2500 } });
    await expect(addPosCashTender({ orderId: sale.orderId, tendered: 2500 }, domain)).resolves.toMatchObject({ completed: true });
  });

  it("a double tap with one attempt id sends one payment to the reader", async () => {
    const slow = new SimulatedProvider({ isolated: true, readerDelayMs: 60_000 });
    const ctx = { ...pay, provider: slow };
    const { sale } = await startSale(1300);
    const attemptId = crypto.randomUUID();
    const first = await startPosCardTender({ orderId: sale.orderId, attemptId }, ctx);
    const second = await startPosCardTender({ orderId: sale.orderId, attemptId }, ctx);
    expect(second.paymentId).toBe(first.paymentId);
    expect(await db.prisma.payment.count({ where: { orderId: sale.orderId } })).toBe(1);
  });
});

describe("voiding a sale with a card payment", () => {
  it("stops a card still waiting on the reader", async () => {
    const slow = new SimulatedProvider({ isolated: true, readerDelayMs: 60_000 });
    const ctx = { ...pay, provider: slow };
    const { sale } = await startSale(1900);
    const card = await startPosCardTender({ orderId: sale.orderId }, ctx);
    const voided = await voidPosSale({ orderId: sale.orderId, reason: "Customer left" }, ctx);
    expect(voided).toMatchObject({ voided: true, pendingCardPaymentId: null });
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: card.paymentId } })).status).toBe("VOIDED");
    expect((await slow.readerState(simulatedReaderId(w.storeA.id))).action).toBe("idle");
  });

  it("releases the stock and refunds the captured card after commit", async () => {
    const { sale, variant } = await startSale(5000, 2); // total 100.00
    const card = await startPosCardTender({ orderId: sale.orderId, amount: 6000 }, pay);
    await pollPosCardTender({ orderId: sale.orderId, paymentId: card.paymentId }, pay);
    expect((await db.prisma.inventoryLevel.findFirstOrThrow({ where: { variantId: variant.id, locationId: w.storeA.id } })).reserved).toBe(2);
    const voided = await voidPosSale({ orderId: sale.orderId, reason: "Wrong size" }, pay);
    expect(voided).toMatchObject({ voided: true, cardRefundsPending: 0 });
    expect((await db.prisma.inventoryLevel.findFirstOrThrow({ where: { variantId: variant.id, locationId: w.storeA.id } })).reserved).toBe(0);
    const refunds = await db.prisma.refund.findMany({ where: { orderId: sale.orderId } });
    expect(refunds.map((r) => [r.method, r.status, r.amount])).toEqual([["ORIGINAL_PAYMENT", "SUCCEEDED", 6000]]);
    expect(provider.calls.filter(([method]) => method === "refund")).toHaveLength(1);
    // Voiding again refunds nothing more.
    await voidPosSale({ orderId: sale.orderId, reason: "Wrong size" }, pay);
    expect(provider.calls.filter(([method]) => method === "refund")).toHaveLength(1);
    await expect(getPosCheckout({ orderId: sale.orderId }, domain)).resolves.toMatchObject({ status: "CANCELLED" });
  });
});
