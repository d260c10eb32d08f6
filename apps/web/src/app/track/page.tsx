import type { Metadata } from "next";
import { getLocale, getT } from "../../i18n/server.ts";
import { TrackScreen } from "./track-screen.tsx";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("track");
  return { title: t("title"), robots: { index: false } };
}

/** Public order tracking: order number + e-mail; no session needed. */
export default async function TrackPage() {
  return <TrackScreen locale={await getLocale()} />;
}
