import type { Metadata } from "next";
import { getLocale } from "../../i18n/server.ts";
import trackMessages from "../../../messages/en.track.json";
import { TrackScreen } from "./track-screen.tsx";

export const metadata: Metadata = { title: trackMessages.track.title, robots: { index: false } };

/** Public order tracking: order number + e-mail; no session needed. */
export default async function TrackPage() {
  return <TrackScreen locale={await getLocale()} />;
}
