import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LocationFormScreen } from "../../../../../components/hq/locations/location-form.tsx";
import { requireArea } from "../../../../../auth/guard.ts";
import { getT } from "../../../../../i18n/server.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("hqLocations"))("form.pageTitle") };
}

/** HQ › Locations › one location: every field, the opening hours and the history link. */
export default async function LocationPage({ params }: { params: Promise<{ locationId: string }> }) {
  await requireArea("hq");
  const { locationId } = await params;
  if (!uuid.test(locationId)) notFound();
  return <LocationFormScreen locationId={locationId} />;
}
