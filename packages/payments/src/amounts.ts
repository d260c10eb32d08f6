// Our amounts are minor units by ISO 4217 (`currencyExponent` in contracts: the runtime's
// data). Stripe's amounts are "the currency's smallest unit" as Stripe defines it, which
// differs for a few currencies (https://docs.stripe.com/currencies):
// - zero-decimal in Stripe: the list below (amount = whole units, as ISO for most of them);
// - ISK: ISO has 0 decimals, Stripe keeps it two-decimal for backwards compatibility and
//   requires multiples of 100 (ISK 5 = 500);
// - HUF, TWD: Stripe charges them as two-decimal (zero-decimal only for payouts). The
//   runtime gives HUF 0 decimals (→ × 100 for Stripe) and TWD 2 (→ as is);
// - IDR, COP and others with 0 ISO/CLDR decimals but two-decimal in Stripe: × 100;
// - UGX: zero-decimal in both;
// - three-decimal (BHD, JOD, KWD, OMR, TND): the last digit must be 0.
import { AppError, currencyExponent, formatMoney } from "@oms/contracts";

const STRIPE_ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]);
const STRIPE_THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

/** Decimal digits of Stripe's amount field for `currency`. */
export function stripeExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (STRIPE_ZERO_DECIMAL.has(code)) return 0;
  if (STRIPE_THREE_DECIMAL.has(code)) return 3;
  return 2;
}

function ourExponent(currency: string): number {
  const exponent = currencyExponent(currency.toUpperCase());
  if (exponent === undefined) throw new AppError("VALIDATION_FAILED", `${currency} is not a currency we know.`);
  return exponent;
}

/** Our minor units → Stripe's `amount`. Throws VALIDATION_FAILED for amounts Stripe refuses. */
export function toStripeAmount(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new AppError("VALIDATION_FAILED", "A card amount must be a whole, positive number of minor units.");
  const ours = ourExponent(currency);
  const theirs = stripeExponent(currency);
  let amount: number;
  if (theirs >= ours) {
    amount = minor * 10 ** (theirs - ours);
  } else {
    const factor = 10 ** (ours - theirs);
    if (minor % factor !== 0) {
      throw new AppError("VALIDATION_FAILED", `Card payments in ${currency} must be whole units: ${formatMoney(minor, currency)} cannot be charged. Round the amount.`);
    }
    amount = minor / factor;
  }
  if (STRIPE_THREE_DECIMAL.has(currency.toUpperCase()) && amount % 10 !== 0) {
    throw new AppError("VALIDATION_FAILED", `Card payments in ${currency} must end in 0 (Stripe rounds to the nearest ten): ${formatMoney(minor, currency)} cannot be charged.`);
  }
  return amount;
}

/** Stripe's `amount` → our minor units (rounded down when Stripe holds a finer amount). */
export function fromStripeAmount(amount: number, currency: string): number {
  const ours = ourExponent(currency);
  const theirs = stripeExponent(currency);
  if (ours >= theirs) return amount * 10 ** (ours - theirs);
  return Math.floor(amount / 10 ** (theirs - ours));
}
