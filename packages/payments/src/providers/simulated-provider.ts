// A stand-in for Stripe when STRIPE_SECRET_KEY is unset (the demo, most tests): the same
// states and the same idempotency as Stripe, kept in memory per process. Outcomes follow
// the last two digits of the amount in minor units, like Stripe's test cards:
//   …02 → card_declined          …05 → insufficient_funds     …09 → processing_error
//   …07 → the authorization works, the capture fails (processing_error)
//   refunds of an amount ending in …08 fail
// Anything else is approved.
import { randomUUID } from "node:crypto";
import { AppError } from "@oms/contracts";
import { declineMessage, readerMessage, type CreatePaymentIntentInput, type PaymentProvider, type ProviderPaymentIntent, type ProviderRefund, type ReaderInfo, type ReaderState } from "../provider.ts";

export const SIMULATED_TEST_AMOUNTS = {
  "02": "card_declined",
  "05": "insufficient_funds",
  "09": "processing_error",
} as const;
export const SIMULATED_CAPTURE_FAILS = "07";
export const SIMULATED_REFUND_FAILS = "08";

function lastTwo(amount: number): string {
  return String(amount % 100).padStart(2, "0");
}

/** The decline code a card-present payment of `amount` gets, or null when approved. */
export function simulatedDecline(amount: number): string | null {
  return (SIMULATED_TEST_AMOUNTS as Record<string, string>)[lastTwo(amount)] ?? null;
}

/** The simulated reader of a store: one per location. */
export function simulatedReaderId(locationId: string): string {
  return `tmr_sim_${locationId}`;
}

interface SimReader {
  id: string;
  label: string;
  action: null | { paymentIntentId: string; startedAt: number; status: "in_progress" | "succeeded" | "failed"; failureCode: string | null };
}

interface SimState {
  intents: Map<string, ProviderPaymentIntent>;
  readers: Map<string, SimReader>;
  /** idempotency key → the result of the first call with it. */
  results: Map<string, unknown>;
  refunds: Map<string, ProviderRefund>;
}

export interface SimulatedProviderOptions {
  /** Milliseconds between handing a payment to the reader and its answer. */
  readerDelayMs?: number;
  /** Fresh state (tests); default: the process-wide state, shared by every instance. */
  isolated?: boolean;
  clock?: () => number;
}

const globalKey = Symbol.for("oms.payments.simulated");
function processState(): SimState {
  const g = globalThis as typeof globalThis & { [globalKey]?: SimState };
  g[globalKey] ??= newState();
  return g[globalKey];
}
function newState(): SimState {
  return { intents: new Map(), readers: new Map(), results: new Map(), refunds: new Map() };
}

/** Tests: clears what the process-wide simulated reader shows (another test's payment). */
export function resetSimulatedReader(readerId: string): void {
  processState().readers.delete(readerId);
}

export class SimulatedProvider implements PaymentProvider {
  readonly kind = "SIMULATED" as const;
  private readonly state: SimState;
  private readonly delay: number;
  private readonly clock: () => number;
  /** Calls made, for tests: [method, idempotencyKey]. */
  readonly calls: [string, string | null][] = [];

  constructor(options: SimulatedProviderOptions = {}) {
    this.state = options.isolated ? newState() : processState();
    this.delay = options.readerDelayMs ?? 2_500;
    this.clock = options.clock ?? Date.now;
  }

  /** Same key, same answer (like Stripe's idempotency); the first call's error is not cached. */
  private async once<T>(method: string, key: string, fn: () => T): Promise<T> {
    this.calls.push([method, key]);
    const scoped = `${method}:${key}`;
    if (this.state.results.has(scoped)) return structuredClone(this.state.results.get(scoped) as T);
    const result = fn();
    this.state.results.set(scoped, structuredClone(result));
    return result;
  }

  private intent(id: string): ProviderPaymentIntent {
    const intent = this.state.intents.get(id);
    if (!intent) throw new AppError("NOT_FOUND", "The simulated provider does not know this payment (the server may have restarted). Start the payment again.");
    return intent;
  }

