import { Stack } from "@mantine/core";
import { PageHeader } from "@oms/ui";
import type { Metadata } from "next";
import { Suspense } from "react";
import { OrdersScreen } from "../../../../components/hq/orders/orders-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqOrders"))("title") };
}

/** HQ › Orders: every order of every channel and store, filtered on the server. */
export default async function OrdersPage() {
  await requireArea("hq");
  const t = await getT("hqOrders");
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      {/* The filters are read from the URL on the client. */}
      <Suspense>
        <OrdersScreen />
      </Suspense>
    </Stack>
  );
}
