import { AppError } from "@oms/contracts";
import Stripe from "stripe";
import { fromStripeAmount, toStripeAmount } from "../amounts.ts";
import { mapStripeError } from "../errors.ts";
import { readerMessage, type CreatePaymentIntentInput, type IntentStatus, type PaymentProvider, type ProviderPaymentIntent, type ProviderRefund, type ReaderInfo, type ReaderState } from "../provider.ts";

export interface StripeProviderOptions {
  secretKey: string;
  /** Another API host (tests: a local fake; stripe-mock). */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  maxNetworkRetries?: number;
  timeoutMs?: number;
  /** Our location code or id → Stripe Terminal location id. */
  terminalLocations?: Record<string, string>;
}

type StripeIntent = Stripe.PaymentIntent;
type StripeReader = Stripe.Terminal.Reader;

/** Stripe through its official SDK. Card data never passes through us: Terminal and elements only. */
export class StripeProvider implements PaymentProvider {
  readonly kind = "STRIPE" as const;
  readonly stripe: Stripe;
  private readonly terminalLocations: Record<string, string>;

  constructor(options: StripeProviderOptions) {
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: options.maxNetworkRetries ?? 2,
      timeout: options.timeoutMs ?? 20_000,
      telemetry: false,
      appInfo: { name: "oms" },
      ...(options.host ? { host: options.host } : {}),
      ...(options.port ? { port: options.port } : {}),
      ...(options.protocol ? { protocol: options.protocol } : {}),
    });
    this.terminalLocations = options.terminalLocations ?? {};
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw mapStripeError(error);
    }
  }

  async createPaymentIntent(input: CreatePaymentIntentInput): Promise<ProviderPaymentIntent> {
    const intent = await this.call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: toStripeAmount(input.amount, input.currency),
          currency: input.currency.toLowerCase(),
          capture_method: input.captureMethod,
          // SDK 23 (API 2026): `payment_method_types` became `allowed_payment_method_types`.
          allowed_payment_method_types: [input.cardPresent ? "card_present" : "card"],
          ...(input.description ? { description: input.description } : {}),
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return toIntent(intent);
  }

  async retrievePaymentIntent(paymentIntentId: string): Promise<ProviderPaymentIntent> {
    return toIntent(await this.call(() => this.stripe.paymentIntents.retrieve(paymentIntentId)));
  }

  async capture(paymentIntentId: string, options: { amount?: number; currency: string; idempotencyKey: string }): Promise<ProviderPaymentIntent> {
    const params = options.amount !== undefined ? { amount_to_capture: toStripeAmount(options.amount, options.currency) } : {};
    return toIntent(await this.call(() => this.stripe.paymentIntents.capture(paymentIntentId, params, { idempotencyKey: options.idempotencyKey })));
  }

  async cancel(paymentIntentId: string, options: { idempotencyKey: string }): Promise<ProviderPaymentIntent> {
    return toIntent(await this.call(() => this.stripe.paymentIntents.cancel(paymentIntentId, {}, { idempotencyKey: options.idempotencyKey })));
  }

  async refund(input: { paymentIntentId: string; amount: number; currency: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<ProviderRefund> {
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: toStripeAmount(input.amount, input.currency), metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return {
      id: refund.id,
      status: (refund.status ?? "pending") as ProviderRefund["status"],
      amount: fromStripeAmount(refund.amount, refund.currency),
      currency: refund.currency.toUpperCase(),
      failureReason: refund.failure_reason ?? null,
    };
  }

  async listReaders(location: { locationId: string; locationCode: string }): Promise<ReaderInfo[]> {
    const terminalLocation = this.terminalLocations[location.locationCode] ?? this.terminalLocations[location.locationId];
    const page = await this.call(() => this.stripe.terminal.readers.list({ limit: 100, ...(terminalLocation ? { location: terminalLocation } : {}) }));
    return page.data
      .filter((r) => terminalLocation || r.metadata?.oms_location_code === location.locationCode || r.metadata?.oms_location_id === location.locationId)
      .map((r) => ({ id: r.id, label: r.label, online: r.status === "online", deviceType: r.device_type }));
  }

  async processOnReader(input: { readerId: string; paymentIntentId: string; idempotencyKey: string }): Promise<ReaderState> {
    const reader = await this.call(() =>
      this.stripe.terminal.readers.processPaymentIntent(input.readerId, { payment_intent: input.paymentIntentId }, { idempotencyKey: input.idempotencyKey }),
    );
    return toReaderState(reader);
  }

  async cancelReaderAction(input: { readerId: string; idempotencyKey: string }): Promise<ReaderState> {
    const reader = await this.call(() => this.stripe.terminal.readers.cancelAction(input.readerId, {}, { idempotencyKey: input.idempotencyKey }));
    if ("deleted" in reader && reader.deleted) throw new AppError("NOT_FOUND", "This card reader has been removed from Stripe.");
    return toReaderState(reader as StripeReader);
  }

  async readerState(readerId: string): Promise<ReaderState> {
    const reader = await this.call(() => this.stripe.terminal.readers.retrieve(readerId));
    if ("deleted" in reader && reader.deleted) throw new AppError("NOT_FOUND", "This card reader has been removed from Stripe.");
    return toReaderState(reader as StripeReader);
  }
}

export function toIntent(intent: StripeIntent): ProviderPaymentIntent {
  const currency = intent.currency.toUpperCase();
  return {
    id: intent.id,
    status: intent.status as IntentStatus,
    amount: fromStripeAmount(intent.amount, currency),
    amountCaptured: fromStripeAmount(intent.amount_received ?? 0, currency),
    currency,
    captureMethod: intent.capture_method === "automatic" ? "automatic" : intent.capture_method === "automatic_async" ? "automatic" : "manual",
    clientSecret: intent.client_secret ?? null,
    lastError: intent.last_payment_error ? { code: intent.last_payment_error.decline_code ?? intent.last_payment_error.code ?? "payment_failed", message: intent.last_payment_error.message ?? "" } : null,
    metadata: (intent.metadata ?? {}) as Record<string, string>,
  };
}

function toReaderState(reader: StripeReader): ReaderState {
  const online = reader.status !== "offline";
  const action = reader.action;
  const status: ReaderState["action"] = !action ? "idle" : action.status === "in_progress" ? "in_progress" : action.status === "succeeded" ? "succeeded" : action.status === "failed" ? "failed" : "idle";
  const intent = action?.process_payment_intent?.payment_intent;
  const state = {
    readerId: reader.id,
    label: reader.label,
    online,
    action: status,
    paymentIntentId: typeof intent === "string" ? intent : (intent?.id ?? null),
    failureCode: action?.failure_code ?? null,
  };
  return { ...state, message: readerMessage(state, action?.failure_message) };
}
