import type { Metadata } from "next";
import { AreaOverview } from "../../../components/area-overview.tsx";
import { requireArea } from "../../../auth/guard.ts";
import { getT } from "../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("areas"))("pos") };
}

export default async function PosHome() {
  // The layout checked already; pages check again because they can render without it (RSC requests).
  const user = await requireArea("pos");
  return <AreaOverview area="pos" user={user} />;
}
