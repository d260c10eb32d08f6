import type { Metadata } from "next";
import { EmptyState, ErrorState } from "@oms/ui";
import { ReturnsScreen } from "../../../../components/pos/returns/returns-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../auth/location.ts";
import { getT } from "../../../../i18n/server.ts";
import { serverCaller } from "../../../../trpc/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("posReturns"))("title") };
}

/** POS › Returns: returns and exchanges at the till for an order of any channel. */
export default async function ReturnsPage({ searchParams }: { searchParams: Promise<{ order?: string }> }) {
  const user = await requireArea("pos");
  const t = await getT("posReturns");
  const home = await loadHomeLocation(user);
  if (home.status === "failed") return <ErrorState title={t("gate.loadFailed")} message={t("gate.loadFailedHint")} />;
  // Goods come back at a store: HQ staff without one sign in at the store's device.
  if (home.status === "none") return <EmptyState title={t("gate.noStore")} description={t("gate.noStoreHint")} />;
  const { location } = home;
  const registers = await (await serverCaller(user)).registers.list({ locationId: location.id });
  const { order } = await searchParams;
  return (
    <ReturnsScreen
      user={{ id: user.id, name: user.name }}
      store={{ id: location.id, name: location.name, currency: location.currency, locale: location.locale, timeZone: location.timeZone }}
      initialRegisters={registers}
      initialOrderId={order && /^[0-9a-f-]{36}$/i.test(order) ? order : null}
    />
  );
}
