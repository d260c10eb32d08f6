// Small pieces the HQ inventory screens share: row types from the router, number
// formatting, the CSV export link, the saved column choice.
import type { AppRouter } from "@oms/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["inventory"];
type Inputs = inferRouterInputs<AppRouter>["inventory"];
export type InventoryRow = Outputs["table"]["items"][number];
export type VariantStock = Outputs["variant"];
export type VariantLocation = VariantStock["locations"][number];
export type MovementRow = Outputs["variantMovements"]["items"][number];
export type PurchaseOrderRow = Outputs["purchaseOrders"]["items"][number];
export type TableInput = Inputs["table"];
export type StockFilter = "ALL" | "LOW" | "ZERO";

export const adjustmentReasons = ["DAMAGED", "LOST", "THEFT", "EXPIRED", "FOUND", "CORRECTION"] as const;
export type AdjustmentReasonChoice = (typeof adjustmentReasons)[number];
/** Reasons that only remove units (the server refuses them the other way). */
export const removingReasons: readonly AdjustmentReasonChoice[] = ["DAMAGED", "LOST", "THEFT", "EXPIRED"];

export function inventoryHref(variantId: string): string {
  return `/hq/inventory/${variantId}`;
}

/** The filter as a query string, for the CSV export route. */
export function exportHref(filter: { locationIds: string[]; categoryId: string | null; search: string; stock: StockFilter }): string {
  const params = new URLSearchParams();
  for (const id of filter.locationIds) params.append("location", id);
  if (filter.categoryId) params.set("category", filter.categoryId);
  if (filter.search.trim()) params.set("q", filter.search.trim());
  if (filter.stock !== "ALL") params.set("stock", filter.stock);
  const query = params.toString();
  return `/hq/inventory/export${query ? `?${query}` : ""}`;
}

export const HIDDEN_COLUMNS_KEY = "oms-hq-inventory-hidden-columns";
export const defaultHiddenColumns = ["safetyStock", "reorderPoint"];

/** Quantities and days for people: grouped digits in the reader's locale. */
export function formatNumber(locale: string, value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits }).format(value);
}
