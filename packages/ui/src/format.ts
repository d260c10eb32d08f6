import { formatMoney } from "@oms/contracts";

/** Money for people: minor units in the currency's own precision, in the given locale. */
export function moneyText(amount: number, currency: string, locale: string): string {
  return formatMoney(amount, currency, locale);
}

export type DateTimeStyle = "date" | "time" | "datetime";

const styles: Record<DateTimeStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" },
  time: { timeStyle: "short" },
  datetime: { dateStyle: "medium", timeStyle: "short" },
};

/** A moment shown in a location's time zone (the database keeps UTC). */
export function dateTimeText(value: Date | string | number, timeZone: string, locale: string, style: DateTimeStyle = "datetime"): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale, { ...styles[style], timeZone }).format(date);
}
