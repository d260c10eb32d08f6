import type { Metadata } from "next";
import { OverviewScreen } from "../../../components/hq/overview/overview-screen.tsx";
import { requireArea } from "../../../auth/guard.ts";
import { getT } from "../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqOverview"))("title") };
}

/** HQ › Overview: today's sales, open orders, late orders, tasks and low stock, live. */
export default async function HqHome() {
  await requireArea("hq");
  return <OverviewScreen />;
}
