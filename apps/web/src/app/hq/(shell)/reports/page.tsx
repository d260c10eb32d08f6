import type { Metadata } from "next";
import { Suspense } from "react";
import { ReportsScreen } from "../../../../components/hq/reports/reports-screen.tsx";
import { requireArea } from "../../../../auth/guard.ts";
import { getT } from "../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqReports"))("title") };
}

/** HQ › Reports: sales, products, sell-through, returns and fulfilment times over a period. */
export default async function ReportsPage() {
  await requireArea("hq");
  // The period is read from the URL on the client.
  return (
    <Suspense>
      <ReportsScreen />
    </Suspense>
  );
}
