import { AppError, TrackingReturnInput } from "@oms/contracts";
import { sharedDatabase, type PrismaClient } from "@oms/db";
import { fieldIssuesOf, validationMessage } from "../errors.ts";
import { trackOrder, type TrackResult } from "../rest/track.ts";
import type { RateLimiter } from "../rest/rate-limit.ts";
import { startReturnWithLabel } from "./return-labels.ts";
import type { CarrierRegistry } from "@oms/shipping";

/** The re-read after the return is part of the same look-up: not counted again. */
const alreadyCounted: RateLimiter = { take: () => ({ ok: true }) };

export type TrackingReturnResult = TrackResult & { returnMessage?: { ok: boolean; text: string } };

/**
 * The customer starts a return on the tracking page: the order number and e-mail are
 * checked exactly as the look-up does (same answer for either wrong, rate-limited), then a
 * requested return with a return label is opened for the chosen delivered items. The
 * answer is the refreshed tracking view, with the label ready to print or the reason it
 * is not (the return stays; the label can be asked for again by staff).
 */
export async function requestReturnFromTracking(
  rawInput: unknown,
  options: { ip?: string | null; db?: PrismaClient; now?: Date; rateLimiter?: RateLimiter; carriers?: CarrierRegistry } = {},
): Promise<TrackingReturnResult> {
  const parsed = TrackingReturnInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: "VALIDATION_FAILED", message: validationMessage(fieldIssuesOf(parsed.error) ?? []) };
  const db = options.db ?? sharedDatabase().prisma;
  const found = await trackOrder({ number: parsed.data.number, email: parsed.data.email }, options);
  if (!found.ok) return found;
  const order = await db.order.findUniqueOrThrow({ where: { number: found.order.number }, select: { id: true } });
  let returnMessage: { ok: boolean; text: string };
  try {
    const started = await startReturnWithLabel(
      { orderId: order.id, lines: parsed.data.lines, returnLabel: true, refundMethod: "ORIGINAL_PAYMENT" },
      { db, actor: { kind: "SYSTEM" }, now: options.now ?? new Date() },
      "CUSTOMER",
      options.carriers,
    );
    returnMessage = started.label ? { ok: true, text: started.number } : { ok: false, text: started.labelError ?? started.number };
  } catch (error) {
    if (!AppError.isAppError(error)) throw error;
    returnMessage = { ok: false, text: error.message.replace(/^lines\.\d+\.quantity: /, "") };
  }
  const refreshed = await trackOrder({ number: parsed.data.number, email: parsed.data.email }, { ...options, rateLimiter: alreadyCounted });
  return { ...refreshed, returnMessage };
}
