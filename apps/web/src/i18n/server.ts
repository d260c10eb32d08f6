// Translations for server components and route handlers.
import { cookies } from "next/headers";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { LOCALE_COOKIE, loadMessages, resolveLocale, type AppLocale, type Messages } from "./config.ts";

/** The reader's locale for this request (cookie; later the user's and store's setting). */
export async function getLocale(): Promise<AppLocale> {
  const jar = await cookies();
  return resolveLocale([jar.get(LOCALE_COOKIE)?.value]);
}

type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/** `const t = await getT("login"); t("title")` — typed keys, ICU messages. */
export async function getT<N extends Namespace>(namespace: N) {
  const locale = await getLocale();
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace });
}

/** Locale and the whole catalogue, for the client IntlProvider in the root layout. */
export async function getIntlConfig(): Promise<{ locale: AppLocale; messages: Messages }> {
  const locale = await getLocale();
  return { locale, messages: await loadMessages(locale) };
}
