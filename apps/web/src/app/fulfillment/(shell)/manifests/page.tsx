import { Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { ManifestsScreen } from "../../../../components/fulfillment/manifests-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";
import { loadWorkLocations } from "../../../../components/fulfillment/work-locations.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("fulfillment"))("manifests.title") };
}

/** End of day: close each carrier's manifest (the hand-over to the driver) and see earlier ones. */
export default async function ManifestsPage() {
  const user = await requireArea("fulfillment");
  const t = await getT("fulfillment");
  const { home, locations } = await loadWorkLocations(user);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t("manifests.title")}
        </Title>
        <Text c="dimmed" maw={820}>
          {t("manifests.intro")}
        </Text>
      </Stack>
      <ManifestsScreen homeLocationId={home?.id ?? null} locations={locations} />
    </Stack>
  );
}
