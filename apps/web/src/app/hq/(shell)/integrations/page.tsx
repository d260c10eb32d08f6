import { Stack, Text, Title } from "@mantine/core";
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
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Text c="dimmed" maw={820}>
          {t("intro")}
        </Text>
      </Stack>
      <IntegrationsScreen timeZone={home.status === "ok" ? home.location.timeZone : null} />
    </Stack>
  );
}
