import { z } from "zod";

/** Minor units of a currency (cents, grosze, öre). Never a float. */
export const MinorUnits = z.number().int().min(-2_147_483_648).max(2_147_483_647);
export const NonNegativeMinorUnits = MinorUnits.min(0);

export const CurrencyCode = z
  .string()
  .length(3)
  .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 code in capitals, e.g. EUR")
  .refine((code) => currencyExponent(code) !== undefined, "Unknown currency code");
export type CurrencyCode = z.infer<typeof CurrencyCode>;

export const Money = z.object({ amount: MinorUnits, currency: CurrencyCode });
export type Money = z.infer<typeof Money>;

/** Digits after the decimal point for a currency, from the runtime's ISO 4217 data. */
export function currencyExponent(currency: string): number | undefined {
  try {
    const format = new Intl.NumberFormat("en", { style: "currency", currency });
    return format.resolvedOptions().maximumFractionDigits;
  } catch {
    return undefined;
  }
}

/** Formats minor units for people, in the given locale. */
export function formatMoney(amount: number, currency: string, locale = "en"): string {
  const exponent = currencyExponent(currency) ?? 2;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(amount / 10 ** exponent);
}

/**
 * Parses a decimal string typed by a person ("12.50", "12,5") into minor units without
 * floating point. Returns undefined when the text is not an amount in that currency.
 */
export function parseMoney(text: string, currency: string): number | undefined {
  const exponent = currencyExponent(currency) ?? 2;
  const match = /^\s*(-)?(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > exponent) return undefined;
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  if (!Number.isSafeInteger(minor)) return undefined;
  return sign ? -minor : minor;
}

/**
 * Share of an amount in basis points, rounded half away from zero, in integers only.
 * applyBasisPoints(1999, 2300) = 460 (23 % of 19.99).
 */
export function applyBasisPoints(amount: number, bps: number): number {
  const product = amount * bps;
  const sign = product < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(product) + 5000) / 10000);
}

/** Splits `total` into parts proportional to `weights` so that the parts add up exactly. */
export function allocateProportionally(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const raw = weights.map((w) => Math.floor((total * w) / sum));
  let remainder = total - raw.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, frac: (total * w) % sum }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (remainder === 0) break;
    raw[i] = (raw[i] ?? 0) + 1;
    remainder -= 1;
  }
  return raw;
}
