// The carrier's daily cut-off in the location's own time zone: an order that arrives before
// today's cut-off should leave with today's collection, a later one with tomorrow's.

function wallParts(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return { year: +parts.year!, month: +parts.month!, day: +parts.day!, hour: +parts.hour!, minute: +parts.minute!, second: +parts.second! };
}

/** The UTC instant of a wall-clock time in `timeZone` (DST-safe: the offset is taken at that moment). */
export function zonedInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const wall = wallParts(new Date(guess), timeZone);
  const offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - guess;
  const first = guess - offset;
  // Re-check once across a DST change.
  const again = wallParts(new Date(first), timeZone);
  const offset2 = Date.UTC(again.year, again.month - 1, again.day, again.hour, again.minute, again.second) - first;
  return new Date(guess - offset2);
}

export function parseCutoff(cutoffTime: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(cutoffTime);
  if (!match) return { hour: 23, minute: 59 };
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Today's cut-off (in `timeZone`) as of `at`. */
export function cutoffOn(at: Date, cutoffTime: string, timeZone: string): Date {
  const { year, month, day } = wallParts(at, timeZone);
  const { hour, minute } = parseCutoff(cutoffTime);
  return zonedInstant(year, month, day, hour, minute, timeZone);
}

/** The collection an order that arrived at `arrivedAt` should leave with. */
export function shipByFor(arrivedAt: Date, cutoffTime: string, timeZone: string): Date {
  const today = cutoffOn(arrivedAt, cutoffTime, timeZone);
  if (arrivedAt.getTime() < today.getTime()) return today;
  // Noon tomorrow is safely "the next local day" whatever the offset.
  const { year, month, day } = wallParts(arrivedAt, timeZone);
  const tomorrow = new Date(Date.UTC(year, month - 1, day + 1, 12));
  return cutoffOn(zonedInstant(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate(), 12, 0, timeZone), cutoffTime, timeZone);
}
