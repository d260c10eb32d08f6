// Locales the UI is translated into. Adding one: put messages/<locale>.json next to en.json
// (same keys), add it to `catalogs` below. The locale of a request comes from the
// LOCALE_COOKIE (later: the user's or the location's locale), falling back to English.
import type en from "../../messages/en.json";

export type Messages = typeof en;

const catalogs = {
  en: () => import("../../messages/en.json").then((module) => module.default as Messages),
} satisfies Record<string, () => Promise<Messages>>;

export type AppLocale = keyof typeof catalogs;
export const locales = Object.keys(catalogs) as AppLocale[];
export const defaultLocale: AppLocale = "en";
export const LOCALE_COOKIE = "oms-locale";

function isLocale(value: string): value is AppLocale {
  return (locales as string[]).includes(value);
}

/** The first candidate we have messages for ("pl-PL" matches "pl"), else the default. */
export function resolveLocale(candidates: readonly (string | null | undefined)[]): AppLocale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    const tag = candidate.trim();
    if (isLocale(tag)) return tag;
    const language = tag.split(/[-_]/)[0]?.toLowerCase() ?? "";
    if (isLocale(language)) return language;
  }
  return defaultLocale;
}

export function loadMessages(locale: AppLocale): Promise<Messages> {
  return catalogs[locale]();
}
