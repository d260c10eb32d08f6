import { AppError, type ApplyTrackingResult } from "@oms/contracts";
import { applyTrackingUpdates } from "@oms/core";
import { sharedDatabase, type PrismaClient } from "@oms/db";
import type { CarrierRegistry } from "@oms/shipping";
import { processCarriers } from "./carriers.ts";

export interface HandleCarrierWebhookOptions {
  db?: PrismaClient;
  carriers?: CarrierRegistry;
  now?: Date;
}

/** Tracking calls are small; anything larger is not a carrier's. */
const MAX_BODY_BYTES = 512 * 1024;

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status });
}

/**
 * POST /api/webhooks/carriers/<code>: one endpoint per carrier. The raw body, headers and
 * query go to the carrier's adapter, which verifies them (the simulated carrier's HMAC
 * signature, Shippo's `?token=`) and reads them into tracking updates; those are applied
 * once each (a redelivered call answers 200 with `duplicates`). 404 for a carrier that is
 * not set up, 401 for a forged call, 400/413 for a body that is not a tracking call (the
 * carrier should not retry those); 503 when the database is busy (the carrier retries).
 */
export async function handleCarrierWebhook(request: Request, code: string, options: HandleCarrierWebhookOptions = {}): Promise<Response> {
  const carriers = options.carriers ?? processCarriers();
  const carrier = carriers.get(code);
  if (!carrier) return answer(404, { error: `No carrier "${code}" is set up here.` });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return answer(413, { error: "The body is too large for a tracking update." });
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return answer(413, { error: "The body is too large for a tracking update." });
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  const url = new URL(request.url);
  const query = Object.fromEntries(url.searchParams.entries());
  let updates;
  try {
    updates = carrier.parseTrackingWebhook({ body, headers, query });
  } catch (error) {
    if (AppError.isAppError(error) && error.code === "UNAUTHENTICATED") return answer(401, { error: error.message });
    if (AppError.isAppError(error)) return answer(400, { error: error.message });
    return answer(400, { error: "The body is not a tracking update this carrier sends." });
  }
  try {
    const result: ApplyTrackingResult = await applyTrackingUpdates(
      { carrier: carrier.code, updates: updates.map((u) => ({ trackingNumber: u.trackingNumber, status: u.status, detail: u.detail?.slice(0, 500) ?? null, occurredAt: u.occurredAt, location: u.location?.slice(0, 200) ?? null })) },
      { db: options.db ?? sharedDatabase().prisma, actor: { kind: "SYSTEM" }, now: options.now ?? new Date() },
    );
    return answer(200, { received: true, ...result });
  } catch (error) {
    if (AppError.isAppError(error) && error.code === "VALIDATION_FAILED") return answer(400, { error: error.message });
    if (AppError.isAppError(error) && (error.code === "CONFLICT" || error.code === "UNAVAILABLE")) return answer(503, { error: "Busy; send it again shortly." });
    console.error(`[shipping] tracking webhook of ${code} failed; the carrier will retry:`, error);
    return answer(503, { error: "The update could not be applied now; send it again later." });
  }
}
