import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import { assertCanAccessAnyLocation } from "../access-entities.ts";
import type { Actor } from "../context.ts";

// Store scoping of the till's rows for the router: a sale and a parked sale belong to the
// store they were rung up at (not to the stores fulfilling endless-aisle lines).

export async function assertCanAccessPosSale(actor: Actor, orderId: string, db: Tx): Promise<{ orderId: string; locationId: string }> {
  const order = await db.order.findUnique({ where: { id: orderId }, select: { id: true, channel: true, originLocationId: true } });
  if (!order || order.channel !== "POS" || !order.originLocationId) throw new AppError("NOT_FOUND", "That is not a sale rung up at a till.", { orderId });
  await assertCanAccessAnyLocation(actor, [order.originLocationId], db);
  return { orderId: order.id, locationId: order.originLocationId };
}

export async function assertCanAccessParkedSale(actor: Actor, parkedSaleId: string, db: Tx): Promise<{ parkedSaleId: string; locationId: string }> {
  const parked = await db.parkedSale.findUnique({ where: { id: parkedSaleId }, select: { id: true, locationId: true } });
  if (!parked) throw new AppError("NOT_FOUND", "That parked sale does not exist.", { parkedSaleId });
  await assertCanAccessAnyLocation(actor, [parked.locationId], db);
  return { parkedSaleId: parked.id, locationId: parked.locationId };
}
