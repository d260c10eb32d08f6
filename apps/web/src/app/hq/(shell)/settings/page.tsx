import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { SettingsScreen } from "../../../../components/hq/settings/settings-form.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("settings"))("title") };
}

/** HQ › Settings: the organisation's SLAs, unclaimed-pickup timings, till thresholds and reporting. */
export default async function SettingsPage() {
  await requireArea("hq");
  const t = await getT("settings");
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <SettingsScreen />
    </Stack>
  );
}
