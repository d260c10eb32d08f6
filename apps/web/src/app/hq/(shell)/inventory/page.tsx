import { Stack } from "@mantine/core";
import type { Metadata } from "next";
import { InventoryScreen } from "../../../../components/hq/inventory/inventory-screen.tsx";
import { InventoryHeader } from "../../../../components/hq/inventory/page-headers.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqInventory"))("title") };
}

/**
 * HQ › Inventory: every variant × location (docs/hq-inventory.md). `?stock=LOW` or
 * `?stock=ZERO` opens it filtered (the overview's low-stock alert links here).
 */
export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea("hq");
  const { stock } = await searchParams;
  const initialStock = stock === "LOW" || stock === "ZERO" ? stock : "ALL";
  return (
    <Stack gap="lg">
      <InventoryHeader />
      <InventoryScreen initialStock={initialStock} />
    </Stack>
  );
}