  createPaymentIntent(input: CreatePaymentIntentInput): Promise<ProviderPaymentIntent> {
    return this.once("createPaymentIntent", input.idempotencyKey, () => {
      const id = `pi_sim_${randomUUID().replaceAll("-", "")}`;
      const intent: ProviderPaymentIntent = {
        id,
        status: "requires_payment_method",
        amount: input.amount,
        amountCaptured: 0,
        currency: input.currency.toUpperCase(),
        captureMethod: input.captureMethod,
        clientSecret: `${id}_secret_sim`,
        lastError: null,
        metadata: { ...input.metadata },
      };
      this.state.intents.set(id, intent);
      return structuredClone(intent);
    });
  }

  async retrievePaymentIntent(paymentIntentId: string): Promise<ProviderPaymentIntent> {
    this.calls.push(["retrievePaymentIntent", null]);
    this.settleReaders();
    return structuredClone(this.intent(paymentIntentId));
  }

  capture(paymentIntentId: string, options: { amount?: number; currency: string; idempotencyKey: string }): Promise<ProviderPaymentIntent> {
    return this.once("capture", options.idempotencyKey, () => {
      const known = this.state.intents.get(paymentIntentId);
      const amount = options.amount ?? known?.amount ?? 0;
      if (lastTwo(known?.amount ?? amount) === SIMULATED_CAPTURE_FAILS) {
        throw new AppError("PAYMENT_FAILED", declineMessage("processing_error"), { provider: "SIMULATED", providerCode: "processing_error", retryable: true });
      }
      if (!known) {
        // Authorizations from before a restart (or the demo seed): accept, as Stripe would.
        const intent: ProviderPaymentIntent = { id: paymentIntentId, status: "succeeded", amount, amountCaptured: amount, currency: options.currency, captureMethod: "manual", clientSecret: null, lastError: null, metadata: {} };
        this.state.intents.set(paymentIntentId, intent);
        return structuredClone(intent);
      }
      if (known.status !== "requires_capture") {
        throw new AppError("INVALID_TRANSITION", `The payment cannot be captured: it is ${known.status.replaceAll("_", " ")}.`, { provider: "SIMULATED", providerCode: "payment_intent_unexpected_state" });
      }
      if (amount > known.amount) throw new AppError("VALIDATION_FAILED", "You cannot capture more than was authorized.");
      known.status = "succeeded";
      known.amountCaptured = amount;
      return structuredClone(known);
    });
  }

  cancel(paymentIntentId: string, options: { idempotencyKey: string }): Promise<ProviderPaymentIntent> {
    return this.once("cancel", options.idempotencyKey, () => {
      const known = this.state.intents.get(paymentIntentId);
      if (!known) {
        const intent: ProviderPaymentIntent = { id: paymentIntentId, status: "canceled", amount: 0, amountCaptured: 0, currency: "EUR", captureMethod: "manual", clientSecret: null, lastError: null, metadata: {} };
        this.state.intents.set(paymentIntentId, intent);
        return structuredClone(intent);
      }
      if (known.status === "succeeded") {
        throw new AppError("INVALID_TRANSITION", "The payment has already been captured: refund it instead of cancelling.", { provider: "SIMULATED", providerCode: "payment_intent_unexpected_state" });
      }
      known.status = "canceled";
      for (const reader of this.state.readers.values()) {
        if (reader.action?.paymentIntentId === paymentIntentId && reader.action.status === "in_progress") reader.action = null;
      }
      return structuredClone(known);
    });
  }

