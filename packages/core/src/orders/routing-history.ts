import type { FulfillmentType } from "@oms/contracts";
import { Prisma, type Tx } from "@oms/db";
import type { RoutingLine } from "../routing/index.ts";
import { isStoreBound, readAddress, readRoutingTrace } from "./order-rows.ts";

/** A placed order as the routing replay needs it: what was asked for, not what happened. */
export interface RoutableOrder {
  id: string;
  number: string;
  placedAt: Date;
  channel: "POS" | "WEB" | "MARKETPLACE" | "SOCIAL" | "PHONE";
  fulfillmentType: FulfillmentType;
  /** PICKUP: the store the customer chose. */
  pickupLocationId: string | null;
  countryCode: string | null;
  destination: { latitude: number; longitude: number } | null;
  /** Ordered units net of cancelled ones. */
  lines: RoutingLine[];
  /** Stock the order holds itself (active reservations of an open order): available to it when routed again. */
  held: { locationId: string; variantId: string; quantity: number }[];
}

/**
 * The orders placed in [from, to), newest first, at most `take`, that routing decides for:
 * not drafts, and not carry-out sales (the customer took the goods at the till). The
 * request comes from the stored routing trace, or, for orders without one (imported
 * history, the demo seed), from their first fulfillment order.
 */
export async function loadRoutableOrders(tx: Tx, window: { from: Date; to: Date; take: number }): Promise<{ total: number; truncated: boolean; orders: RoutableOrder[] }> {
  const where: Prisma.OrderWhereInput = {
    placedAt: { gte: window.from, lt: window.to },
    status: { not: "DRAFT" },
    OR: [
      // A missing path compares as NULL, so untraced orders fall to the second branch.
      { routingTrace: { path: ["request", "fulfillmentType"], not: "CARRY_OUT" } },
      { routingTrace: { equals: Prisma.AnyNull }, fulfillmentOrders: { some: { type: { not: "CARRY_OUT" } } } },
    ],
  };
  const [total, rows] = await Promise.all([tx.order.count({ where }), tx.order.findMany({
    where,
    take: window.take,
    orderBy: [{ placedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      number: true,
      placedAt: true,
      channel: true,
      shippingAddress: true,
      routingTrace: true,
      lines: { select: { id: true, variantId: true, quantity: true, quantityCancelled: true }, orderBy: { lineNo: "asc" } },
      fulfillmentOrders: { select: { type: true, locationId: true }, orderBy: { createdAt: "asc" }, take: 1 },
      reservations: { where: { status: "ACTIVE" }, select: { locationId: true, variantId: true, quantity: true } },
    },
  })]);
  const routable: RoutableOrder[] = [];
  for (const row of rows) {
    const fo = row.fulfillmentOrders[0];
    const request =
      row.routingTrace !== null ? readRoutingTrace(row).request : fo ? { fulfillmentType: fo.type, locationId: isStoreBound(fo.type) ? fo.locationId : null } : null;
    if (!request || request.fulfillmentType === "CARRY_OUT") continue;
    const lines = row.lines
      .map((l) => ({ lineId: l.id, variantId: l.variantId, quantity: l.quantity - l.quantityCancelled }))
      .filter((l) => l.quantity > 0);
    if (lines.length === 0) continue;
    const address = readAddress(row);
    routable.push({
      id: row.id,
      number: row.number,
      placedAt: row.placedAt,
      channel: row.channel,
      fulfillmentType: request.fulfillmentType,
      pickupLocationId: request.locationId,
      countryCode: address?.countryCode || null,
      destination: address && typeof address.latitude === "number" && typeof address.longitude === "number" ? { latitude: address.latitude, longitude: address.longitude } : null,
      lines,
      held: row.reservations,
    });
  }
  return { total, truncated: total > window.take, orders: routable };
}
