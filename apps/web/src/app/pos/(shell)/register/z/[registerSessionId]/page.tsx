import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZReportScreen } from "../../../../../../components/pos/register/z-report-screen.tsx";
import { requireArea } from "../../../../../../auth/guard.ts";
import { getT } from "../../../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("registers"))("report.zShort") };
}

/** POS › Register › Z report of a closed session, to read or print again. */
export default async function ZReportPage({ params }: { params: Promise<{ registerSessionId: string }> }) {
  await requireArea("pos");
  const { registerSessionId } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(registerSessionId)) notFound();
  return <ZReportScreen registerSessionId={registerSessionId} />;
}
