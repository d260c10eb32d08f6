// What a payment provider does for us. Amounts are always our minor units with an ISO
// currency code; each implementation converts to its own units. Every mutating call takes
// an idempotency key derived from our ids, so a retry (by us or by the SDK) never charges,
// captures or refunds twice.

export type ProviderKind = "STRIPE" | "SIMULATED";

/** Stripe's PaymentIntent statuses; the simulated provider uses the same. */
export type IntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "canceled"
  | "succeeded";

export interface ProviderPaymentIntent {
  id: string;
  status: IntentStatus;
  /** Minor units. */
  amount: number;
  amountCaptured: number;
  currency: string;
  captureMethod: "automatic" | "manual";
  /** For Stripe's own elements on the web; never card data. */
  clientSecret: string | null;
  lastError: { code: string; message: string } | null;
  metadata: Record<string, string>;
}

export interface CreatePaymentIntentInput {
  amount: number;
  currency: string;
  /** automatic: till sales; manual: authorized now, captured at handover or shipment. */
  captureMethod: "automatic" | "manual";
  /** true: a Terminal reader (card_present); false: Stripe's elements on the web (card). */
  cardPresent: boolean;
  description?: string;
  metadata: Record<string, string>;
  idempotencyKey: string;
}

export interface ProviderRefund {
  id: string;
  status: "pending" | "succeeded" | "failed" | "canceled" | "requires_action";
  amount: number;
  currency: string;
  failureReason: string | null;
}

export interface ReaderInfo {
  id: string;
  label: string;
  online: boolean;
  deviceType: string;
}

/** What the till shows for a reader. */
export interface ReaderState {
  readerId: string;
  label: string;
  online: boolean;
  /** idle: nothing asked; in_progress: waiting for the card; then succeeded / failed. */
  action: "idle" | "in_progress" | "succeeded" | "failed";
  paymentIntentId: string | null;
  failureCode: string | null;
  /** A sentence for the cashier. */
  message: string;
}

export interface PaymentProvider {
  readonly kind: ProviderKind;
  createPaymentIntent(input: CreatePaymentIntentInput): Promise<ProviderPaymentIntent>;
  retrievePaymentIntent(paymentIntentId: string): Promise<ProviderPaymentIntent>;
  /** Captures an authorized intent; `amount` (minor units) may be less than authorized. */
  capture(paymentIntentId: string, options: { amount?: number; currency: string; idempotencyKey: string }): Promise<ProviderPaymentIntent>;
  /** Cancels an intent not captured yet (releases the authorization). */
  cancel(paymentIntentId: string, options: { idempotencyKey: string }): Promise<ProviderPaymentIntent>;
  refund(input: { paymentIntentId: string; amount: number; currency: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<ProviderRefund>;
  listReaders(location: { locationId: string; locationCode: string }): Promise<ReaderInfo[]>;
  processOnReader(input: { readerId: string; paymentIntentId: string; idempotencyKey: string }): Promise<ReaderState>;
  cancelReaderAction(input: { readerId: string; idempotencyKey: string }): Promise<ReaderState>;
  readerState(readerId: string): Promise<ReaderState>;
}

export function readerMessage(state: Pick<ReaderState, "online" | "action" | "failureCode">, failureMessage?: string | null): string {
  if (!state.online) return "The card reader is offline. Check its power and network, or take another way to pay.";
  switch (state.action) {
    case "in_progress":
      return "Waiting for the customer to tap, insert or swipe the card.";
    case "succeeded":
      return "Payment approved.";
    case "failed":
      return declineMessage(state.failureCode, failureMessage);
    default:
      return "The reader is ready.";
  }
}

/** A sentence for the cashier for a decline or failure code (Stripe's codes). */
export function declineMessage(code: string | null | undefined, fallback?: string | null): string {
  switch (code) {
    case "card_declined":
    case "generic_decline":
      return "The card was declined. Ask the customer for another card or another way to pay.";
    case "insufficient_funds":
      return "The card was declined for insufficient funds. Ask the customer for another card or another way to pay.";
    case "expired_card":
      return "The card has expired. Ask the customer for another card.";
    case "incorrect_cvc":
    case "incorrect_pin":
    case "offline_pin_required":
    case "online_or_offline_pin_required":
      return "The PIN or security code was wrong. Ask the customer to try again.";
    case "processing_error":
      return "The card could not be processed. Try again; if it fails again, take another way to pay.";
    case "customer_canceled":
    case "canceled":
      return "The payment was cancelled on the reader.";
    default:
      return fallback ? `The payment did not go through: ${fallback}` : "The payment did not go through. Try again or take another way to pay.";
  }
}
