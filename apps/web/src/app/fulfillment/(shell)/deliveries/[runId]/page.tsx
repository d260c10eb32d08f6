import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeliveryRunDriver } from "../../../../../components/fulfillment/delivery-run-driver.tsx";
import { requireArea } from "../../../../../auth/guard.ts";
import { loadHomeLocation } from "../../../../../auth/location.ts";
import { getT } from "../../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("deliveryRuns"))("title") };
}

/** The driver's view of one run (phone or tablet). */
export default async function DeliveryRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const user = await requireArea("fulfillment");
  const { runId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(runId)) notFound();
  const home = await loadHomeLocation(user);
  const locale = home.status === "ok" ? home.location.locale : "en";
  const timeZone = home.status === "ok" ? home.location.timeZone : "UTC";
  return <DeliveryRunDriver runId={runId} locale={locale} timeZone={timeZone} />;
}
