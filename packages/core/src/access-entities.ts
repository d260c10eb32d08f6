// Store scoping for things that belong to a location through their own row (an order, a
// fulfillment order, a task, a transfer, a cycle count): NOT_FOUND when it does not exist,
// FORBIDDEN "You can only work with <home store>." when it is another store's. ADMIN, API
// keys and the system pass, as in access.ts. Each returns the location ids it checked.
import { AppError } from "@oms/contracts";
import type { Tx } from "@oms/db";
import { assertCanAccessLocation, canAccessLocation } from "./access.ts";
import type { Actor } from "./context.ts";

async function homeName(actor: Actor, db: Tx): Promise<string | undefined> {
  const homeId = actor.kind === "USER" ? actor.user.locationId : null;
  if (!homeId) return undefined;
  const home = await db.location.findUnique({ where: { id: homeId }, select: { name: true } });
  return home?.name;
}

/**
 * Passes when the actor may work with at least one of `locationIds` (e.g. either end of a
 * transfer); FORBIDDEN naming the person's own store otherwise.
 */
export async function assertCanAccessAnyLocation(actor: Actor, locationIds: (string | null)[], db: Tx): Promise<void> {
  if (actor.kind !== "USER" || actor.user.role === "ADMIN") return;
  const ids = locationIds.filter((id): id is string => id !== null);
  if (ids.some((id) => canAccessLocation(actor, id))) return;
  // The message names the person's own store; the first location stands for "not yours".
  assertCanAccessLocation(actor, ids[0] ?? "", await homeName(actor, db));
  throw new AppError("FORBIDDEN", "You can only work with your own store.");
}

export interface OrderLocations {
  orderId: string;
  originLocationId: string | null;
  /** Where its fulfillment orders are (any status). */
  fulfillmentLocationIds: string[];
}

/** An order belongs to its till store and to every store fulfilling part of it. */
export async function assertCanAccessOrder(actor: Actor, orderId: string, db: Tx): Promise<OrderLocations> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { id: true, originLocationId: true, fulfillmentOrders: { select: { locationId: true } } },
  });
  if (!order) throw new AppError("NOT_FOUND", "That order does not exist.", { orderId });
  const fulfillmentLocationIds = [...new Set(order.fulfillmentOrders.map((f) => f.locationId))];
  await assertCanAccessAnyLocation(actor, [order.originLocationId, ...fulfillmentLocationIds], db);
  return { orderId: order.id, originLocationId: order.originLocationId, fulfillmentLocationIds };
}

export async function assertCanAccessFulfillmentOrder(actor: Actor, fulfillmentOrderId: string, db: Tx): Promise<{ fulfillmentOrderId: string; locationId: string; orderId: string }> {
  const fulfillment = await db.fulfillmentOrder.findUnique({ where: { id: fulfillmentOrderId }, select: { id: true, locationId: true, orderId: true } });
  if (!fulfillment) throw new AppError("NOT_FOUND", "That fulfillment order does not exist.", { fulfillmentOrderId });
  await assertCanAccessAnyLocation(actor, [fulfillment.locationId], db);
  return { fulfillmentOrderId: fulfillment.id, locationId: fulfillment.locationId, orderId: fulfillment.orderId };
}

/**
 * A task at a store belongs to that store; a task without a location (HQ's) only to
 * ADMIN. Whether the person's role may resolve it is the caller's rule (`assigneeRole`).
 */
export async function assertCanAccessTask(actor: Actor, taskId: string, db: Tx): Promise<{ taskId: string; locationId: string | null; assigneeRole: string }> {
  const task = await db.task.findUnique({ where: { id: taskId }, select: { id: true, locationId: true, assigneeRole: true } });
  if (!task) throw new AppError("NOT_FOUND", "That task does not exist.", { taskId });
  if (task.locationId === null) {
    if (actor.kind === "USER" && actor.user.role !== "ADMIN") {
      throw new AppError("FORBIDDEN", "This task is for head office: only an administrator can work on it.", { taskId });
    }
  } else {
    await assertCanAccessAnyLocation(actor, [task.locationId], db);
  }
  return { taskId: task.id, locationId: task.locationId, assigneeRole: task.assigneeRole };
}

export type TransferSide = "from" | "to" | "either";

/** A transfer at its sending (`from`), receiving (`to`) or either end. */
export async function assertCanAccessTransfer(
  actor: Actor,
  transferId: string,
  side: TransferSide,
  db: Tx,
): Promise<{ transferId: string; fromLocationId: string; toLocationId: string }> {
  const transfer = await db.transfer.findUnique({ where: { id: transferId }, select: { id: true, fromLocationId: true, toLocationId: true } });
  if (!transfer) throw new AppError("NOT_FOUND", "That transfer does not exist.", { transferId });
  const ids = side === "from" ? [transfer.fromLocationId] : side === "to" ? [transfer.toLocationId] : [transfer.fromLocationId, transfer.toLocationId];
  await assertCanAccessAnyLocation(actor, ids, db);
  return { transferId: transfer.id, fromLocationId: transfer.fromLocationId, toLocationId: transfer.toLocationId };
}

export async function assertCanAccessCycleCount(actor: Actor, cycleCountId: string, db: Tx): Promise<{ cycleCountId: string; locationId: string }> {
  const count = await db.cycleCount.findUnique({ where: { id: cycleCountId }, select: { id: true, locationId: true } });
  if (!count) throw new AppError("NOT_FOUND", "That cycle count does not exist.", { cycleCountId });
  await assertCanAccessAnyLocation(actor, [count.locationId], db);
  return { cycleCountId: count.id, locationId: count.locationId };
}
