"use client";
// The client side of i18n: one IntlProvider in the root layout; components call
// `useTranslations("namespace")` from use-intl.
import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";
import type { AppLocale, Messages } from "./config.ts";

export function I18nProvider({ locale, messages, children }: { locale: AppLocale; messages: Messages; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </IntlProvider>
  );
}
