import type { Prisma, ReservationStatus, Tx } from "@oms/db";
import { byLockOrder } from "./levels.ts";

export interface ReservationSelector {
  reservationIds?: string[];
  orderId?: string;
  fulfillmentOrderLineIds?: string[];
}

/**
 * Moves matching ACTIVE reservations to `status` and returns what they held, grouped by
 * level in lock order. The status change is a conditional update, so two commands racing
 * for the same reservation cannot both use it.
 */
export async function claimActiveReservations(
  tx: Tx,
  selector: ReservationSelector,
  status: Exclude<ReservationStatus, "ACTIVE">,
  now: Date,
): Promise<{ ids: string[]; units: number; groups: { locationId: string; variantId: string; quantity: number }[] }> {
  const where: Prisma.ReservationWhereInput = { status: "ACTIVE" };
  if (selector.reservationIds) where.id = { in: selector.reservationIds };
  if (selector.orderId) where.orderId = selector.orderId;
  if (selector.fulfillmentOrderLineIds) where.fulfillmentOrderLineId = { in: selector.fulfillmentOrderLineIds };
  const candidates = await tx.reservation.findMany({ where, orderBy: { id: "asc" } });
  if (candidates.length === 0) return { ids: [], units: 0, groups: [] };
  const ids = candidates.map((r) => r.id);
  const claimed = await tx.reservation.updateManyAndReturn({
    where: { id: { in: ids }, status: "ACTIVE" },
    data: { status, updatedAt: now },
  });
  const groups = new Map<string, { locationId: string; variantId: string; quantity: number }>();
  for (const r of claimed) {
    const key = `${r.locationId}:${r.variantId}`;
    const g = groups.get(key) ?? { locationId: r.locationId, variantId: r.variantId, quantity: 0 };
    g.quantity += r.quantity;
    groups.set(key, g);
  }
  return {
    ids: claimed.map((r) => r.id),
    units: claimed.reduce((s, r) => s + r.quantity, 0),
    groups: [...groups.values()].sort(byLockOrder),
  };
}
