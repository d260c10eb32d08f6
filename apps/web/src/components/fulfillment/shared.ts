// Types of the shipping router's answers and small helpers the packing-bench screens share.
import type { AppRouter } from "@oms/api";
import type { inferRouterOutputs } from "@trpc/server";

type Out = inferRouterOutputs<AppRouter>["shipping"];
export type BenchQueueData = Out["queue"];
export type BenchCardData = BenchQueueData["groups"]["new"][number];
export type BenchGroupKey = keyof BenchQueueData["groups"];
export const benchGroups: readonly BenchGroupKey[] = ["new", "picking", "packed", "shipped", "problems"];
export type PickListData = Out["pickList"];
export type BoxData = Out["boxes"][number];
export type RatesData = Out["rates"];
export type ManifestData = Out["manifests"][number];
export type PackingSlipData = Out["packingSlip"];

/** Grams as "1.25 kg" / "850 g" in the location's locale. */
export function formatWeight(grams: number, locale: string): string {
  if (grams < 1000) return `${new Intl.NumberFormat(locale).format(grams)} g`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(grams / 1000)} kg`;
}

/** Money in minor units, formatted by Intl with the currency's own decimals. */
export function formatMinor(amount: number, currency: string, locale: string): string {
  const digits = new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount / 10 ** digits);
}

export const labelHref = (shipmentId: string, format?: "PDF" | "ZPL") => `/fulfillment/labels/${shipmentId}${format === "ZPL" ? "?format=ZPL" : ""}`;
export const slipHref = (fulfillmentOrderId: string) => `/fulfillment/slip/${fulfillmentOrderId}`;
