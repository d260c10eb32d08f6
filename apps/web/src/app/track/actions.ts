"use server";
import { trackOrder, type TrackResult } from "@oms/api";
import { headers } from "next/headers";

/** Looks an order up by number and e-mail (same answer for either being wrong; rate-limited per IP). */
export async function lookUpOrder(_previous: TrackResult | null, form: FormData): Promise<TrackResult> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  return trackOrder({ number: String(form.get("number") ?? ""), email: String(form.get("email") ?? "") }, { ip });
}
