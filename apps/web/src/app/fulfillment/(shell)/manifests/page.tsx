import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
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
      <PageHeader title={t("manifests.title")} intro={t("manifests.intro")} />
      <ManifestsScreen homeLocationId={home?.id ?? null} locations={locations} />
    </Stack>
  );
}
