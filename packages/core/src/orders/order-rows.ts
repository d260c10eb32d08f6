import { AppError, OrderAddress, OrderRoutingTrace, type FulfillmentType } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";

export const orderWithLines = {
  lines: { orderBy: { lineNo: "asc" } },
  payments: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.OrderInclude;

export type OrderWithLines = Prisma.OrderGetPayload<{ include: typeof orderWithLines }>;

/** Reads an order with its lines and payments, or fails with NOT_FOUND. */
export async function loadOrder(tx: Tx, orderId: string): Promise<OrderWithLines> {
  const order = await tx.order.findUnique({ where: { id: orderId }, include: orderWithLines });
  if (!order) throw new AppError("NOT_FOUND", "That order does not exist.", { orderId });
  return order;
}

/**
 * Locks the order row for the rest of the transaction, so two commands on one order run
 * one after the other (and the later one sees the earlier one's lines and status).
 */
export async function lockOrder(tx: Tx, orderId: string): Promise<OrderWithLines> {
  await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${orderId}::uuid FOR UPDATE`;
  return loadOrder(tx, orderId);
}

export interface FulfillmentRequest {
  fulfillmentType: FulfillmentType;
  /** PICKUP / CARRY_OUT: the store the customer comes to. */
  locationId: string | null;
}

/** Order.routingTrace, parsed; a missing trace means an order made before routing existed. */
export function readRoutingTrace(order: { routingTrace: unknown }): OrderRoutingTrace {
  const parsed = OrderRoutingTrace.safeParse(order.routingTrace);
  if (parsed.success) return parsed.data;
  return { request: { fulfillmentType: "SHIP", locationId: null }, runs: [] };
}

export function fulfillmentRequest(order: { routingTrace: unknown }): FulfillmentRequest {
  return readRoutingTrace(order).request;
}

export function readAddress(order: { shippingAddress: unknown }): OrderAddress | null {
  if (order.shippingAddress === null || order.shippingAddress === undefined) return null;
  const parsed = OrderAddress.safeParse(order.shippingAddress);
  return parsed.success ? parsed.data : null;
}

export const isStoreBound = (type: FulfillmentType) => type === "PICKUP" || type === "CARRY_OUT";

/** Who fixes problems with an order: the manager of its store, or HQ for remote orders. */
export function responsibleFor(order: { originLocationId: string | null; routingTrace: unknown }): {
  assigneeRole: "MANAGER" | "ADMIN";
  locationId: string | null;
} {
  const request = fulfillmentRequest(order);
  const locationId = (isStoreBound(request.fulfillmentType) ? request.locationId : null) ?? order.originLocationId;
  return locationId ? { assigneeRole: "MANAGER", locationId } : { assigneeRole: "ADMIN", locationId: null };
}

/** Units of each order line not yet placed with a location (nor cancelled). */
export async function unplacedUnits(tx: Tx, order: OrderWithLines): Promise<Map<string, number>> {
  const placed = await tx.fulfillmentOrderLine.findMany({
    where: { fulfillmentOrder: { orderId: order.id, status: { notIn: ["REJECTED", "CANCELLED"] } } },
    select: { orderLineId: true, quantity: true, quantityRejected: true },
  });
  const byLine = new Map<string, number>();
  for (const p of placed) byLine.set(p.orderLineId, (byLine.get(p.orderLineId) ?? 0) + p.quantity - p.quantityRejected);
  const result = new Map<string, number>();
  for (const line of order.lines) {
    const open = line.quantity - line.quantityCancelled - (byLine.get(line.id) ?? 0);
    if (open > 0) result.set(line.id, open);
  }
  return result;
}

export interface SlaSettings {
  pickupReadySlaHours: number;
  shipSlaDays: number;
}

export async function slaSettings(tx: Tx): Promise<SlaSettings> {
  const settings = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { pickupReadySlaHours: true, shipSlaDays: true } });
  return settings ?? { pickupReadySlaHours: 4, shipSlaDays: 2 };
}

/** When the store must have the goods ready (pickup) or on their way (shipping). */
export function slaDeadline(placedAt: Date, type: FulfillmentType, sla: SlaSettings): Date {
  const hours = isStoreBound(type) ? sla.pickupReadySlaHours : sla.shipSlaDays * 24;
  return new Date(placedAt.getTime() + hours * 3_600_000);
}
