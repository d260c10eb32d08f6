import { AppError } from "@oms/contracts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeIntent, fakeReader, startFakeStripe, stripeErrorReply, type FakeStripeServer } from "../testing/fake-stripe-server.ts";
import { StripeProvider } from "./stripe-provider.ts";

let server: FakeStripeServer;
let provider: StripeProvider;
beforeAll(async () => {
  server = await startFakeStripe();
  provider = new StripeProvider({ secretKey: "sk_test_fake", host: "127.0.0.1", port: server.port, protocol: "http", maxNetworkRetries: 0, timeoutMs: 3_000, terminalLocations: { WAW1: "tml_waw" } });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (AppError.isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("StripeProvider request shapes", () => {
  it("creates a card-present PaymentIntent, form-encoded, with our idempotency key", async () => {
    server.handle((req) => ({ status: 200, body: fakeIntent({ id: "pi_123", amount: Number(req.form.amount), currency: req.form.currency, capture_method: req.form.capture_method }) }));
    const intent = await provider.createPaymentIntent({
      amount: 1234,
      currency: "EUR",
      captureMethod: "automatic",
      cardPresent: true,
      description: "Order W-000001",
      metadata: { paymentId: "p-1", orderId: "o-1" },
      idempotencyKey: "payment-intent:p-1",
    });
    const req = server.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v1/payment_intents");
    expect(req.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(req.headers["idempotency-key"]).toBe("payment-intent:p-1");
    expect(req.headers.authorization).toBe("Bearer sk_test_fake");
    expect(req.form).toMatchObject({
      amount: "1234",
      currency: "eur",
      capture_method: "automatic",
      "allowed_payment_method_types[0]": "card_present",
      "metadata[paymentId]": "p-1",
      "metadata[orderId]": "o-1",
      description: "Order W-000001",
    });
    expect(intent).toMatchObject({ id: "pi_123", amount: 1234, currency: "EUR", captureMethod: "automatic", status: "requires_payment_method" });
  });

  it("uses manual capture and card for orders captured later, and converts zero-decimal amounts", async () => {
    server.handle((req) => ({ status: 200, body: fakeIntent({ amount: Number(req.form.amount), currency: req.form.currency, capture_method: "manual", status: "requires_capture" }) }));
    const jpy = await provider.createPaymentIntent({ amount: 500, currency: "JPY", captureMethod: "manual", cardPresent: false, metadata: {}, idempotencyKey: "k-jpy" });
    expect(server.requests[0]!.form).toMatchObject({ amount: "500", currency: "jpy", capture_method: "manual", "allowed_payment_method_types[0]": "card" });
    expect(jpy.amount).toBe(500);
    const isk = await provider.createPaymentIntent({ amount: 5, currency: "ISK", captureMethod: "manual", cardPresent: true, metadata: {}, idempotencyKey: "k-isk" });
    expect(server.requests[1]!.form.amount).toBe("500");
    expect(isk.amount).toBe(5);
  });

  it("captures (amount_to_capture), cancels and refunds with their keys", async () => {
    server.handle((req) => {
      if (req.path.endsWith("/capture")) return { status: 200, body: fakeIntent({ id: "pi_9", status: "succeeded", amount: 2000, amount_received: Number(req.form.amount_to_capture) }) };
      if (req.path.endsWith("/cancel")) return { status: 200, body: fakeIntent({ id: "pi_9", status: "canceled" }) };
      return { status: 200, body: { id: "re_1", object: "refund", amount: Number(req.form.amount), currency: "eur", status: "succeeded", failure_reason: null } };
    });
    const captured = await provider.capture("pi_9", { amount: 1500, currency: "EUR", idempotencyKey: "capture:p-9" });
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v1/payment_intents/pi_9/capture", form: { amount_to_capture: "1500" } });
    expect(server.requests[0]!.headers["idempotency-key"]).toBe("capture:p-9");
    expect(captured).toMatchObject({ status: "succeeded", amountCaptured: 1500 });

    await provider.cancel("pi_9", { idempotencyKey: "cancel:p-9" });
    expect(server.requests[1]).toMatchObject({ path: "/v1/payment_intents/pi_9/cancel" });
    expect(server.requests[1]!.headers["idempotency-key"]).toBe("cancel:p-9");

    const refund = await provider.refund({ paymentIntentId: "pi_9", amount: 700, currency: "EUR", metadata: { refundId: "r-1" }, idempotencyKey: "refund:r-1" });
    expect(server.requests[2]).toMatchObject({ path: "/v1/refunds", form: { payment_intent: "pi_9", amount: "700", "metadata[refundId]": "r-1" } });
    expect(server.requests[2]!.headers["idempotency-key"]).toBe("refund:r-1");
    expect(refund).toMatchObject({ id: "re_1", status: "succeeded", amount: 700 });
  });

  it("drives Terminal readers: list by the store's Terminal location, process, state, cancel", async () => {
    server.handle((req) => {
      if (req.method === "GET" && req.path === "/v1/terminal/readers") return { status: 200, body: { object: "list", data: [fakeReader({ id: "tmr_1" }), fakeReader({ id: "tmr_2", status: "offline" })], has_more: false, url: "/v1/terminal/readers" } };
      if (req.path.endsWith("/process_payment_intent")) {
        return { status: 200, body: fakeReader({ id: "tmr_1", action: { type: "process_payment_intent", status: "in_progress", failure_code: null, failure_message: null, process_payment_intent: { payment_intent: req.form.payment_intent } } }) };
      }
      if (req.path.endsWith("/cancel_action")) return { status: 200, body: fakeReader({ id: "tmr_1" }) };
      return { status: 200, body: fakeReader({ id: "tmr_1", action: { type: "process_payment_intent", status: "failed", failure_code: "card_declined", failure_message: "Your card was declined.", process_payment_intent: { payment_intent: "pi_5" } } }) };
    });
    const readers = await provider.listReaders({ locationId: "loc-1", locationCode: "WAW1" });
    expect(server.requests[0]!.form).toMatchObject({ location: "tml_waw", limit: "100" });
    expect(readers).toEqual([
      { id: "tmr_1", label: "Till 1", online: true, deviceType: "bbpos_wisepos_e" },
      { id: "tmr_2", label: "Till 1", online: false, deviceType: "bbpos_wisepos_e" },
    ]);

    const started = await provider.processOnReader({ readerId: "tmr_1", paymentIntentId: "pi_5", idempotencyKey: "reader:p-5" });
    expect(server.requests[1]).toMatchObject({ method: "POST", path: "/v1/terminal/readers/tmr_1/process_payment_intent", form: { payment_intent: "pi_5" } });
    expect(server.requests[1]!.headers["idempotency-key"]).toBe("reader:p-5");
    expect(started).toMatchObject({ action: "in_progress", paymentIntentId: "pi_5" });

    const state = await provider.readerState("tmr_1");
    expect(state).toMatchObject({ action: "failed", failureCode: "card_declined" });
    expect(state.message).toMatch(/declined/);

    const cancelled = await provider.cancelReaderAction({ readerId: "tmr_1", idempotencyKey: "reader-cancel:p-5" });
    expect(server.requests[3]).toMatchObject({ path: "/v1/terminal/readers/tmr_1/cancel_action" });
    expect(cancelled.action).toBe("idle");
  });
});

describe("StripeProvider error mapping", () => {
  it("maps a decline to PAYMENT_FAILED with a sentence for the cashier", async () => {
    server.handle(() => stripeErrorReply(402, { type: "card_error", code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." }));
    const error = await rejection(provider.capture("pi_1", { currency: "EUR", idempotencyKey: "capture:x" }));
    expect(error.code).toBe("PAYMENT_FAILED");
    expect(error.message).toMatch(/insufficient funds/);
    expect(error.details).toMatchObject({ providerCode: "card_declined", declineCode: "insufficient_funds", retryable: false });
  });

  it("maps a dropped connection to UNAVAILABLE, retry-safe: the SDK's retry carries the same key", async () => {
    server.handle(() => "drop");
    const retrying = new StripeProvider({ secretKey: "sk_test_fake", host: "127.0.0.1", port: server.port, protocol: "http", maxNetworkRetries: 1, timeoutMs: 3_000 });
    const error = await rejection(retrying.refund({ paymentIntentId: "pi_1", amount: 100, currency: "EUR", metadata: {}, idempotencyKey: "refund:r-net" }));
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.details.retryable).toBe(true);
    expect(server.requests.length).toBe(2);
    expect(server.requests.map((r) => r.headers["idempotency-key"])).toEqual(["refund:r-net", "refund:r-net"]);
  });

  it("maps Stripe's 500 to UNAVAILABLE and a busy reader to CONFLICT", async () => {
    server.handle(() => stripeErrorReply(500, { type: "api_error", message: "Something went wrong" }));
    expect((await rejection(provider.retrievePaymentIntent("pi_1"))).code).toBe("UNAVAILABLE");
    server.handle(() => stripeErrorReply(400, { type: "invalid_request_error", code: "terminal_reader_busy", message: "Reader is busy" }));
    const busy = await rejection(provider.processOnReader({ readerId: "tmr_1", paymentIntentId: "pi_1", idempotencyKey: "reader:b" }));
    expect(busy.code).toBe("CONFLICT");
    expect(busy.message).toMatch(/busy/);
  });

  it("maps a reused idempotency key with other parameters to IDEMPOTENCY_MISMATCH", async () => {
    server.handle(() => stripeErrorReply(400, { type: "idempotency_error", message: "Keys for idempotent requests can only be used with the same parameters" }));
    expect((await rejection(provider.refund({ paymentIntentId: "pi_1", amount: 1, currency: "EUR", metadata: {}, idempotencyKey: "refund:dup" }))).code).toBe("IDEMPOTENCY_MISMATCH");
  });
});
