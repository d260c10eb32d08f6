// Shared by createReturn and createExchange: lock the order, check and book the returned
// units, put sellable units back on the shelf. Internal to the returns module.
import { AppError, type ItemCondition, type ReturnLineResult, type ReturnReason } from "@oms/contracts";
import type { OrderStatus, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { changeOnHand, inventoryEvent } from "../inventory/index.ts";
import { transitionOrder } from "../orders/index.ts";
import type { OutboxMessage } from "../shared/outbox.ts";
import { refundForUnits } from "./refund-amounts.ts";

export interface LockedOrder {
  id: string;
  number: string;
  channel: string;
  status: OrderStatus;
  currency: string;
  customerId: string | null;
  customerName: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Locks the order row for the rest of the transaction. Every return of the order takes
 * this lock first, so two returns of the last unit run one after the other and the second
 * sees the first's quantities (READ COMMITTED reads fresh data after the lock).
 */
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT "id", "number", "channel"::text AS "channel", "status"::text AS "status", "currency",
           "customerId", "customerName", "email", "phone"
    FROM "Order" WHERE "id" = ${orderId}::uuid FOR UPDATE`;
  const order = rows[0];
  if (!order) {
    throw new AppError("NOT_FOUND", "orderId: That order does not exist.", { fields: [{ path: ["orderId"], message: "No such order" }] });
  }
  return order;
}

export interface ReceivingLocation {
  id: string;
  code: string;
  name: string;
  currency: string;
  kind: string;
  pricesIncludeTax: boolean;
  taxRateBps: number;
  reducedTaxRateBps: number;
}

export async function loadLocation(tx: Tx, locationId: string): Promise<ReceivingLocation> {
  const location = await tx.location.findUnique({
    where: { id: locationId },
    select: { id: true, code: true, name: true, currency: true, kind: true, pricesIncludeTax: true, taxRateBps: true, reducedTaxRateBps: true, active: true },
  });
  if (!location || !location.active) {
    throw new AppError("NOT_FOUND", "locationId: That location does not exist or is closed.", {
      fields: [{ path: ["locationId"], message: "No such location" }],
    });
  }
  return location;
}

export interface ReturnLineRequest {
  orderLineId: string;
  quantity: number;
  reason: ReturnReason;
  condition: ItemCondition;
}

export interface PlannedLine extends ReturnLineRequest {
  variantId: string;
  sku: string;
  name: string;
  refundAmount: number;
}

/** Checks every requested line against the order's quantities; returns the refund per line. */
export async function planReturnLines(tx: Tx, order: LockedOrder, requests: ReturnLineRequest[]): Promise<PlannedLine[]> {
  const orderLines = await tx.orderLine.findMany({ where: { orderId: order.id } });
  const byId = new Map(orderLines.map((l) => [l.id, l]));
  return requests.map((request, index) => {
    const line = byId.get(request.orderLineId);
    if (!line) {
      throw new AppError("NOT_FOUND", `lines.${index}.orderLineId: That line is not part of order ${order.number}.`, {
        fields: [{ path: ["lines", index, "orderLineId"], message: `Not a line of order ${order.number}` }],
      });
    }
    const notCancelled = line.quantity - line.quantityCancelled - line.quantityReturned;
    const delivered = line.quantityFulfilled - line.quantityReturned;
    const returnable = Math.max(0, Math.min(notCancelled, delivered));
    if (request.quantity > returnable) {
      const why =
        delivered < notCancelled
          ? `bought ${line.quantity}, handed over ${line.quantityFulfilled}, already returned ${line.quantityReturned}`
          : `bought ${line.quantity}, cancelled ${line.quantityCancelled}, already returned ${line.quantityReturned}`;
      throw new AppError(
        "VALIDATION_FAILED",
        `lines.${index}.quantity: Only ${returnable} × ${line.name} (${line.sku}) can be returned from order ${order.number} (${why}); ${request.quantity} requested.`,
        {
          fields: [{ path: ["lines", index, "quantity"], message: `At most ${returnable} can be returned` }],
          orderLineId: line.id,
          sku: line.sku,
          returnable,
          requested: request.quantity,
        },
      );
    }
    return {
      ...request,
      variantId: line.variantId,
      sku: line.sku,
      name: line.name,
      refundAmount: refundForUnits(line.total, line.quantity, line.quantityReturned, request.quantity),
    };
  });
}

/**
 * Writes the return lines, raises OrderLine.quantityReturned (conditionally: the CHECK and
 * this WHERE are a second guard behind the order lock) and restocks sellable units at the
 * receiving location through the ledger. Returns the lines and the timeline sentences.
 */
export async function bookReturnLines(
  tx: Tx,
  args: { order: LockedOrder; location: ReceivingLocation; returnId: string; lines: PlannedLine[] },
  ctx: DomainContext,
): Promise<{ lines: ReturnLineResult[]; sentences: string[]; events: OutboxMessage[] }> {
  const { order, location, returnId } = args;
  const results: ReturnLineResult[] = [];
  const sentences: string[] = [];
  for (const line of args.lines) {
    const updated = await tx.$executeRaw`
      UPDATE "OrderLine" SET "quantityReturned" = "quantityReturned" + ${line.quantity}
      WHERE "id" = ${line.orderLineId}::uuid
        AND "quantityReturned" + ${line.quantity} <= "quantityFulfilled"
        AND "quantityCancelled" + "quantityReturned" + ${line.quantity} <= "quantity"`;
    if (updated !== 1) {
      throw new AppError("CONFLICT", `${line.name} (${line.sku}) was returned by someone else just now. Reload the order and try again.`, {
        retryable: true,
        orderLineId: line.orderLineId,
      });
    }
    const row = await tx.returnLine.create({
      data: {
        returnId,
        orderLineId: line.orderLineId,
        variantId: line.variantId,
        quantity: line.quantity,
        reason: line.reason,
        condition: line.condition,
        refundAmount: line.refundAmount,
      },
    });
    const restocked = line.condition === "SELLABLE";
    results.push({
      id: row.id,
      orderLineId: line.orderLineId,
      variantId: line.variantId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      reason: line.reason,
      condition: line.condition,
      refundAmount: line.refundAmount,
      restocked,
    });
    const item = `${line.quantity} × ${line.name} (${line.sku})`;
    sentences.push(
      restocked
        ? `${item} received at ${location.name}: restocked`
        : line.condition === "DAMAGED"
          ? `${item} received damaged at ${location.name}: not restocked`
          : `${item} received at ${location.name} for a quality check: not restocked`,
    );
  }

  // Restock in the lock order every stock command uses (location, then variant).
  const restock = args.lines.filter((l) => l.condition === "SELLABLE").sort((a, b) => a.variantId.localeCompare(b.variantId));
  const events: OutboxMessage[] = [];
  for (const line of restock) {
    const level = await changeOnHand(
      tx,
      {
        variantId: line.variantId,
        locationId: location.id,
        delta: line.quantity,
        kind: "RETURN_RESTOCK",
        refs: { returnId, orderId: order.id },
      },
      ctx,
    );
    events.push(inventoryEvent(level));
  }
  return { lines: results, sentences, events };
}

/**
 * PARTIALLY_RETURNED or RETURNED once goods of a fulfilled order come back. An order still
 * being fulfilled keeps its status: the return shows on its timeline and lines.
 */
export async function updateOrderAfterReturn(tx: Tx, order: LockedOrder, ctx: DomainContext): Promise<OrderStatus> {
  const returnableStates: OrderStatus[] = ["FULFILLED", "COMPLETED", "PARTIALLY_RETURNED"];
  if (!returnableStates.includes(order.status)) return order.status;
  const lines = await tx.orderLine.findMany({ where: { orderId: order.id }, select: { quantityFulfilled: true, quantityReturned: true } });
  const fulfilled = lines.reduce((s, l) => s + l.quantityFulfilled, 0);
  const returned = lines.reduce((s, l) => s + l.quantityReturned, 0);
  const next: OrderStatus = returned >= fulfilled ? "RETURNED" : "PARTIALLY_RETURNED";
  if (next === order.status) return next;
  // The orders state machine checks the move and updates conditionally (we hold the lock).
  await transitionOrder(tx, order, next, ctx);
  return next;
}
