import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
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
      <PageHeader title={t("title")} intro={t("intro", { location: home?.name ?? "—" })} />
      <BenchScreen meId={user.id} homeLocationId={home?.id ?? null} locations={locations} />
    </Stack>
  );
}
