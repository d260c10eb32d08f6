import { AppError, formatMoney } from "@oms/contracts";
import { cancelOrder } from "@oms/core";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capturePayment } from "./capture-payment.ts";
import { captureShippedOrders } from "./capture-shipped-orders.ts";
import { cancelPaymentAuthorization, voidCancelledOrderAuthorizations } from "./cancel-payment-authorization.ts";
import { cancelReaderAction, createCardPresentPayment, getReaderState } from "./card-present.ts";
import type { PaymentsContext } from "./context.ts";
import { executePendingRefunds } from "./execute-pending-refunds.ts";
import { SimulatedProvider, simulatedReaderId } from "./providers/simulated-provider.ts";
import { createAuthorizedTestPayment, createPaymentTestOrder, createPaymentTestStore } from "./testing/world.ts";

let db: TestDatabase;
let store: { id: string; code: string };
beforeAll(async () => {
  db = await createTestDatabase();
  store = await createPaymentTestStore(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

function context(provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 })): PaymentsContext & { provider: SimulatedProvider } {
  return { db: db.prisma, provider, actor: { kind: "SYSTEM" }, now: new Date() };
}

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (AppError.isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

async function cancelledPaidOrder(price = 10_000) {
  const order = await createPaymentTestOrder(db.prisma, { locationId: store.id, price, payment: { status: "PAID", provider: "SIMULATED", reference: `pi_sim_paid_${price}_${Math.random().toString(36).slice(2)}` } });
  await cancelOrder({ orderId: order.id, reason: "Customer changed their mind" }, { db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });
  return order;
}

describe("executePendingRefunds", () => {
  it("refunds a cancelled order's captured payment once, however often it runs", async () => {
    const order = await cancelledPaidOrder(10_000);
    const [pending] = await db.prisma.refund.findMany({ where: { orderId: order.id } });
    expect(pending).toMatchObject({ status: "PENDING", amount: 10_000 });
    const ctx = context();

    const first = await executePendingRefunds({ orderId: order.id }, ctx);
    const second = await executePendingRefunds({ orderId: order.id }, ctx);
    expect(first.succeeded).toEqual([pending!.id]);
    expect(second).toEqual({ succeeded: [], failed: [], retryLater: [] });
    expect(ctx.provider.calls.filter(([m]) => m === "refund")).toEqual([["refund", `refund:${pending!.id}`]]);

    const refund = await db.prisma.refund.findUniqueOrThrow({ where: { id: pending!.id } });
    expect(refund.status).toBe("SUCCEEDED");
    expect(refund.reference).toMatch(/^re_sim_/);
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment).toMatchObject({ status: "REFUNDED", amountRefunded: 10_000 });
    const after = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(after.paymentStatus).toBe("REFUNDED");
    expect(await db.prisma.orderEvent.count({ where: { orderId: order.id, type: "payment.refunded" } })).toBe(1);
    // The customer is told once, in the refund's own transaction.
    const messages = await db.prisma.notification.findMany({ where: { orderId: order.id, template: "order.refunded" } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: "EMAIL", recipient: order.email, status: "QUEUED" });
    expect(messages[0]!.subject).toBe(`Refund of ${formatMoney(10_000, "EUR", "de-DE")} for order ${order.number}`);
  });

  it("two runs at once still refund once (same key, conditional write)", async () => {
    const order = await cancelledPaidOrder(4_000);
    const provider = new SimulatedProvider({ isolated: true });
    const [a, b] = await Promise.all([executePendingRefunds({ orderId: order.id }, context(provider)), executePendingRefunds({ orderId: order.id }, context(provider))]);
    expect(a.succeeded.length + b.succeeded.length).toBe(1);
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment.amountRefunded).toBe(4_000);
    expect(new Set(provider.calls.filter(([m]) => m === "refund").map(([, key]) => key)).size).toBe(1);
  });

  it("marks a refused refund FAILED and gives HQ a task; an unreachable provider leaves it PENDING", async () => {
    const order = await cancelledPaidOrder(2_508);
    const failed = await executePendingRefunds({ orderId: order.id }, context());
    expect(failed.failed).toHaveLength(1);
    const refund = await db.prisma.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(refund.status).toBe("FAILED");
    const task = await db.prisma.task.findFirstOrThrow({ where: { orderId: order.id, code: "REFUND_FAILED" } });
    expect(task).toMatchObject({ kind: "PAYMENT", assigneeRole: "ADMIN", locationId: null, status: "OPEN" });
    expect(task.instruction).toMatch(/another way/);
    expect(await db.prisma.notification.count({ where: { orderId: order.id } })).toBe(0);
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { orderId: order.id } });
    expect(payment.amountRefunded).toBe(0);

    const other = await cancelledPaidOrder(3_000);
    const offline = context();
    offline.provider.refund = async () => {
      throw new AppError("UNAVAILABLE", "Stripe did not answer.", { retryable: true });
    };
    const result = await executePendingRefunds({ orderId: other.id }, offline);
    expect(result.retryLater).toHaveLength(1);
    expect((await db.prisma.refund.findFirstOrThrow({ where: { orderId: other.id } })).status).toBe("PENDING");
  });
});

