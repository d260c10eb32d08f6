import { Stack } from "@mantine/core";
import type { Metadata } from "next";
import { InventoryScreen } from "../../../../components/hq/inventory/inventory-screen.tsx";
import { InventoryHeader } from "../../../../components/hq/inventory/page-headers.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqInventory"))("title") };
}

/** HQ › Inventory: every variant × location (docs/hq-inventory.md). */
export default async function InventoryPage() {
  await requireArea("hq");
  return (
    <Stack gap="lg">
      <InventoryHeader />
      <InventoryScreen />
    </Stack>
  );
}
