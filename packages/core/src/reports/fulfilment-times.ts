import { ReportPeriodInput } from "@oms/contracts";
import { Prisma } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { inSpanSql, localDaySql, previousSpan, spanWindow, type DaySpan } from "./period.ts";

export const FULFILMENT_MEASURES = ["orderToReady", "orderToShipped", "readyToCollected"] as const;
export type FulfilmentMeasure = (typeof FULFILMENT_MEASURES)[number];

export interface DurationStats {
  /** Fulfillment orders measured. */
  count: number;
  /** Seconds; null without any. */
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

export interface FulfilmentTimesRow extends DurationStats {
  measure: FulfilmentMeasure;
  /** null: the whole network. */
  locationId: string | null;
  locationName: string | null;
}

export interface FulfilmentTimesReport {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string } | null;
  /** The network's three measures, then each location's. */
  network: FulfilmentTimesRow[];
  byLocation: FulfilmentTimesRow[];
  previous: FulfilmentTimesRow[] | null;
}

/**
 * For each measure: the start and end instants, from stored timestamps. A fulfillment order
 * counts in the period in which the measured step ended, on its location's calendar.
 */
const measures: Record<FulfilmentMeasure, { start: Prisma.Sql; end: Prisma.Sql }> = {
  orderToReady: { start: Prisma.sql`o."placedAt"`, end: Prisma.sql`f."readyAt"` },
  orderToShipped: { start: Prisma.sql`o."placedAt"`, end: Prisma.sql`f."shippedAt"` },
  readyToCollected: { start: Prisma.sql`f."readyAt"`, end: Prisma.sql`f."pickedUpAt"` },
};

async function times(db: DomainContext["db"], span: DaySpan, locationIds: readonly string[] | undefined, now: Date): Promise<FulfilmentTimesRow[]> {
  const { lo, hi } = spanWindow(span, now);
  const tz = Prisma.sql`l."timeZone"`;
  const locations = locationIds && locationIds.length > 0 ? Prisma.sql`f."locationId" IN (${Prisma.join(locationIds.map((id) => Prisma.sql`${id}::uuid`))})` : Prisma.sql`TRUE`;
  const parts = FULFILMENT_MEASURES.map((measure) => {
    const { start, end } = measures[measure];
    return Prisma.sql`
      SELECT ${measure}::text AS "measure", f."locationId", l."name" AS "locationName", EXTRACT(EPOCH FROM (${end} - ${start}))::float8 AS "seconds"
      FROM "FulfillmentOrder" f
      JOIN "Order" o ON o."id" = f."orderId"
      JOIN "Location" l ON l."id" = f."locationId"
      WHERE ${end} IS NOT NULL AND ${start} IS NOT NULL AND ${end} >= ${lo} AND ${end} < ${hi} AND ${end} >= ${start} AND ${locations}
        AND ${inSpanSql(localDaySql(end, tz), tz, span, now)}`;
  });
  const rows = await db.$queryRaw<{ isNetwork: number; measure: FulfilmentMeasure; locationId: string | null; locationName: string | null; count: number; p50: number | null; p90: number | null; mean: number | null }[]>`
    SELECT GROUPING(d."locationId")::int AS "isNetwork", d."measure", d."locationId", d."locationName",
           COUNT(*)::int AS "count",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY d."seconds") AS "p50",
           percentile_cont(0.9) WITHIN GROUP (ORDER BY d."seconds") AS "p90",
           AVG(d."seconds")::float8 AS "mean"
    FROM (${Prisma.join(parts, " UNION ALL ")}) d
    GROUP BY GROUPING SETS ((d."measure"), (d."measure", d."locationId", d."locationName"))`;
  const whole = (n: number | null) => (n === null ? null : Math.round(n));
  return rows.map((r) => ({
    measure: r.measure,
    locationId: r.isNetwork ? null : r.locationId,
    locationName: r.isNetwork ? null : r.locationName,
    count: r.count,
    p50: whole(r.p50),
    p90: whole(r.p90),
    mean: whole(r.mean),
  }));
}

const empty = (measure: FulfilmentMeasure): FulfilmentTimesRow => ({ measure, locationId: null, locationName: null, count: 0, p50: null, p90: null, mean: null });
const networkOf = (rows: FulfilmentTimesRow[]) => FULFILMENT_MEASURES.map((m) => rows.find((r) => r.locationId === null && r.measure === m) ?? empty(m));

/**
 * Fulfilment times (docs/hq-reports.md): p50, p90 and mean seconds of order → ready (pickups),
 * order → shipped and ready → collected, for the network and per location, summed in the
 * database with percentile_cont (linear interpolation between the two nearest values).
 */
export async function fulfilmentTimesReport(rawInput: ReportPeriodInput, ctx: Pick<DomainContext, "db" | "now">): Promise<FulfilmentTimesReport> {
  const input = parseInput(ReportPeriodInput, rawInput);
  const span = { from: input.from, to: input.to };
  const before = input.compare ? previousSpan(span) : null;
  const current = await times(ctx.db, span, input.locationIds, ctx.now);
  const previous = before ? networkOf(await times(ctx.db, before, input.locationIds, ctx.now)) : null;
  return {
    period: span,
    previousPeriod: before && "from" in before ? before : null,
    network: networkOf(current),
    byLocation: current
      .filter((r) => r.locationId !== null)
      .sort((a, b) => (a.locationName ?? "").localeCompare(b.locationName ?? "") || FULFILMENT_MEASURES.indexOf(a.measure) - FULFILMENT_MEASURES.indexOf(b.measure)),
    previous,
  };
}