describe("capturePayment", () => {
  it("captures an authorization with key capture:<paymentId>; the order becomes PAID", async () => {
    const { order, paymentId } = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 5_000 });
    const ctx = context();
    const result = await capturePayment({ paymentId }, ctx);
    expect(result).toMatchObject({ status: "CAPTURED", amountCaptured: 5_000, alreadyCaptured: false });
    expect(ctx.provider.calls).toContainEqual(["capture", `capture:${paymentId}`]);
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PAID");
    expect((await capturePayment({ paymentId }, ctx)).alreadyCaptured).toBe(true);
  });

  it("a failed capture keeps the authorization and the order as they were, and opens one task for the store manager", async () => {
    const { order, paymentId } = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 5_007 });
    const before = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    const error = await appErrorOf(capturePayment({ paymentId }, context()));
    expect(error.code).toBe("UNAVAILABLE"); // processing_error: retry-safe
    expect(error.message).toMatch(/task was opened/);
    await appErrorOf(capturePayment({ paymentId }, context()));

    const payment = await db.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(payment).toMatchObject({ status: "AUTHORIZED", amountCaptured: 0 });
    const after = await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect({ status: after.status, paymentStatus: after.paymentStatus, total: after.total }).toEqual({ status: before.status, paymentStatus: "AUTHORIZED", total: before.total });
    const tasks = await db.prisma.task.findMany({ where: { orderId: order.id, code: "PAYMENT_CAPTURE_FAILED" } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: "PAYMENT", assigneeRole: "MANAGER", locationId: store.id, status: "OPEN" });
    expect(tasks[0]!.instruction).toMatch(/never charged twice/);
  });

  it("releases an authorization of a cancelled order instead of refunding it", async () => {
    const { order, paymentId } = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 3_000 });
    await cancelOrder({ orderId: order.id, reason: "Out of stock" }, { db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });
    expect(await db.prisma.refund.count({ where: { orderId: order.id } })).toBe(0);
    const ctx = context();
    expect(await voidCancelledOrderAuthorizations({ orderId: order.id }, ctx)).toEqual([paymentId]);
    expect(ctx.provider.calls).toContainEqual(["cancel", `cancel:${paymentId}`]);
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("VOIDED");
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("VOIDED");
    expect((await cancelPaymentAuthorization({ paymentId }, ctx)).alreadyVoided).toBe(true);
  });
});

describe("the payment jobs", () => {
  const shipAll = (orderId: string, status: "SHIPPED" | "PICKED_UP" | "PACKED" = "SHIPPED") => db.prisma.fulfillmentOrder.updateMany({ where: { orderId }, data: { status } });

  it("captureShippedOrders captures an authorization once everything has shipped, once however often it runs", async () => {
    const waiting = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 6_000 });
    await shipAll(waiting.order.id, "PACKED");
    const shipped = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 7_000 });
    await shipAll(shipped.order.id);
    const ctx = context();
    const first = await captureShippedOrders({ limit: 100 }, ctx);
    expect(first.captured).toContain(shipped.paymentId);
    expect(first.captured).not.toContain(waiting.paymentId);
    expect(ctx.provider.calls).toContainEqual(["capture", `capture:${shipped.paymentId}`]);
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id: shipped.paymentId } })).toMatchObject({ status: "CAPTURED", amountCaptured: 7_000 });
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: shipped.order.id } })).paymentStatus).toBe("PAID");
    expect((await captureShippedOrders({ limit: 100 }, ctx)).captured).not.toContain(shipped.paymentId);
    expect(ctx.provider.calls.filter(([m, k]) => m === "capture" && k === `capture:${shipped.paymentId}`)).toHaveLength(1);
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: waiting.paymentId } })).status).toBe("AUTHORIZED");
  });

  it("a failed capture at shipment leaves the order as it was with one PAYMENT task, and the job leaves it to a person", async () => {
    const { order, paymentId } = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 8_007 });
    await shipAll(order.id);
    const ctx = context();
    const run = await captureShippedOrders({ limit: 100 }, ctx);
    expect(run.failed.map((f) => f.paymentId)).toContain(paymentId);
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "AUTHORIZED", amountCaptured: 0 });
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("AUTHORIZED");
    const tasks = await db.prisma.task.findMany({ where: { orderId: order.id, code: "PAYMENT_CAPTURE_FAILED" } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ kind: "PAYMENT", status: "OPEN" });
    const again = await captureShippedOrders({ limit: 100 }, ctx);
    expect([...again.failed.map((f) => f.paymentId), ...again.captured]).not.toContain(paymentId);
    expect(ctx.provider.calls.filter(([m, k]) => m === "capture" && k === `capture:${paymentId}`)).toHaveLength(1);
  });

  it("voidCancelledOrderAuthorizations without an order releases every cancelled order's authorization, and only those", async () => {
    const cancelled = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 3_100 });
    await cancelOrder({ orderId: cancelled.order.id, reason: "Out of stock" }, { db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });
    const open = await createAuthorizedTestPayment(db.prisma, { locationId: store.id, price: 3_200 });
    const ctx = context();
    const voided = await voidCancelledOrderAuthorizations({ limit: 500 }, ctx);
    expect(voided).toContain(cancelled.paymentId);
    expect(voided).not.toContain(open.paymentId);
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: cancelled.paymentId } })).status).toBe("VOIDED");
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: open.paymentId } })).status).toBe("AUTHORIZED");
    expect(await voidCancelledOrderAuthorizations({ limit: 500 }, ctx)).not.toContain(cancelled.paymentId);
  });
});

