// Types of the pos router's answers and small helpers the sale screen's parts share.
import type { AppRouter } from "@oms/api";
import { currencyExponent } from "@oms/contracts";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type PosProductData = Outputs["pos"]["searchProducts"][number];
export type PosQuoteData = Outputs["pos"]["quote"];
export type PosQuoteLineData = PosQuoteData["lines"][number];
export type CheckoutData = Outputs["pos"]["checkout"]["state"];
export type CardTenderData = Outputs["pos"]["checkout"]["cardTenderState"];
export type ParkedSaleData = Outputs["pos"]["listParked"][number];
export type ReceiptData = Outputs["pos"]["receipt"];

/** Where the sale happens: the store and the open session of this till's register. */
export interface TillContext {
  locationId: string;
  storeName: string;
  /** The store's country: the default of a shipping address. */
  countryCode: string;
  currency: string;
  locale: string;
  timeZone: string;
  register: { id: string; code: string; name: string; readerId: string | null };
  registerSessionId: string;
}

/** The server's message (already written for the reader). */
export function serverMessage(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}

/** Digits after the decimal point of `currency` (2 when unknown). */
export function exponentOf(currency: string): number {
  return currencyExponent(currency) ?? 2;
}

/** Minor units as the plain decimal a cashier types ("12.50"), for prefilled fields. */
export function minorToInput(amount: number, currency: string): string {
  const exponent = exponentOf(currency);
  if (exponent === 0) return String(amount);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 10 ** exponent);
  const fraction = String(abs % 10 ** exponent).padStart(exponent, "0");
  return `${sign}${whole}.${fraction}`;
}

/** A fresh id per attempt (checkout start, a tender): the server answers a retry with the first result. */
export function newAttemptId(): string {
  return crypto.randomUUID();
}

/** Per-field messages of a refused input, keyed by the last part of each path. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = (error as { data?: { fields?: { path: (string | number)[]; message: string }[] } } | null)?.data?.fields ?? [];
  const out: Record<string, string> = {};
  for (const f of fields) {
    const key = String(f.path.at(-1) ?? "");
    if (key && !out[key]) out[key] = f.message;
  }
  return out;
}
