// Card payments: the provider interface, Stripe and simulated providers, the payment steps
// (each calls the provider outside any transaction with a key derived from our ids, then
// records the outcome in a short transaction) and the Stripe webhook. See docs/payments.md.
export { readPaymentsEnv, type PaymentsEnv } from "./env.ts";
export { toStripeAmount, fromStripeAmount, stripeExponent } from "./amounts.ts";
export { mapStripeError } from "./errors.ts";
export {
  declineMessage,
  type PaymentProvider,
  type ProviderKind,
  type ProviderPaymentIntent,
  type ProviderRefund,
  type ReaderInfo,
  type ReaderState,
  type CreatePaymentIntentInput,
  type IntentStatus,
} from "./provider.ts";
export { StripeProvider, type StripeProviderOptions } from "./providers/stripe-provider.ts";
export {
  SimulatedProvider,
  simulatedReaderId,
  resetSimulatedReader,
  simulatedDecline,
  SIMULATED_TEST_AMOUNTS,
  SIMULATED_CAPTURE_FAILS,
  SIMULATED_REFUND_FAILS,
  type SimulatedProviderOptions,
} from "./providers/simulated-provider.ts";
export { createPaymentProvider, paymentProvider, setPaymentProvider } from "./create-provider.ts";
export type { PaymentsContext } from "./context.ts";
export { derivePaymentStatus } from "./rows.ts";
export { executePendingRefunds, type ExecuteRefundsResult } from "./execute-pending-refunds.ts";
export { capturePayment, captureOrderPayments, type CaptureResult } from "./capture-payment.ts";
export { cancelPaymentAuthorization, voidCancelledOrderAuthorizations } from "./cancel-payment-authorization.ts";
export { captureShippedOrders, type CaptureShippedResult } from "./capture-shipped-orders.ts";
export { CollectCardPresentInput, createCardPresentPayment, getReaderState, cancelReaderAction, listReaders, type CardPresentPayment } from "./card-present.ts";
export { processStripeWebhook, type StripeWebhookOptions, type StripeWebhookResult } from "./webhooks/process-stripe-webhook.ts";
export { returnAtTill, exchangeAtTill } from "./returns/return-at-till.ts";
export * from "./pos/index.ts";
export * from "./pickup/index.ts";