describe("card-present payments", () => {
  async function payAtPickupOrder(price: number) {
    return createPaymentTestOrder(db.prisma, { locationId: store.id, price, payment: { status: "PAY_AT_PICKUP" } });
  }

  it("collects on the store's reader; polling the reader brings the payment and order up to date", async () => {
    const order = await payAtPickupOrder(2_500);
    const ctx = context();
    const readerId = simulatedReaderId(store.id);
    const started = await createCardPresentPayment({ orderId: order.id, locationId: store.id, readerId, amount: 2_500 }, ctx);
    expect(started.reader.action).toBe("in_progress");
    expect(ctx.provider.calls.map(([m, k]) => [m, k])).toEqual(
      expect.arrayContaining([
        ["createPaymentIntent", `payment-intent:${started.paymentId}`],
        ["processOnReader", `reader:${started.paymentId}`],
      ]),
    );
    const polled = await getReaderState({ locationId: store.id, readerId, paymentId: started.paymentId }, ctx);
    expect(polled.reader.action).toBe("succeeded");
    expect(polled.payment).toMatchObject({ status: "CAPTURED", amountCaptured: 2_500 });
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PAID");
  });

  it("a declined card leaves a FAILED payment and a message for the cashier; the order is unchanged", async () => {
    const order = await payAtPickupOrder(2_502);
    const ctx = context();
    const readerId = simulatedReaderId(store.id);
    const started = await createCardPresentPayment({ orderId: order.id, locationId: store.id, readerId, amount: 2_502 }, ctx);
    const polled = await getReaderState({ locationId: store.id, readerId, paymentId: started.paymentId }, ctx);
    expect(polled.reader).toMatchObject({ action: "failed", failureCode: "card_declined" });
    expect(polled.reader.message).toMatch(/declined/);
    expect(polled.payment?.status).toBe("FAILED");
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PAY_AT_PICKUP");
  });

  it("cancelling on the till cancels the reader and the PaymentIntent", async () => {
    const order = await payAtPickupOrder(1_000);
    const ctx = context(new SimulatedProvider({ isolated: true, readerDelayMs: 60_000 }));
    const readerId = simulatedReaderId(store.id);
    const started = await createCardPresentPayment({ orderId: order.id, locationId: store.id, readerId, amount: 1_000 }, ctx);
    const reader = await cancelReaderAction({ locationId: store.id, readerId, paymentId: started.paymentId }, ctx);
    expect(reader.action).toBe("idle");
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: started.paymentId } })).status).toBe("VOIDED");
  });

  it("refuses another store's reader and an order not handled by the store", async () => {
    const order = await payAtPickupOrder(1_000);
    const other = await createPaymentTestStore(db.prisma);
    const ctx = context();
    expect((await appErrorOf(createCardPresentPayment({ orderId: order.id, locationId: store.id, readerId: simulatedReaderId(other.id), amount: 1_000 }, ctx))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createCardPresentPayment({ orderId: order.id, locationId: other.id, readerId: simulatedReaderId(other.id), amount: 1_000 }, ctx))).code).toBe("FORBIDDEN");
  });
});
