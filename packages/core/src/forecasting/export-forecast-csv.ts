import { FORECAST_ROW_CAP, ListForecastInput } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { csvCell } from "../orders/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { listForecast, type ForecastRow } from "./list-forecast.ts";

const HEADER = [
  "SKU",
  "Product",
  "Variant",
  "Category",
  "Location code",
  "Location",
  "Sold per day",
  "On hand",
  "Reserved",
  "ATP",
  "Incoming",
  "Outgoing",
  "Days of cover",
  "Days to stockout",
  "Stockout date",
  "Suggestion",
  "Suggested units",
  "From location",
  "Supplier",
  "Accepted as",
];

const round = (n: number | null, digits: number) => (n === null ? "" : Number(n.toFixed(digits)));

function cells(row: ForecastRow): (string | number)[] {
  const s = row.suggestion;
  return [
    row.sku,
    row.productName,
    row.variantName,
    row.categoryName,
    row.locationCode,
    row.locationName,
    round(row.soldPerDay, 3),
    row.onHand,
    row.reserved,
    row.available,
    row.incoming,
    row.outgoing,
    round(row.daysOfCover, 1),
    round(row.daysToStockout, 1),
    row.stockoutDate ?? "",
    s ? (s.kind === "TRANSFER" ? "Transfer" : "Purchase order") : "",
    s ? s.quantity : "",
    s?.fromLocation?.code ?? "",
    s?.supplierName ?? "",
    row.accepted?.number ?? "",
  ];
}

const PAGE = 200;

/**
 * The forecast table's filtered set as CSV, in the table's order: every row the filter
 * matches up to FORECAST_ROW_CAP (10,000; `truncated` says when it was cut), read page by
 * page through `listForecast`, so the file says exactly what the screen says. Rates to 3
 * decimals, days to 1; text escaped (`csvCell`: quotes, and formula-looking cells).
 */
export async function exportForecastCsv(rawInput: unknown, ctx: Pick<DomainContext, "db"> & { now?: Date }): Promise<{ csv: string; rows: number; truncated: boolean }> {
  const input = parseInput(ListForecastInput, { ...(rawInput as object), pageIndex: 0, pageSize: PAGE });
  const now = ctx.now ?? new Date();
  const lines = [HEADER.map(csvCell).join(",")];
  let rows = 0;
  let total = 0;
  for (let pageIndex = 0; pageIndex * PAGE < FORECAST_ROW_CAP; pageIndex++) {
    const page = await listForecast({ ...input, pageIndex, pageSize: PAGE }, { db: ctx.db, now });
    total = page.totalCapped ? FORECAST_ROW_CAP + 1 : page.total;
    for (const row of page.items) lines.push(cells(row).map(csvCell).join(","));
    rows += page.items.length;
    if (page.items.length < PAGE) break;
  }
  return { csv: `${lines.join("\r\n")}\r\n`, rows, truncated: total > rows };
}
