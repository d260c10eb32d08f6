import { AppError } from "@oms/contracts";
import { describe, expect, it } from "vitest";
import { SimulatedProvider, simulatedReaderId } from "./simulated-provider.ts";

const location = { locationId: "00000000-0000-7000-8000-000000000001", locationCode: "SIM1" };

async function collect(provider: SimulatedProvider, amount: number, key: string, captureMethod: "automatic" | "manual" = "automatic") {
  const intent = await provider.createPaymentIntent({ amount, currency: "EUR", captureMethod, cardPresent: true, metadata: {}, idempotencyKey: `pi:${key}` });
  const [reader] = await provider.listReaders(location);
  const started = await provider.processOnReader({ readerId: reader!.id, paymentIntentId: intent.id, idempotencyKey: `reader:${key}` });
  expect(started.action).toBe("in_progress");
  return { intent, readerId: reader!.id, state: await provider.readerState(reader!.id) };
}

describe("SimulatedProvider", () => {
  it("approves ordinary amounts on the store's reader and captures automatically", async () => {
    const provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 });
    const { intent, readerId, state } = await collect(provider, 1000, "a");
    expect(readerId).toBe(simulatedReaderId(location.locationId));
    expect(state).toMatchObject({ action: "succeeded", paymentIntentId: intent.id, message: "Payment approved." });
    expect(await provider.retrievePaymentIntent(intent.id)).toMatchObject({ status: "succeeded", amountCaptured: 1000 });
  });

  it.each([
    [1002, "card_declined", /declined/],
    [1005, "insufficient_funds", /insufficient funds/],
    [1009, "processing_error", /could not be processed/],
  ])("declines %i like Stripe's test cards (%s)", async (amount, code, message) => {
    const provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 });
    const { intent, state } = await collect(provider, amount, `d${amount}`);
    expect(state).toMatchObject({ action: "failed", failureCode: code });
    expect(state.message).toMatch(message);
    expect(await provider.retrievePaymentIntent(intent.id)).toMatchObject({ status: "requires_payment_method", lastError: { code } });
  });

  it("waits for the card until the delay has passed", async () => {
    let now = 0;
    const provider = new SimulatedProvider({ isolated: true, readerDelayMs: 2_000, clock: () => now });
    const { readerId, state } = await collect(provider, 1000, "w");
    expect(state.action).toBe("in_progress");
    now = 2_000;
    expect((await provider.readerState(readerId)).action).toBe("succeeded");
  });

  it("answers a repeated key with the first result (no second intent, no second refund)", async () => {
    const provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 });
    const a = await provider.createPaymentIntent({ amount: 500, currency: "EUR", captureMethod: "manual", cardPresent: true, metadata: {}, idempotencyKey: "same" });
    const b = await provider.createPaymentIntent({ amount: 500, currency: "EUR", captureMethod: "manual", cardPresent: true, metadata: {}, idempotencyKey: "same" });
    expect(b.id).toBe(a.id);
    const r1 = await provider.refund({ paymentIntentId: "pi_other", amount: 100, currency: "EUR", metadata: {}, idempotencyKey: "refund:1" });
    const r2 = await provider.refund({ paymentIntentId: "pi_other", amount: 100, currency: "EUR", metadata: {}, idempotencyKey: "refund:1" });
    expect(r2.id).toBe(r1.id);
  });

  it("fails captures of amounts ending in 07 and refunds ending in 08", async () => {
    const provider = new SimulatedProvider({ isolated: true, readerDelayMs: 0 });
    const { intent } = await collect(provider, 1007, "c", "manual");
    expect((await provider.retrievePaymentIntent(intent.id)).status).toBe("requires_capture");
    await expect(provider.capture(intent.id, { currency: "EUR", idempotencyKey: "capture:c" })).rejects.toSatisfy((e) => AppError.isAppError(e) && e.code === "PAYMENT_FAILED");
    await expect(provider.refund({ paymentIntentId: "pi_x", amount: 1508, currency: "EUR", metadata: {}, idempotencyKey: "refund:f" })).rejects.toSatisfy((e) => AppError.isAppError(e) && e.code === "PAYMENT_FAILED");
  });

  it("refuses a second payment while the reader is busy, and lets the cashier cancel", async () => {
    const provider = new SimulatedProvider({ isolated: true, readerDelayMs: 60_000 });
    const { readerId } = await collect(provider, 1000, "busy1");
    const other = await provider.createPaymentIntent({ amount: 300, currency: "EUR", captureMethod: "automatic", cardPresent: true, metadata: {}, idempotencyKey: "pi:busy2" });
    await expect(provider.processOnReader({ readerId, paymentIntentId: other.id, idempotencyKey: "reader:busy2" })).rejects.toSatisfy((e) => AppError.isAppError(e) && e.code === "CONFLICT");
    expect((await provider.cancelReaderAction({ readerId, idempotencyKey: "cancel:busy1" })).action).toBe("idle");
  });
});
