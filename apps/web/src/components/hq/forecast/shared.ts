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

/** The CSV download of the table's filter and order (route /hq/forecast/export). */
export function forecastExportHref(input: Pick<ForecastInput, "locationIds" | "categoryId" | "search" | "urgency" | "sort" | "desc">): string {
  const params = new URLSearchParams();
  for (const id of input.locationIds ?? []) params.append("location", id);
  if (input.categoryId) params.set("category", input.categoryId);
  if (input.search) params.set("q", input.search);
  if (input.urgency && input.urgency !== "ALL") params.set("urgency", input.urgency);
  if (input.sort) params.set("sort", input.sort);
  if (input.desc) params.set("dir", "desc");
  const query = params.toString();
  return `/hq/forecast/export${query ? `?${query}` : ""}`;
}

/** The procedure input of a forecast export link (the inverse of forecastExportHref). */
export function forecastExportInput(search: URLSearchParams) {
  const urgency = search.get("urgency");
  return {
    locationIds: search.getAll("location").filter(Boolean),
    ...(search.get("category") ? { categoryId: search.get("category")! } : {}),
    ...(search.get("q") ? { search: search.get("q")! } : {}),
    urgency: urgency && (urgencies as readonly string[]).includes(urgency) ? (urgency as Urgency) : "ALL",
    ...(search.get("sort") ? { sort: search.get("sort") as ForecastInput["sort"] } : {}),
    desc: search.get("dir") === "desc",
  };
}
