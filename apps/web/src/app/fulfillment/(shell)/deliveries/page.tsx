import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { DeliveryRunsScreen } from "../../../../components/fulfillment/delivery-runs-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { getT } from "../../../../i18n/server.ts";
import { serverCaller } from "../../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("deliveryRuns"))("title") };
}

/** Local delivery: plan runs from packed delivery orders and follow them. */
export default async function DeliveriesPage() {
  const user = await requireArea("fulfillment");
  const t = await getT("deliveryRuns");
  const home = await loadHomeLocation(user);
  const locations =
    home.status === "ok"
      ? [{ id: home.location.id, name: home.location.name, timeZone: home.location.timeZone, locale: home.location.locale }]
      : (await (await serverCaller(user)).locations.list()).map((l) => ({ id: l.id, name: l.name, timeZone: l.timeZone, locale: l.locale }));
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("subtitle")} />
      <DeliveryRunsScreen homeLocationId={home.status === "ok" ? home.location.id : null} locations={locations} />
    </Stack>
  );
}
