import { dateTimeText, type DateTimeStyle } from "./format.ts";

export interface DateTimeProps {
  value: Date | string | number;
  /** IANA time zone of the location the moment belongs to, e.g. "Europe/Warsaw". */
  timeZone: string;
  locale: string;
  /** @default "datetime" */
  format?: DateTimeStyle;
}

/** A moment in the location's time zone, in a <time> element with the exact UTC value. */
export function DateTime({ value, timeZone, locale, format = "datetime" }: DateTimeProps) {
  const date = value instanceof Date ? value : new Date(value);
  const iso = Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {dateTimeText(date, timeZone, locale, format)}
    </time>
  );
}
