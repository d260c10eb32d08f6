// Types and small helpers of the HQ forecast screen (docs/forecasting.md).
import type { AppRouter } from "@oms/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["forecast"];
type Inputs = inferRouterInputs<AppRouter>["forecast"];
export type ForecastRow = Outputs["table"]["items"][number];
export type ForecastInput = Inputs["table"];
export type AcceptResult = Outputs["accept"]["items"][number];
export type VelocityHistory = Outputs["history"];
export type Urgency = "ALL" | "7" | "14" | "28";
export const urgencies: readonly Urgency[] = ["ALL", "7", "14", "28"];

/** What accepting a row's suggestion sends: the suggestion exactly as shown. */
export function acceptItem(row: ForecastRow) {
  const s = row.suggestion!;
  return { key: s.key, levelId: row.id, kind: s.kind, fromLocationId: s.fromLocationId, quantity: s.quantity };
}

/** Where a created draft is seen: the variant's page (its transfers and stock at every location) or the purchase orders. */
export function draftHref(result: { kind: "TRANSFER" | "PURCHASE_ORDER" }, variantId: string): string {
  return result.kind === "TRANSFER" ? `/hq/inventory/${variantId}` : "/hq/inventory/purchase-orders";
}

/** A YYYY-MM-DD calendar day as a Date at noon UTC, so formatting it in any zone keeps the day. */
export function calendarDay(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}
