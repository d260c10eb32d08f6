import { Stack } from "@mantine/core";
import type { Metadata } from "next";
import { PurchaseOrdersScreen } from "../../../../../components/hq/inventory/purchase-orders-screen.tsx";
import { PurchaseOrdersHeader } from "../../../../../components/hq/inventory/page-headers.tsx";
import { requireArea } from "../../../../../auth/guard.ts";
import { getT } from "../../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqInventory"))("po.title") };
}

/** HQ › Inventory › Purchase orders: mark ordered, receive (in part), cancel. */
export default async function PurchaseOrdersPage() {
  await requireArea("hq");
  return (
    <Stack gap="lg">
      <PurchaseOrdersHeader />
      <PurchaseOrdersScreen />
    </Stack>
  );
}
