import type { Metadata } from "next";
import { EmptyState, ErrorState } from "@oms/ui";
import { TillOrderDetail } from "../../../../../components/pos/orders/till-order-detail.tsx";
import { requireArea } from "../../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../../auth/location.ts";
import { getT } from "../../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("posOrders"))("title") };
}

/** POS › Orders › one order: lines, payments, refunds, returns; reprint and return from here. */
export default async function PosOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const user = await requireArea("pos");
  const t = await getT("posOrders");
  const home = await loadHomeLocation(user);
  if (home.status === "failed") return <ErrorState title={t("gate.loadFailed")} message={t("gate.loadFailedHint")} />;
  if (home.status === "none") return <EmptyState title={t("gate.noStore")} description={t("gate.noStoreHint")} />;
  const { location } = home;
  const { orderId } = await params;
  return <TillOrderDetail orderId={orderId} store={{ id: location.id, name: location.name, currency: location.currency, locale: location.locale, timeZone: location.timeZone }} />;
}
