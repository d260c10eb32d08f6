// What "complete or absent" means for an order sent through POST /api/v1/orders, checked on
// the database after a fault: an order that exists has its lines, its fulfilment lines and
// active reservations for every unit (when ALLOCATED), its timeline and outbox rows, and the
// idempotency record that answers a retry with it; an order that does not exist left
// nothing behind (no idempotency record). Plus the ledger (verifyLedger, the function
// behind `npm run inventory:verify`) and oversell on every stock level.
import { verifyLedger } from "@oms/core";
import type { PrismaClient } from "@oms/db";
import type { OrderRequest } from "./world.ts";

interface OrderRow {
  externalId: string;
  id: string;
  status: string;
  qty: bigint;
  fo_qty: bigint;
  reserved: bigint;
  outbox: bigint;
  events: bigint;
}

export interface OrderCheck {
  problems: string[];
  /** externalId → order id of the orders that exist. */
  present: Map<string, string>;
  allocated: number;
}

export async function checkOrders(prisma: PrismaClient, requests: OrderRequest[]): Promise<OrderCheck> {
  const problems: string[] = [];
  const externalIds = requests.map((r) => r.externalId);
  const rows = await prisma.$queryRawUnsafe<OrderRow[]>(
    `SELECT o."externalId", o.id::text AS id, o.status::text AS status,
       (SELECT coalesce(sum(l.quantity), 0) FROM "OrderLine" l WHERE l."orderId" = o.id) AS qty,
       (SELECT coalesce(sum(fl.quantity), 0) FROM "FulfillmentOrderLine" fl JOIN "FulfillmentOrder" f ON f.id = fl."fulfillmentOrderId" WHERE f."orderId" = o.id) AS fo_qty,
       (SELECT coalesce(sum(r.quantity), 0) FROM "Reservation" r WHERE r."orderId" = o.id AND r.status = 'ACTIVE') AS reserved,
       (SELECT count(*) FROM "OutboxEvent" e WHERE e.payload->>'orderId' = o.id::text) AS outbox,
       (SELECT count(*) FROM "OrderEvent" e WHERE e."orderId" = o.id) AS events
     FROM "Order" o WHERE o.channel = 'WEB' AND o."externalId" = ANY($1::text[])`,
    externalIds,
  );
  const records = await prisma.idempotencyRecord.findMany({ where: { key: { in: requests.map((r) => r.idempotencyKey) } }, select: { key: true, responseStatus: true, responseBody: true } });
  const recordOf = new Map(records.map((r) => [r.key, r]));
  const byExternal = new Map<string, OrderRow[]>();
  for (const row of rows) byExternal.set(row.externalId, [...(byExternal.get(row.externalId) ?? []), row]);
  const present = new Map<string, string>();
  let allocated = 0;
  for (const request of requests) {
    const found = byExternal.get(request.externalId) ?? [];
    const record = recordOf.get(request.idempotencyKey);
    if (found.length > 1) problems.push(`${request.externalId}: ${found.length} orders (duplicate)`);
    const order = found[0];
    if (!order) {
      if (record) problems.push(`${request.externalId}: no order, but an idempotency record (status ${record.responseStatus}) was left behind`);
      continue;
    }
    present.set(request.externalId, order.id);
    const where = `${request.externalId} (${order.status})`;
    if (Number(order.qty) !== request.quantity) problems.push(`${where}: lines hold ${order.qty} units, the request ${request.quantity}`);
    if (Number(order.events) === 0) problems.push(`${where}: no timeline event`);
    if (Number(order.outbox) === 0) problems.push(`${where}: no outbox event`);
    if (!record) problems.push(`${where}: no idempotency record (a retry would create a second order)`);
    else if (record.responseStatus !== 201 || storedOrderId(record.responseBody) !== order.id) problems.push(`${where}: the idempotency record answers ${record.responseStatus} with another order`);
    if (order.status === "ALLOCATED") {
      allocated++;
      if (Number(order.fo_qty) !== request.quantity) problems.push(`${where}: fulfilment lines hold ${order.fo_qty} of ${request.quantity} units`);
      if (Number(order.reserved) !== request.quantity) problems.push(`${where}: ${order.reserved} of ${request.quantity} units reserved`);
    }
  }
  return { problems, present, allocated };
}

/** The order id in a stored idempotent response (kept as the response's JSON text). */
function storedOrderId(body: unknown): string | undefined {
  try {
    const parsed = typeof body === "string" ? (JSON.parse(body) as unknown) : body;
    return (parsed as { id?: string } | null)?.id;
  } catch {
    return undefined;
  }
}

/** Units reserved beyond on hand, over every level of the given variants (must be 0). */
export async function oversold(prisma: PrismaClient, variantIds: string[]): Promise<number> {
  const levels = await prisma.inventoryLevel.findMany({ where: { variantId: { in: variantIds } }, select: { onHand: true, reserved: true } });
  return levels.reduce((sum, l) => sum + Math.max(0, l.reserved - l.onHand) + Math.max(0, -l.onHand), 0);
}

export async function ledgerProblems(prisma: PrismaClient): Promise<string[]> {
  const { mismatches } = await verifyLedger(prisma);
  return mismatches.map((m) => `ledger: ${m.problem} variant ${m.variantId} at ${m.locationId}`);
}
