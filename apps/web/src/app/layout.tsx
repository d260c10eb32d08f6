import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { ColorSchemeScript, mantineHtmlProps } from "@mantine/core";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getIntlConfig, getT } from "../i18n/server.ts";
import { Providers } from "./providers.tsx";

const rightToLeft = new Set(["ar", "he", "fa", "ur"]);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, messages } = await getIntlConfig();
  const dir = rightToLeft.has(locale.split("-")[0] ?? "") ? "rtl" : "ltr";
  return (
    <html lang={locale} dir={dir} {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" />
      </head>
      <body>
        <Providers locale={locale} messages={messages} dir={dir}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
