import { ReportPeriodInput, type ReturnReason } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { aggregateSales } from "./aggregate-sales.ts";
import { previousSpan, type DaySpan } from "./period.ts";
import { loadReportBasis } from "./report-basis.ts";
import { salesFactsSql, type SalesScope } from "./sales-facts.ts";

export interface ReturnRateRow {
  key: string;
  label: string;
  soldUnits: number;
  returnedUnits: number;
  /** returned ÷ sold units; null when nothing sold. */
  rate: number | null;
}

export interface ReturnsSummary {
  soldUnits: number;
  returnedUnits: number;
  rate: number | null;
  reasons: { reason: ReturnReason; units: number; share: number }[];
}

export interface ReturnsReport extends ReturnsSummary {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string } | null;
  previous: ReturnsSummary | null;
  /** Per category, the most returned first. */
  byCategory: ReturnRateRow[];
}

export const returnRate = (returned: number, sold: number): number | null => (sold > 0 ? returned / sold : null);

async function summary(db: DomainContext["db"], scope: SalesScope, now: Date): Promise<ReturnsSummary> {
  const rows = await db.$queryRaw<{ reason: ReturnReason | null; sold: bigint; returned: bigint }[]>`
    SELECT f."reason", SUM(f."units")::bigint AS "sold", SUM(f."returnedUnits")::bigint AS "returned"
    FROM (${salesFactsSql(scope, now)}) f
    GROUP BY f."reason"`;
  const soldUnits = rows.reduce((s, r) => s + Number(r.sold), 0);
  const returnedUnits = rows.reduce((s, r) => s + Number(r.returned), 0);
  const reasons = rows
    .filter((r): r is typeof r & { reason: ReturnReason } => r.reason !== null && Number(r.returned) > 0)
    .map((r) => ({ reason: r.reason, units: Number(r.returned), share: Number(r.returned) / returnedUnits }))
    .sort((a, b) => b.units - a.units || a.reason.localeCompare(b.reason));
  return { soldUnits, returnedUnits, rate: returnRate(returnedUnits, soldUnits), reasons };
}

/**
 * Return rate (returned units ÷ units sold, both in the period, from the same sales relation
 * as the sales reports) with the reasons given and the rate per category.
 */
export async function returnsReport(rawInput: ReportPeriodInput, ctx: Pick<DomainContext, "db" | "now">): Promise<ReturnsReport> {
  const input = parseInput(ReportPeriodInput, rawInput);
  const span = { from: input.from, to: input.to };
  const scopeOf = (s: DaySpan): SalesScope => ({ span: s, locationIds: input.locationIds, channels: input.channels });
  const before = input.compare ? previousSpan(span) : null;
  const basis = await loadReportBasis(ctx.db);
  const categories = await aggregateSales(ctx.db, { ...scopeOf(span), groupBy: "category" }, { fx: basis.fx, includeTax: basis.includeTax, now: ctx.now });
  return {
    ...(await summary(ctx.db, scopeOf(span), ctx.now)),
    period: span,
    previousPeriod: before && "from" in before ? before : null,
    previous: before ? await summary(ctx.db, scopeOf(before), ctx.now) : null,
    byCategory: categories.groups
      .map((g) => ({ key: g.key, label: g.label, soldUnits: g.figures.units, returnedUnits: g.figures.returnedUnits, rate: returnRate(g.figures.returnedUnits, g.figures.units) }))
      .sort((a, b) => b.returnedUnits - a.returnedUnits || a.label.localeCompare(b.label)),
  };
}
