import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPaymentTestOrder, createPaymentTestStore } from "../testing/world.ts";
import { processStripeWebhook } from "./process-stripe-webhook.ts";

const SECRET = "whsec_test_secret";
let db: TestDatabase;
let storeId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  storeId = (await createPaymentTestStore(db.prisma)).id;
});
afterAll(async () => {
  await db?.drop();
});

let seq = 0;
const now = new Date("2026-11-22T12:00:00Z");
const nowSeconds = Math.floor(now.getTime() / 1000);

function event(type: string, object: Record<string, unknown>, options: { id?: string; created?: number } = {}) {
  return JSON.stringify({ id: options.id ?? `evt_${Date.now()}_${seq++}`, object: "event", type, created: options.created ?? nowSeconds, data: { object } });
}
function sign(payload: string, options: { secret?: string; timestamp?: number } = {}) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp ?? nowSeconds });
}
function deliver(payload: string, signature: string | null = sign(payload)) {
  return processStripeWebhook(payload, signature, { db: db.prisma, secret: SECRET, now });
}

/** An order paid at pickup with a card payment waiting on the reader (PaymentIntent pi). */
async function waitingCardPayment(amount = 2_000) {
  const order = await createPaymentTestOrder(db.prisma, { locationId: storeId, price: amount, payment: { status: "PAY_AT_PICKUP" } });
  const pi = `pi_${Math.random().toString(36).slice(2)}`;
  const payment = await db.prisma.payment.create({ data: { orderId: order.id, provider: "STRIPE", method: "CARD", status: "REQUIRES_ACTION", currency: "EUR", amount, reference: pi } });
  return { order, payment, pi };
}
function intent(pi: string, paymentId: string, extra: Record<string, unknown> = {}) {
  return { id: pi, object: "payment_intent", amount: 2_000, amount_received: 0, currency: "eur", metadata: { paymentId }, ...extra };
}

