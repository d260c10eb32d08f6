"use client";
import { DirectionProvider, MantineProvider, createTheme } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import type { ReactNode } from "react";
import type { AppLocale, Messages } from "../i18n/config.ts";
import { I18nProvider } from "../i18n/client.tsx";
import { TrpcQueryProvider } from "../trpc/client.tsx";
import { LiveProvider } from "../realtime/live-provider.tsx";

const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
});

export function Providers({ locale, messages, dir, children }: { locale: AppLocale; messages: Messages; dir: "ltr" | "rtl"; children: ReactNode }) {
  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" />
        <I18nProvider locale={locale} messages={messages}>
          <TrpcQueryProvider>
            <LiveProvider>{children}</LiveProvider>
          </TrpcQueryProvider>
        </I18nProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
