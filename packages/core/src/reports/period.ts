import { addDays, previousPeriod } from "@oms/contracts";
import { Prisma } from "@oms/db";

/**
 * The days a report covers. Every location counts on its own calendar (its time zone), so
 * "1 December" is a different UTC window in Lisbon and in Warsaw; rows without a location
 * use UTC. `from`/`to` are calendar days (both included); `today` is the current day of each
 * location at `ctx.now`, `today: 1` the day before it (the overview's "yesterday").
 */
export type DaySpan = { from: string; to: string } | { today: number };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The time zone rows without a location (an unrouted web order) count in. */
export const FALLBACK_TIME_ZONE = "UTC";

/**
 * A UTC window that surely contains the span in every time zone (offsets run from −12 h to
 * +14 h, plus an hour of slack), so the exact per-location test runs on an index range.
 */
export function spanWindow(span: DaySpan, now: Date): { lo: Date; hi: Date } {
  if ("today" in span) {
    const back = span.today * DAY;
    return { lo: new Date(now.getTime() - back - DAY - 2 * HOUR), hi: new Date(now.getTime() - back + DAY + 2 * HOUR) };
  }
  return {
    lo: new Date(Date.parse(`${span.from}T00:00:00Z`) - 15 * HOUR),
    hi: new Date(Date.parse(`${addDays(span.to, 1)}T00:00:00Z`) + 13 * HOUR),
  };
}

/** The calendar day of `instant` in `timeZone` (both SQL expressions). */
export const localDaySql = (instant: Prisma.Sql, timeZone: Prisma.Sql): Prisma.Sql => Prisma.sql`((${instant}) AT TIME ZONE ${timeZone})::date`;

/** Whether the local day `day` (an SQL date) lies in the span, for a row in `timeZone`. */
export function inSpanSql(day: Prisma.Sql, timeZone: Prisma.Sql, span: DaySpan, now: Date): Prisma.Sql {
  if ("today" in span) return Prisma.sql`${day} = ((${now}::timestamptz AT TIME ZONE ${timeZone})::date - ${span.today}::int)`;
  return Prisma.sql`${day} BETWEEN ${span.from}::date AND ${span.to}::date`;
}

/** The instant the span ends at a location: local midnight after its last day (or now for today). */
export function spanEndSql(span: DaySpan, timeZone: Prisma.Sql, now: Date): Prisma.Sql {
  if ("today" in span) return span.today === 0 ? Prisma.sql`${now}::timestamptz` : Prisma.sql`((((${now}::timestamptz AT TIME ZONE ${timeZone})::date - ${span.today - 1}::int))::timestamp AT TIME ZONE ${timeZone})`;
  return Prisma.sql`((${addDays(span.to, 1)}::date)::timestamp AT TIME ZONE ${timeZone})`;
}

/** The span of equal length just before (yesterday for today). */
export function previousSpan(span: DaySpan): DaySpan {
  return "today" in span ? { today: span.today + 1 } : previousPeriod(span);
}
