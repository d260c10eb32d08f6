import { AppError } from "@oms/contracts";
import Stripe from "stripe";
import { declineMessage } from "./provider.ts";

/**
 * Turns what the Stripe SDK throws into an AppError with a message for the person at the
 * till or in HQ. Network trouble is UNAVAILABLE with `retryable: true`: retrying with the
 * same idempotency key is safe.
 */
export function mapStripeError(error: unknown): AppError {
  if (AppError.isAppError(error)) return error;
  if (!(error instanceof Stripe.errors.StripeError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new AppError("UNAVAILABLE", "We could not reach the payment provider. Try again in a moment: nothing is charged twice.", { retryable: true, cause: message });
  }
  const details = { provider: "STRIPE", providerType: error.type, providerCode: error.code ?? null, declineCode: error.decline_code ?? null, requestId: error.requestId ?? null };
  if (error instanceof Stripe.errors.StripeCardError) {
    return new AppError("PAYMENT_FAILED", declineMessage(error.decline_code ?? error.code, error.message), { ...details, retryable: false });
  }
  if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeRateLimitError || error instanceof Stripe.errors.StripeAPIError) {
    return new AppError("UNAVAILABLE", "Stripe did not answer. Try again in a moment: nothing is charged twice.", { ...details, retryable: true });
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new AppError("IDEMPOTENCY_MISMATCH", "This payment step was already sent to Stripe with different details. Reload the order and start again.", details);
  }
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
    return new AppError("UNAVAILABLE", "Card payments are not set up correctly (Stripe refused our key). Tell HQ; take another way to pay meanwhile.", { ...details, retryable: false });
  }
  switch (error.code) {
    case "resource_missing":
      return new AppError("NOT_FOUND", "Stripe does not know this payment or reader. Reload and try again.", details);
    case "terminal_reader_busy":
      return new AppError("CONFLICT", "The card reader is busy with another payment. Wait for it, or cancel what it shows.", { ...details, retryable: true });
    case "terminal_reader_offline":
    case "terminal_reader_timeout":
      return new AppError("UNAVAILABLE", "The card reader is offline. Check its power and network, or take another way to pay.", { ...details, retryable: true });
    case "payment_intent_unexpected_state":
      return new AppError("INVALID_TRANSITION", "The payment is not in a state that allows this (it may already be captured or cancelled). Reload the order.", details);
    case "charge_already_refunded":
      return new AppError("CONFLICT", "This payment has already been refunded in full.", details);
    case "amount_too_small":
    case "amount_too_large":
    case "invalid_charge_amount_no_decimal_compatible":
      return new AppError("VALIDATION_FAILED", `Stripe refused the amount: ${error.message}`, details);
    default:
      return new AppError("PAYMENT_FAILED", `Stripe refused the request: ${error.message}`, { ...details, retryable: false });
  }
}
