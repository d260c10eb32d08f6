import type { Metadata } from "next";
import { LocationFormScreen } from "../../../../../components/hq/locations/location-form.tsx";
import { requireArea } from "../../../../../auth/guard.ts";
import { getT } from "../../../../../i18n/server.ts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqLocations"))("form.newTitle") };
}

/** HQ › Locations › new location. */
export default async function NewLocationPage() {
  await requireArea("hq");
  return <LocationFormScreen locationId={null} />;
}
