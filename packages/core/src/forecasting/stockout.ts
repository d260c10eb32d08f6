// Days to stockout and the predicted stockout date (docs/forecasting.md "Stockout").

const DAY_MS = 86_400_000;

/** Days until nothing is left to promise at the current velocity: ATP ÷ sold per day, to one decimal; null when nothing sells. */
export function daysToStockout(available: number, perDay: number): number | null {
  if (!(perDay > 0)) return null;
  return Math.round((available / perDay) * 10) / 10;
}

/**
 * The calendar day (YYYY-MM-DD in the location's time zone) on which the ATP runs out:
 * `now` + ATP ÷ sold per day. Today when nothing is left; null when nothing sells.
 */
export function stockoutDate(now: Date, available: number, perDay: number, timeZone: string): string | null {
  if (!(perDay > 0)) return null;
  const at = new Date(now.getTime() + (Math.max(0, available) / perDay) * DAY_MS);
  return localDate(at, timeZone);
}

/** YYYY-MM-DD of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
