import type { Metadata } from "next";
import { EmptyState, ErrorState } from "@oms/ui";
import { OrdersScreen } from "../../../../components/pos/orders/orders-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("posOrders"))("title") };
}

/** POS › Orders: the store's recent sales, and any order by receipt, number or customer. */
export default async function PosOrdersPage() {
  const user = await requireArea("pos");
  const t = await getT("posOrders");
  const home = await loadHomeLocation(user);
  if (home.status === "failed") return <ErrorState title={t("gate.loadFailed")} message={t("gate.loadFailedHint")} />;
  if (home.status === "none") return <EmptyState title={t("gate.noStore")} description={t("gate.noStoreHint")} />;
  const { location } = home;
  return <OrdersScreen store={{ id: location.id, name: location.name, currency: location.currency, locale: location.locale, timeZone: location.timeZone }} />;
}
