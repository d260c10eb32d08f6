import { createTestUser, userActor } from "@oms/core/testing";
import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import type { PaymentsContext } from "../context.ts";
import { SimulatedProvider } from "../providers/simulated-provider.ts";
import { createPaymentTestOrder, createPaymentTestStore } from "../testing/world.ts";
import { exchangeAtTill, returnAtTill } from "./return-at-till.ts";

const db = useTestDatabase();

/** A phone order paid by card (simulated provider), picked up at `store`: everything handed over. */
async function paidCardOrder(storeId: string, price: number) {
  const order = await createPaymentTestOrder(db.prisma, { locationId: storeId, price, payment: { status: "PAID", provider: "SIMULATED", reference: `pi_sim_${Math.random().toString(36).slice(2)}` } });
  await db.prisma.orderLine.updateMany({ where: { orderId: order.id }, data: { quantityFulfilled: 1 } });
  await db.prisma.order.update({ where: { id: order.id }, data: { status: "FULFILLED" } });
  return order;
}

async function tillContext(storeId: string, provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 })) {
  const cashier = await createTestUser(db.prisma, { role: "CASHIER", locationId: storeId });
  const ctx: PaymentsContext & { provider: SimulatedProvider } = { db: db.prisma, provider, actor: userActor(cashier), now: new Date() };
  return ctx;
}

const line = (order: { lines: { id: string }[] }) => [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "DEFECTIVE" as const, condition: "DAMAGED" as const }];

describe("returnAtTill", () => {
  it("refunds the card after the return commits and reports it succeeded", async () => {
    const store = await createPaymentTestStore(db.prisma);
    const order = await paidCardOrder(store.id, 10_000);
    const ctx = await tillContext(store.id);
    const result = await returnAtTill({ orderId: order.id, locationId: store.id, refundMethod: "ORIGINAL_PAYMENT", lines: line(order) }, ctx);
    expect(result.refunds).toEqual([expect.objectContaining({ method: "ORIGINAL_PAYMENT", status: "PENDING", amount: 10_000 })]);
    expect(result.cardRefunds).toEqual([{ refundId: result.refunds[0]!.id, amount: 10_000, status: "SUCCEEDED", retrying: false, message: null, taskId: null }]);
    expect(ctx.provider.calls.filter(([m]) => m === "refund")).toEqual([["refund", `refund:${result.refunds[0]!.id}`]]);
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment.amountRefunded).toBe(10_000);
    // The goods were back before the card was touched.
    expect((await db.prisma.return.findUniqueOrThrow({ where: { id: result.id } })).status).toBe("COMPLETED");
  });

  it("a refused card refund keeps the return, fails the refund and gives HQ a task", async () => {
    const store = await createPaymentTestStore(db.prisma);
    const order = await paidCardOrder(store.id, 10_008); // the simulated issuer refuses refunds ending in 08
    const ctx = await tillContext(store.id);
    const result = await returnAtTill({ orderId: order.id, locationId: store.id, refundMethod: "ORIGINAL_PAYMENT", lines: line(order) }, ctx);
    const [outcome] = result.cardRefunds;
    expect(outcome).toMatchObject({ status: "FAILED", retrying: false, amount: 10_008, message: expect.stringMatching(/card issuer refused/) });
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: outcome!.taskId! } });
    expect(task).toMatchObject({ code: "REFUND_FAILED", orderId: order.id, status: "OPEN" });
    expect((await db.prisma.orderLine.findFirstOrThrow({ where: { orderId: order.id } })).quantityReturned).toBe(1);
  });

  it("an unreachable provider leaves the refund pending for the next run", async () => {
    const store = await createPaymentTestStore(db.prisma);
    const order = await paidCardOrder(store.id, 5_000);
    const provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 });
    provider.refund = () => Promise.reject(new Error("socket hang up"));
    const result = await returnAtTill({ orderId: order.id, locationId: store.id, refundMethod: "ORIGINAL_PAYMENT", lines: line(order) }, await tillContext(store.id, provider));
    expect(result.cardRefunds).toEqual([expect.objectContaining({ status: "PENDING", retrying: true, taskId: null })]);
  });

  it("cash and store credit need no provider call", async () => {
    const store = await createPaymentTestStore(db.prisma);
    const order = await paidCardOrder(store.id, 4_000);
    const ctx = await tillContext(store.id);
    const result = await returnAtTill({ orderId: order.id, locationId: store.id, refundMethod: "STORE_CREDIT", lines: line(order) }, ctx);
    expect(result.cardRefunds).toEqual([]);
    expect(result.storeCredit).toMatchObject({ balance: 4_000 });
    expect(ctx.provider.calls.filter(([m]) => m === "refund")).toEqual([]);
  });
});

describe("exchangeAtTill", () => {
  it("refunds a negative difference to the card after commit", async () => {
    const store = await createPaymentTestStore(db.prisma);
    const order = await paidCardOrder(store.id, 10_000);
    const cheaper = await createPaymentTestOrder(db.prisma, { locationId: store.id, price: 2_500, payment: { status: "PAID" } });
    const ctx = await tillContext(store.id);
    const result = await exchangeAtTill(
      { orderId: order.id, locationId: store.id, refundMethod: "ORIGINAL_PAYMENT", lines: line(order), newLines: [{ variantId: cheaper.lines[0]!.variantId, quantity: 1 }] },
      ctx,
    );
    expect(result.amountDue).toBe(-7_500);
    expect(result.cardRefunds).toEqual([expect.objectContaining({ amount: 7_500, status: "SUCCEEDED" })]);
  });
});
