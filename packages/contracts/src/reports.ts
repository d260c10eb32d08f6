import { z } from "zod";
import { Channel } from "./enums.ts";

// Inputs of HQ reports (docs/hq-reports.md). A period is a range of calendar days, both
// ends included; each location's sales fall on the days of its own time zone.

/** The longest period a report covers (a leap year). */
export const REPORT_MAX_DAYS = 366;

const DAY_MS = 86_400_000;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-12-01" as the UTC midnight that names it, or null when it is not a real date. */
export function parseDay(day: string): Date | null {
  if (!dayPattern.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : date;
}

/** The day `days` after `day` (negative: before), as yyyy-mm-dd. */
export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  if (!date) throw new Error(`Not a day: ${day}`);
  return new Date(date.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysInPeriod(from: string, to: string): number {
  return Math.round((parseDay(to)!.getTime() - parseDay(from)!.getTime()) / DAY_MS) + 1;
}

/** The period of equal length that ends the day before `from` (period-over-period). */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const length = daysInPeriod(period.from, period.to);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

const Day = (label: string) => z.string({ message: `Enter the ${label} date` }).refine((d) => parseDay(d) !== null, `The ${label} date must be a real date written yyyy-mm-dd`);

const periodShape = {
  from: Day("start"),
  to: Day("end"),
  /** Only these locations (sales attributed to them, returns taken there); all when absent. */
  locationIds: z.array(z.uuid({ message: "Choose a location" })).max(200).optional(),
  channels: z.array(Channel).max(5).optional(),
};

type PeriodFields = { from: string; to: string };
const periodChecks = <T extends PeriodFields>(p: T, ctx: z.RefinementCtx) => {
  const from = parseDay(p.from);
  const to = parseDay(p.to);
  if (!from || !to) return;
  if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must be on or after the start date" });
  else if (daysInPeriod(p.from, p.to) > REPORT_MAX_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `A report covers at most ${REPORT_MAX_DAYS} days; choose a shorter period` });
};

export const ReportPeriodInput = z.object({ ...periodShape, compare: z.boolean().default(false) }).superRefine(periodChecks);
export type ReportPeriodInput = z.input<typeof ReportPeriodInput>;

export const SalesGroupBy = z.enum(["day", "channel", "location", "product", "category"]);
export type SalesGroupBy = z.infer<typeof SalesGroupBy>;

export const SalesSortField = z.enum(["key", "net", "gross", "tax", "returns", "units", "orders", "averageBasket"]);
export type SalesSortField = z.infer<typeof SalesSortField>;

export const SalesReportInput = z
  .object({
    ...periodShape,
    compare: z.boolean().default(false),
    groupBy: SalesGroupBy,
    /** Rows (groups) whose name contains this text (products, categories, locations). */
    search: z.string().trim().min(1).max(200).optional(),
    sort: z.object({ field: SalesSortField, desc: z.boolean() }).optional(),
    page: z.number().int().min(0).max(10_000).default(0),
    /** Days and channels come whole; products and categories page. */
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .superRefine(periodChecks);
export type SalesReportInput = z.input<typeof SalesReportInput>;

export const SellThroughInput = z
  .object({
    ...periodShape,
    groupBy: z.enum(["product", "category"]).default("product"),
    search: z.string().trim().min(1).max(200).optional(),
    sort: z.object({ field: z.enum(["key", "sold", "onHandAtEnd", "sellThrough"]), desc: z.boolean() }).optional(),
    page: z.number().int().min(0).max(10_000).default(0),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .superRefine(periodChecks);
export type SellThroughInput = z.input<typeof SellThroughInput>;

/** Which report a CSV holds (/hq/reports/export/<report>). */
export const ReportKind = z.enum(["sales-day", "sales-channel", "sales-location", "sales-product", "sales-category", "sell-through", "returns", "fulfilment"]);
export type ReportKind = z.infer<typeof ReportKind>;

export const ReportExportInput = z.object({ ...periodShape, report: ReportKind, compare: z.boolean().default(false) }).superRefine(periodChecks);
export type ReportExportInput = z.input<typeof ReportExportInput>;

/** A figure against the previous period: the difference and the ratio (null: nothing before to compare with; 0 → 0 is no change). */
export function changeOf(current: number, previous: number | null | undefined): { diff: number; ratio: number | null } | null {
  if (previous === null || previous === undefined) return null;
  if (previous === 0) return { diff: current, ratio: current === 0 ? 0 : null };
  return { diff: current - previous, ratio: (current - previous) / Math.abs(previous) };
}
