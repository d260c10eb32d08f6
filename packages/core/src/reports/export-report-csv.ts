import { ReportExportInput, type ReportKind, type SalesGroupBy } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { csvCell, decimalAmount } from "../orders/index.ts";
import { parseInput } from "../shared/parse-input.ts";
import { fulfilmentTimesReport } from "./fulfilment-times.ts";
import { returnsReport } from "./returns-report.ts";
import { salesReport, type SalesReportRow } from "./sales-report.ts";
import { sellThroughReport } from "./sell-through.ts";

export interface ReportCsv {
  csv: string;
  rows: number;
  filename: string;
}

/** Rows a CSV holds at most (a product report of a large catalogue). */
export const REPORT_EXPORT_MAX_ROWS = 50_000;
const PAGE = 500;

const line = (cells: (string | number | boolean | null | undefined)[]) => cells.map(csvCell).join(",");
const ratio = (value: number | null) => (value === null ? null : value.toFixed(4));

const salesKinds: Partial<Record<ReportKind, SalesGroupBy>> = {
  "sales-day": "day",
  "sales-channel": "channel",
  "sales-location": "location",
  "sales-product": "product",
  "sales-category": "category",
};

const keyHeader: Record<SalesGroupBy, string[]> = {
  day: ["Day"],
  channel: ["Channel"],
  location: ["Location", "Code", "Local currency", "Net (local)"],
  product: ["Product", "Category"],
  category: ["Category"],
};

function keyCells(groupBy: SalesGroupBy, row: SalesReportRow): (string | null)[] {
  if (groupBy === "location") {
    return [row.label || "No location", row.detail, row.local.map((l) => l.currency).join("; "), row.local.map((l) => decimalAmount(l.net, l.currency)).join("; ")];
  }
  if (groupBy === "product") return [row.label, row.detail];
  return [row.label || row.key];
}

async function salesCsv(input: ReturnType<typeof ReportExportInput.parse>, groupBy: SalesGroupBy, ctx: Pick<DomainContext, "db" | "now">): Promise<{ lines: string[]; rows: number }> {
  const base = { from: input.from, to: input.to, locationIds: input.locationIds, channels: input.channels, compare: input.compare, groupBy, pageSize: PAGE };
  const first = await salesReport({ ...base, page: 0 }, ctx);
  const c = first.fx.currency;
  const money = (n: number | null | undefined) => (n === null || n === undefined ? null : decimalAmount(n, c));
  const basis = first.fx.includesTax ? "incl. tax" : "excl. tax";
  const header = [
    ...keyHeader[groupBy],
    `Gross ${c} (${basis})`,
    `Returns ${c}`,
    `Net ${c}`,
    `Tax ${c}`,
    "Units",
    "Returned units",
    "Orders",
    `Average basket ${c}`,
    ...(input.compare ? [`Previous net ${c}`, "Net change %"] : []),
  ];
  const lines = [line(header)];
  let rows = 0;
  for (let page = 0, report = first; ; report = await salesReport({ ...base, page: ++page }, ctx)) {
    for (const row of report.rows) {
      const f = row.figures;
      const previous = row.previous?.net ?? null;
      lines.push(
        line([
          ...keyCells(groupBy, row),
          money(f.gross),
          money(f.returns),
          money(f.net),
          money(f.tax),
          f.units,
          f.returnedUnits,
          f.orders,
          money(f.averageBasket),
          ...(input.compare ? [money(previous), previous ? ((f.net - previous) / Math.abs(previous) * 100).toFixed(1) : null] : []),
        ]),
      );
      rows += 1;
    }
    if ((page + 1) * PAGE >= report.total || rows >= REPORT_EXPORT_MAX_ROWS) break;
  }
  return { lines, rows };
}

/**
 * One report as CSV (the report screen's "Download CSV"): the same figures as the screen,
 * amounts as plain decimals of the reporting currency, ratios to four places, formula-like
 * text escaped (csvCell).
 */
export async function exportReportCsv(rawInput: ReportExportInput, ctx: Pick<DomainContext, "db" | "now">): Promise<ReportCsv> {
  const input = parseInput(ReportExportInput, rawInput);
  const filename = `${input.report}-${input.from}-to-${input.to}.csv`;
  const period = { from: input.from, to: input.to, locationIds: input.locationIds, channels: input.channels };
  const done = (lines: string[], rows: number): ReportCsv => ({ csv: `${lines.join("\r\n")}\r\n`, rows, filename });

  const groupBy = salesKinds[input.report];
  if (groupBy) {
    const { lines, rows } = await salesCsv(input, groupBy, ctx);
    return done(lines, rows);
  }
  if (input.report === "sell-through") {
    const lines = [line(["Product", "Category", "Units sold", "On hand at end", "Sell-through"])];
    let rows = 0;
    for (let page = 0; ; page++) {
      const report = await sellThroughReport({ ...period, groupBy: "product", page, pageSize: PAGE, sort: { field: "key", desc: false } }, ctx);
      for (const r of report.rows) lines.push(line([r.label, r.detail, r.sold, r.onHandAtEnd, ratio(r.sellThrough)]));
      rows += report.rows.length;
      if ((page + 1) * PAGE >= report.total || rows >= REPORT_EXPORT_MAX_ROWS) break;
    }
    return done(lines, rows);
  }
  if (input.report === "returns") {
    const report = await returnsReport({ ...period, compare: false }, ctx);
    const lines = [line(["Group", "Name", "Units sold", "Units returned", "Return rate", "Share of returns"])];
    lines.push(line(["Total", "All", report.soldUnits, report.returnedUnits, ratio(report.rate), null]));
    for (const r of report.reasons) lines.push(line(["Reason", r.reason, null, r.units, null, ratio(r.share)]));
    for (const r of report.byCategory) lines.push(line(["Category", r.label, r.soldUnits, r.returnedUnits, ratio(r.rate), null]));
    return done(lines, 1 + report.reasons.length + report.byCategory.length);
  }
  const report = await fulfilmentTimesReport({ ...period, compare: false }, ctx);
  const lines = [line(["Measure", "Location", "Fulfillment orders", "p50 seconds", "p90 seconds", "Mean seconds"])];
  for (const r of [...report.network, ...report.byLocation]) lines.push(line([r.measure, r.locationName ?? "Network", r.count, r.p50, r.p90, r.mean]));
  return done(lines, report.network.length + report.byLocation.length);
}
