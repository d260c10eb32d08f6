import "@mantine/core/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/notifications/styles.css";
import { mantineHtmlProps } from "@mantine/core";
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
      {/* No ColorSchemeScript: the app is light only (mantineHtmlProps sets it), and the
          script in <head> trips React's "script tag" warning when forbidden()/notFound()
          re-render the root on the client. Add it back together with a dark scheme. */}
      <body>
        <Providers locale={locale} messages={messages} dir={dir}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
