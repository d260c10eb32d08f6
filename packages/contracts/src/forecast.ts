import { z } from "zod";

// HQ forecasting (docs/forecasting.md): the forecast table, the velocity history of one
// level, and accepting replenishment suggestions.

const id = (what: string) => z.uuid({ message: `Choose a ${what}` });

export const ReplenishmentKind = z.enum(["TRANSFER", "PURCHASE_ORDER"]);
export type ReplenishmentKind = z.infer<typeof ReplenishmentKind>;

export const forecastSortKeys = ["stockout", "daysOfCover", "soldPerDay", "onHand", "available", "sku"] as const;
export type ForecastSortKey = (typeof forecastSortKeys)[number];

/** Predicted stockout within this many days (the urgency filter). */
export const ForecastUrgency = z.enum(["ALL", "7", "14", "28"]);
export type ForecastUrgency = z.infer<typeof ForecastUrgency>;

/** Rows the forecast table pages through, at most (the count says "10,000+" beyond). */
export const FORECAST_ROW_CAP = 10_000;

export const ListForecastInput = z
  .object({
    locationIds: z.array(id("location")).max(200, "Choose at most 200 locations").optional(),
    categoryId: id("category").optional(),
    /** SKU (prefix), product or variant name (part), or an exact barcode. */
    search: z.string().trim().max(100, "Search for at most 100 characters").optional(),
    urgency: ForecastUrgency.default("ALL"),
    sort: z.enum(forecastSortKeys).default("stockout"),
    desc: z.boolean().default(false),
    pageIndex: z.number().int().min(0).default(0),
    pageSize: z.number().int().min(1).max(200, "Show at most 200 rows per page").default(50),
  })
  .refine((i) => i.pageIndex * i.pageSize < FORECAST_ROW_CAP, {
    path: ["pageIndex"],
    message: `Pages go as far as row ${FORECAST_ROW_CAP.toLocaleString("en")}: narrow the filter to see further`,
  });
export type ListForecastInput = z.input<typeof ListForecastInput>;

export const ForecastLevelInput = z.object({ levelId: id("stock level") });
export type ForecastLevelInput = z.input<typeof ForecastLevelInput>;

/** One suggestion as the table showed it; `key` identifies it (accepting it twice creates one draft). */
export const AcceptSuggestionItem = z.object({
  key: z.string().min(8).max(100),
  levelId: id("stock level"),
  kind: ReplenishmentKind,
  fromLocationId: id("location to send from").nullable().default(null),
  quantity: z.number().int("Quantities are whole units").positive("Move at least 1 unit").max(100_000, "That is more than one suggestion may move"),
});

export const AcceptReplenishmentInput = z
  .object({ items: z.array(AcceptSuggestionItem).min(1, "Choose at least one suggestion").max(100, "Accept at most 100 suggestions at once") })
  .superRefine((input, issue) => {
    const seen = new Set<string>();
    input.items.forEach((item, index) => {
      if (item.kind === "TRANSFER" && !item.fromLocationId) issue.addIssue({ code: "custom", path: ["items", index, "fromLocationId"], message: "A transfer needs the location it comes from" });
      if (seen.has(item.levelId)) issue.addIssue({ code: "custom", path: ["items", index, "levelId"], message: "That row is chosen twice" });
      seen.add(item.levelId);
    });
  });
export type AcceptReplenishmentInput = z.input<typeof AcceptReplenishmentInput>;
