import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VariantScreen } from "../../../../../components/hq/inventory/variant-screen.tsx";
import { requireArea } from "../../../../../auth/guard.ts";
import { getT } from "../../../../../i18n/server.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqInventory"))("variant.pageTitle") };
}

/** HQ › Inventory › one variant at every location, its ledger and purchase orders (loaded on the client). */
export default async function VariantPage({ params }: { params: Promise<{ variantId: string }> }) {
  await requireArea("hq");
  const { variantId } = await params;
  if (!uuid.test(variantId)) notFound();
  return <VariantScreen variantId={variantId} />;
}
