import { Stack, Text, Title } from "@mantine/core";
import type { Metadata } from "next";
import { BenchScreen } from "../../../components/fulfillment/bench-screen.tsx";
import { requireArea } from "../../../auth/guard.ts";
import { getT } from "../../../i18n/server.ts";
import { loadWorkLocations } from "../../../components/fulfillment/work-locations.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("fulfillment"))("title") };
}

/** The packing bench: this location's SHIP and DELIVERY orders, picked, packed, labelled and handed over. */
export default async function FulfillmentPage() {
  const user = await requireArea("fulfillment");
  const t = await getT("fulfillment");
  const { home, locations } = await loadWorkLocations(user);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} size="h2">
          {t("title")}
        </Title>
        <Text c="dimmed" maw={820}>
          {t("intro", { location: home?.name ?? "—" })}
        </Text>
      </Stack>
      <BenchScreen meId={user.id} homeLocationId={home?.id ?? null} locations={locations} />
    </Stack>
  );
}
