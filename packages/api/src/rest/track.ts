import { TrackOrderInput, type TrackedOrder } from "@oms/contracts";
import { sharedDatabase, type PrismaClient } from "@oms/db";
import { fieldIssuesOf, validationMessage } from "../errors.ts";
import { trackedParcels } from "../tracking/tracked-parcels.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";

export type TrackResult = { ok: true; order: TrackedOrder } | { ok: false; code: "NOT_FOUND" | "RATE_LIMITED" | "VALIDATION_FAILED"; message: string; retryAfterSeconds?: number };

/** 10 look-ups at once, then one every 6 seconds, per client IP (per process). */
const trackLimiter: RateLimiter = createRateLimiter({ capacity: 10, refillPerSecond: 1 / 6 });

const NOT_FOUND = "We could not find an order with this number and e-mail address. Check both and try again.";

/**
 * The public order tracking page's look-up: order number + the e-mail on the order. A
 * wrong number and a wrong e-mail give the same answer, so the page cannot be used to
 * learn whether an order exists; only this order's status, locations and promises are
 * returned (no names, addresses, prices or other orders). Rate-limited per IP.
 */
export async function trackOrder(
  rawInput: unknown,
  options: { ip?: string | null; db?: PrismaClient; now?: Date; rateLimiter?: RateLimiter } = {},
): Promise<TrackResult> {
  const limiter = options.rateLimiter ?? trackLimiter;
  const limited = limiter.take(`track:${options.ip ?? "unknown"}`, (options.now ?? new Date()).getTime());
  if (!limited.ok) return { ok: false, code: "RATE_LIMITED", message: `Too many look-ups. Please wait ${limited.retryAfterSeconds} seconds and try again.`, retryAfterSeconds: limited.retryAfterSeconds };
  const parsed = TrackOrderInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: "VALIDATION_FAILED", message: validationMessage(fieldIssuesOf(parsed.error) ?? []) };
  const db = options.db ?? sharedDatabase().prisma;
  const order = await db.order.findUnique({
    where: { number: parsed.data.number.toUpperCase() },
    select: {
      id: true,
      number: true,
      status: true,
      email: true,
      placedAt: true,
      promisedAt: true,
      fulfillmentOrders: {
        orderBy: { number: "asc" },
        where: { status: { notIn: ["CANCELLED", "REJECTED"] } },
        select: {
          type: true,
          status: true,
          pickupCode: true,
          promisedAt: true,
          location: { select: { name: true, addressLine1: true, postalCode: true, city: true } },
          shipments: { where: { isReturnLabel: false, status: { notIn: ["LABEL_PENDING", "CANCELLED"] } }, select: { carrier: true, trackingNumber: true } },
        },
      },
    },
  });
  const email = parsed.data.email.trim().toLowerCase();
  if (!order || !order.email || order.email.trim().toLowerCase() !== email) return { ok: false, code: "NOT_FOUND", message: NOT_FOUND };
  return {
    ok: true,
    order: {
      number: order.number,
      status: order.status,
      placedAt: order.placedAt.toISOString(),
      promisedAt: order.promisedAt?.toISOString() ?? null,
      fulfillments: order.fulfillmentOrders.map((f) => ({
        type: f.type,
        status: f.status,
        locationName: f.location.name,
        locationAddress: f.type === "PICKUP" ? `${f.location.addressLine1}, ${f.location.postalCode} ${f.location.city}` : null,
        pickupCode: f.type === "PICKUP" && f.status === "READY_FOR_PICKUP" ? f.pickupCode : null,
        trackingNumbers: f.shipments,
        promisedAt: f.promisedAt?.toISOString() ?? null,
      })),
      parcels: await trackedParcels(db, order.id),
    },
  };
}