describe("POST /api/webhooks/stripe (processStripeWebhook)", () => {
  it("applies a valid payment_intent.succeeded: payment CAPTURED, order PAID", async () => {
    const { order, payment, pi } = await waitingCardPayment();
    const result = await deliver(event("payment_intent.succeeded", intent(pi, payment.id, { status: "succeeded", amount_received: 2_000 })));
    expect(result).toEqual({ status: 200, body: { received: true, duplicate: false, outcome: "applied" } });
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ status: "CAPTURED", amountCaptured: 2_000 });
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PAID");
  });

  it("refuses a wrong signature and records nothing", async () => {
    const { payment, pi } = await waitingCardPayment();
    const payload = event("payment_intent.succeeded", intent(pi, payment.id, { amount_received: 2_000 }), { id: "evt_wrong_sig" });
    const result = await deliver(payload, sign(payload, { secret: "whsec_someone_else" }));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: expect.stringMatching(/signature does not match/) });
    expect(await db.prisma.stripeWebhookEvent.count({ where: { id: "evt_wrong_sig" } })).toBe(0);
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("REQUIRES_ACTION");
    expect((await deliver(payload, null)).status).toBe(400);
    // A tampered body with the original signature.
    expect(await deliver(payload.replace('"amount_received":2000', '"amount_received":1'), sign(payload))).toMatchObject({ status: 400 });
  });

  it("refuses a signature older than the tolerance (replay)", async () => {
    const { payment, pi } = await waitingCardPayment();
    const payload = event("payment_intent.succeeded", intent(pi, payment.id, { amount_received: 2_000 }), { id: "evt_stale" });
    const result = await deliver(payload, sign(payload, { timestamp: nowSeconds - 301 }));
    expect(result.status).toBe(400);
    expect(result.body).toEqual({ error: expect.stringMatching(/too old/) });
    expect(await db.prisma.stripeWebhookEvent.count({ where: { id: "evt_stale" } })).toBe(0);
    expect((await deliver(payload, sign(payload, { timestamp: nowSeconds - 299 }))).status).toBe(200);
  });

  it("applies a redelivered event once", async () => {
    const { order, payment, pi } = await waitingCardPayment();
    const payload = event("payment_intent.succeeded", intent(pi, payment.id, { amount_received: 2_000 }), { id: `evt_dup_${payment.id}` });
    expect((await deliver(payload)).body).toMatchObject({ duplicate: false });
    const again = await deliver(payload, sign(payload));
    expect(again).toEqual({ status: 200, body: { received: true, duplicate: true, outcome: "duplicate" } });
    expect(await db.prisma.orderEvent.count({ where: { orderId: order.id, type: "payment.captured" } })).toBe(1);
    expect(await db.prisma.stripeWebhookEvent.findUniqueOrThrow({ where: { id: `evt_dup_${payment.id}` } })).toMatchObject({ type: "payment_intent.succeeded", processedAt: now });
  });

  it("ignores an older payment_failed arriving after succeeded, and takes a newer success after a failure", async () => {
    const { payment, pi } = await waitingCardPayment();
    const failed = { last_payment_error: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." }, status: "requires_payment_method" };
    await deliver(event("payment_intent.succeeded", intent(pi, payment.id, { amount_received: 2_000 }), { created: nowSeconds - 10 }));
    const late = await deliver(event("payment_intent.payment_failed", intent(pi, payment.id, failed), { created: nowSeconds - 20 }));
    expect(late.body).toMatchObject({ outcome: "ignored" });
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("CAPTURED");

    const second = await waitingCardPayment();
    await deliver(event("payment_intent.payment_failed", intent(second.pi, second.payment.id, failed), { created: nowSeconds - 30 }));
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).status).toBe("FAILED");
    await deliver(event("payment_intent.succeeded", intent(second.pi, second.payment.id, { amount_received: 2_000 }), { created: nowSeconds - 5 }));
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).status).toBe("CAPTURED");
    // A cancellation cannot undo a capture, whatever order the events come in.
    await deliver(event("payment_intent.canceled", intent(second.pi, second.payment.id, { status: "canceled" }), { created: nowSeconds }));
    expect((await db.prisma.payment.findUniqueOrThrow({ where: { id: second.payment.id } })).status).toBe("CAPTURED");
  });

  it("charge.refunded finishes our pending refund and raises the refunded total (never lowers it)", async () => {
    const { order, payment, pi } = await waitingCardPayment();
    await deliver(event("payment_intent.succeeded", intent(pi, payment.id, { amount_received: 2_000 })));
    const refund = await db.prisma.refund.create({ data: { orderId: order.id, paymentId: payment.id, method: "ORIGINAL_PAYMENT", status: "PENDING", currency: "EUR", amount: 500 } });
    const charge = (amountRefunded: number) => ({
      id: "ch_1",
      object: "charge",
      payment_intent: pi,
      currency: "eur",
      amount_captured: 2_000,
      amount_refunded: amountRefunded,
      refunds: { data: [{ id: "re_1", status: "succeeded", amount: 500, metadata: { refundId: refund.id } }] },
    });
    await deliver(event("charge.refunded", charge(500)));
    await deliver(event("charge.refunded", charge(300), { created: nowSeconds - 100 }));
    expect((await db.prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).status).toBe("SUCCEEDED");
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({ amountRefunded: 500, status: "PARTIALLY_REFUNDED" });
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentStatus).toBe("PARTIALLY_REFUNDED");
  });

  it("charge.dispute.created opens a task for HQ", async () => {
    const { order, payment, pi } = await waitingCardPayment();
    await deliver(event("charge.dispute.created", { id: "dp_1", object: "dispute", amount: 2_000, currency: "eur", charge: "ch_2", payment_intent: pi, reason: "fraudulent", evidence_details: { due_by: nowSeconds + 7 * 86400 } }));
    const task = await db.prisma.task.findFirstOrThrow({ where: { orderId: order.id, code: "PAYMENT_DISPUTE" } });
    expect(task).toMatchObject({ kind: "DISPUTE", assigneeRole: "ADMIN", locationId: null, status: "OPEN" });
    expect(task.instruction).toMatch(/fraudulent/);
    expect(task.data).toMatchObject({ disputeId: "dp_1", paymentId: payment.id });
  });

  it("answers 503 when no webhook secret is configured", async () => {
    const payload = event("payment_intent.succeeded", {});
    expect((await processStripeWebhook(payload, sign(payload), { db: db.prisma, secret: undefined, now })).status).toBe(503);
  });
});