  refund(input: { paymentIntentId: string; amount: number; currency: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<ProviderRefund> {
    return this.once("refund", input.idempotencyKey, () => {
      if (lastTwo(input.amount) === SIMULATED_REFUND_FAILS) {
        throw new AppError("PAYMENT_FAILED", "The card issuer refused the refund. Refund the customer another way (cash, store credit or bank transfer).", { provider: "SIMULATED", providerCode: "refund_failed", retryable: false });
      }
      const known = this.state.intents.get(input.paymentIntentId);
      if (known) {
        const refunded = [...this.state.refunds.values()].filter((r) => r.id.startsWith(`re_sim_${known.id}_`)).reduce((s, r) => s + r.amount, 0);
        if (refunded + input.amount > known.amountCaptured) {
          throw new AppError("CONFLICT", "The refund is larger than what is left of the payment.", { provider: "SIMULATED", providerCode: "amount_too_large" });
        }
      }
      const refund: ProviderRefund = { id: `re_sim_${input.paymentIntentId}_${randomUUID().slice(0, 8)}`, status: "succeeded", amount: input.amount, currency: input.currency, failureReason: null };
      this.state.refunds.set(refund.id, refund);
      return refund;
    });
  }

  private reader(readerId: string): SimReader {
    const match = /^tmr_sim_(.+)$/.exec(readerId);
    if (!match) throw new AppError("NOT_FOUND", "There is no such card reader.");
    let reader = this.state.readers.get(readerId);
    if (!reader) {
      reader = { id: readerId, label: "Simulated reader", action: null };
      this.state.readers.set(readerId, reader);
    }
    return reader;
  }

  /** Answers readers whose customer has "presented the card" (the delay has passed). */
  private settleReaders(): void {
    const now = this.clock();
    for (const reader of this.state.readers.values()) {
      const action = reader.action;
      if (!action || action.status !== "in_progress" || now - action.startedAt < this.delay) continue;
      const intent = this.state.intents.get(action.paymentIntentId);
      if (!intent || intent.status === "canceled") {
        reader.action = null;
        continue;
      }
      const decline = simulatedDecline(intent.amount);
      if (decline) {
        action.status = "failed";
        action.failureCode = decline;
        intent.status = "requires_payment_method";
        intent.lastError = { code: decline, message: declineMessage(decline) };
      } else {
        action.status = "succeeded";
        intent.lastError = null;
        if (intent.captureMethod === "automatic") {
          intent.status = "succeeded";
          intent.amountCaptured = intent.amount;
        } else {
          intent.status = "requires_capture";
        }
      }
    }
  }

  private view(reader: SimReader): ReaderState {
    const state = {
      readerId: reader.id,
      label: reader.label,
      online: true,
      action: reader.action?.status ?? ("idle" as const),
      paymentIntentId: reader.action?.paymentIntentId ?? null,
      failureCode: reader.action?.failureCode ?? null,
    };
    return { ...state, message: readerMessage(state) };
  }

  async listReaders(location: { locationId: string; locationCode: string }): Promise<ReaderInfo[]> {
    this.calls.push(["listReaders", null]);
    const reader = this.reader(simulatedReaderId(location.locationId));
    return [{ id: reader.id, label: reader.label, online: true, deviceType: "simulated_wisepos_e" }];
  }

  processOnReader(input: { readerId: string; paymentIntentId: string; idempotencyKey: string }): Promise<ReaderState> {
    return this.once("processOnReader", input.idempotencyKey, () => {
      this.settleReaders();
      const reader = this.reader(input.readerId);
      if (reader.action?.status === "in_progress") {
        throw new AppError("CONFLICT", "The card reader is busy with another payment. Wait for it, or cancel what it shows.", { provider: "SIMULATED", providerCode: "terminal_reader_busy", retryable: true });
      }
      const intent = this.intent(input.paymentIntentId);
      if (intent.status !== "requires_payment_method") {
        throw new AppError("INVALID_TRANSITION", `This payment cannot be collected: it is ${intent.status.replaceAll("_", " ")}.`, { provider: "SIMULATED", providerCode: "payment_intent_unexpected_state" });
      }
      reader.action = { paymentIntentId: intent.id, startedAt: this.clock(), status: "in_progress", failureCode: null };
      return this.view(reader);
    });
  }

  cancelReaderAction(input: { readerId: string; idempotencyKey: string }): Promise<ReaderState> {
    return this.once("cancelReaderAction", input.idempotencyKey, () => {
      this.settleReaders();
      const reader = this.reader(input.readerId);
      if (reader.action?.status === "succeeded") {
        throw new AppError("INVALID_TRANSITION", "The card has already been accepted on the reader; refund the payment instead.", { provider: "SIMULATED" });
      }
      reader.action = null;
      return this.view(reader);
    });
  }

  async readerState(readerId: string): Promise<ReaderState> {
    this.calls.push(["readerState", null]);
    this.settleReaders();
    return this.view(this.reader(readerId));
  }
}
