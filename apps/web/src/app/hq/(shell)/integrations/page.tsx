import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { IntegrationsScreen } from "../../../../components/integrations/integrations-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("integrations"))("title") };
}

/** HQ › Integrations: API keys of the public channel API and the webhook delivery log. */
export default async function IntegrationsPage() {
  const user = await requireArea("hq");
  const t = await getT("integrations");
  const home = await loadHomeLocation(user);
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <IntegrationsScreen timeZone={home.status === "ok" ? home.location.timeZone : null} />
    </Stack>
  );
}
