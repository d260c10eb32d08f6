import type { Metadata } from "next";
import { AreaOverview } from "../../../components/area-overview.tsx";
import { requireArea } from "../../../auth/guard.ts";
import { getT } from "../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("areas"))("pickup") };
}

export default async function PickupHome() {
  const user = await requireArea("pickup");
  return <AreaOverview area="pickup" user={user} />;
}
