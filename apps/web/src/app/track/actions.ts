"use server";
import { requestReturnFromTracking, trackOrder, type TrackingReturnResult, type TrackResult } from "@oms/api";
import { headers } from "next/headers";

/** Looks an order up by number and e-mail (same answer for either being wrong; rate-limited per IP). */
export async function lookUpOrder(_previous: TrackResult | null, form: FormData): Promise<TrackResult> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  return trackOrder({ number: String(form.get("number") ?? ""), email: String(form.get("email") ?? "") }, { ip });
}

/** The customer starts a return of delivered items and gets a return label (same checks as the look-up). */
export async function startTrackingReturn(_previous: TrackingReturnResult | null, form: FormData): Promise<TrackingReturnResult> {
  const h = await headers();
  const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  const lines: { orderLineId: string; quantity: number; reason: string }[] = [];
  for (const [name, value] of form.entries()) {
    if (!name.startsWith("qty:")) continue;
    const quantity = Number(value);
    if (!Number.isInteger(quantity) || quantity <= 0) continue;
    const orderLineId = name.slice(4);
    lines.push({ orderLineId, quantity, reason: String(form.get(`reason:${orderLineId}`) ?? "OTHER") });
  }
  return requestReturnFromTracking({ number: String(form.get("number") ?? ""), email: String(form.get("email") ?? ""), lines }, { ip });
}
