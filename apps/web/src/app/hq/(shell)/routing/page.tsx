import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { RoutingScreen } from "../../../../components/hq/routing/routing-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqRouting"))("title") };
}

/** HQ › Routing: the rules that decide where orders are fulfilled, a simulator and a replay of recent orders. */
export default async function RoutingPage() {
  await requireArea("hq");
  const t = await getT("hqRouting");
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <RoutingScreen />
    </Stack>
  );
}
