import { addDays, daysInPeriod, SalesReportInput, type SalesGroupBy, type SalesSortField } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { aggregateSales, type SalesGroup } from "./aggregate-sales.ts";
import { previousSpan } from "./period.ts";
import { fxNote, loadReportBasis, type FxNote } from "./report-basis.ts";
import type { LocalSalesFigures, SalesFigures } from "./sales-figures.ts";
import { sortAndPage } from "./sort-rows.ts";

export interface SalesReportRow extends SalesGroup {
  /** The same group in the previous period (compare on; a day: the day one period earlier); null when it sold nothing then. */
  previous: SalesFigures | null;
}

export interface SalesReport {
  groupBy: SalesGroupBy;
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string } | null;
  rows: SalesReportRow[];
  /** Groups in the whole result (the table pages through them). */
  total: number;
  page: number;
  pageSize: number;
  totals: { local: LocalSalesFigures[]; figures: SalesFigures; previous: SalesFigures | null };
  fx: FxNote;
}

const defaultSort: Record<SalesGroupBy, { field: SalesSortField; desc: boolean }> = {
  day: { field: "key", desc: false },
  channel: { field: "net", desc: true },
  location: { field: "net", desc: true },
  product: { field: "net", desc: true },
  category: { field: "net", desc: true },
};

/**
 * Sales by day, channel, location, product or category over a period (docs/hq-reports.md),
 * in the reporting currency and in each group's own currencies, with the previous period of
 * equal length when `compare` is on. Summed in the database; the groups (at most one per
 * product) are sorted and paged here because their order depends on converted amounts.
 */
export async function salesReport(rawInput: SalesReportInput, ctx: Pick<DomainContext, "db" | "now">): Promise<SalesReport> {
  const input = parseInput(SalesReportInput, rawInput);
  const basis = await loadReportBasis(ctx.db);
  const period = { from: input.from, to: input.to };
  const scope = { locationIds: input.locationIds, channels: input.channels, groupBy: input.groupBy, search: input.search };
  const options = { fx: basis.fx, includeTax: basis.includeTax, now: ctx.now };
  const current = await aggregateSales(ctx.db, { ...scope, span: period }, options);
  const before = input.compare ? previousSpan(period) : null;
  const previous = before ? await aggregateSales(ctx.db, { ...scope, span: before }, options) : null;
  const previousByKey = new Map(previous?.groups.map((g) => [g.key, g.figures]));

  const sort = input.sort ?? defaultSort[input.groupBy];
  const { field } = sort;
  const paged = sortAndPage(current.groups, (g) => (field === "key" ? g.label || g.key : g.figures[field]), { desc: sort.desc, tiebreak: (g) => g.key, page: input.page, pageSize: input.pageSize });
  // A day is compared with the same day of the previous period (as many days earlier as the period is long).
  const length = daysInPeriod(period.from, period.to);
  const previousKey = (key: string) => (input.groupBy === "day" ? addDays(key, -length) : key);
  const rows = paged.rows.map((g) => ({ ...g, previous: previous ? (previousByKey.get(previousKey(g.key)) ?? null) : null }));
  const currencies = [...current.totals.local, ...(previous?.totals.local ?? [])].map((l) => l.currency);
  return {
    groupBy: input.groupBy,
    period,
    previousPeriod: before && "from" in before ? before : null,
    rows,
    total: paged.total,
    page: input.page,
    pageSize: input.pageSize,
    totals: { ...current.totals, previous: previous?.totals.figures ?? null },
    fx: fxNote(basis, currencies),
  };
}
