import type { Metadata } from "next";
import { EmptyState, ErrorState } from "@oms/ui";
import { SaleGate } from "../../../../components/pos/sale/sale-gate.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { getT } from "../../../../i18n/server.ts";
import { serverCaller } from "../../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("posSale"))("title") };
}

/** POS › New sale: the till of the store's open register session. */
export default async function SalePage() {
  const user = await requireArea("pos");
  const t = await getT("posSale");
  const home = await loadHomeLocation(user);
  if (home.status === "failed") return <ErrorState title={t("gate.loadFailed")} message={t("gate.loadFailedHint")} />;
  // The till sells for one store: HQ staff without a store sign in at the store's device.
  if (home.status === "none") return <EmptyState title={t("gate.noStore")} description={t("gate.noStoreHint")} />;
  const { location } = home;
  const registers = await (await serverCaller(user)).registers.list({ locationId: location.id });
  return (
    <SaleGate
      userId={user.id}
      store={{ id: location.id, name: location.name, countryCode: location.countryCode, currency: location.currency, locale: location.locale, timeZone: location.timeZone }}
      initialRegisters={registers}
    />
  );
}
