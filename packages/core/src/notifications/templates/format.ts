import { formatMoney } from "@oms/contracts";

/** Money, dates and numbers in the location's locale, currency and time zone (Intl). */
export interface Formatter {
  locale: string;
  timeZone: string;
  money(amount: number, currency?: string): string;
  dateTime(date: Date): string;
  date(date: Date): string;
}

export function createFormatter(locale: string, timeZone: string, currency: string): Formatter {
  const safeLocale = supportedLocale(locale);
  const safeZone = supportedTimeZone(timeZone);
  const dateTime = new Intl.DateTimeFormat(safeLocale, { dateStyle: "medium", timeStyle: "short", timeZone: safeZone });
  const date = new Intl.DateTimeFormat(safeLocale, { dateStyle: "long", timeZone: safeZone });
  return {
    locale: safeLocale,
    timeZone: safeZone,
    money: (amount, code = currency) => formatMoney(amount, code, safeLocale),
    dateTime: (d) => dateTime.format(d),
    date: (d) => date.format(d),
  };
}

// A location row with a typo in its locale must not stop its customers' receipts.
function supportedLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? "en";
  } catch {
    return "en";
  }
}

function supportedTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Every value that came from a person (names, notes, reasons) goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Tagged template that escapes interpolations unless they are already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = string | number | SafeHtml | null | undefined | false | HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}
