import { PageHeader } from "@oms/ui";
import { Stack } from "@mantine/core";
import type { Metadata } from "next";
import { ForecastScreen } from "../../../../components/hq/forecast/forecast-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqForecast"))("title") };
}

/** HQ › Forecast: velocity, days of cover, stockout dates and replenishment (docs/forecasting.md). */
export default async function ForecastPage() {
  await requireArea("hq");
  const t = await getT("hqForecast");
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ForecastScreen />
    </Stack>
  );
}
