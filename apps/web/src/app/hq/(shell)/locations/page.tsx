import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import { IconPlus } from "@tabler/icons-react";
import type { Metadata } from "next";
import { LocationsScreen } from "../../../../components/hq/locations/locations-screen.tsx";
import { ButtonLink } from "../../../../components/links.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqLocations"))("title") };
}

/** HQ › Locations: the network's stores, warehouses and suppliers; each opens its edit page. */
export default async function LocationsPage() {
  await requireArea("hq");
  const t = await getT("hqLocations");
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <ButtonLink href="/hq/locations/new" size="md" leftSection={<IconPlus size={18} aria-hidden />}>
            {t("new")}
          </ButtonLink>
        }
      />
      <LocationsScreen />
    </Stack>
  );
}
