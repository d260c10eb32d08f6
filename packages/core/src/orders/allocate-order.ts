import { randomInt } from "node:crypto";
import { AppError, type OrderRoutingTrace, type RoutingResult } from "@oms/contracts";
import type { FulfillmentOrder, Prisma, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { reserveStock } from "../inventory/index.ts";
import { routeOrder, type RoutingLine } from "../routing/index.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { holdOrder, type HoldReason } from "./hold-order.ts";
import { readRoutingTrace, responsibleFor, slaDeadline, slaSettings, unplacedUnits, type OrderWithLines } from "./order-rows.ts";
import { loadRoutingInput } from "./routing-input.ts";
import { transitionOrder } from "./state-machine.ts";
import { syncOrderStatus } from "./sync-status.ts";
import { closeTasks, createTask } from "./tasks.ts";
import { fulfillmentChanged, orderChanged, recordOrderEvent } from "./timeline.ts";

export interface Placement {
  ok: boolean;
  created: FulfillmentOrder[];
  problem: HoldReason | null;
}

/** Six random digits the customer shows at the counter. */
export function newPickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** Locations that rejected lines of this order: re-routing must not choose them again. */
async function rejectingLocations(tx: Tx, orderId: string): Promise<string[]> {
  const rows = await tx.fulfillmentOrder.findMany({
    where: { orderId, OR: [{ status: "REJECTED" }, { lines: { some: { quantityRejected: { gt: 0 } } } }] },
    select: { locationId: true },
  });
  return [...new Set(rows.map((r) => r.locationId))];
}

/**
 * Routes the order's unplaced units and creates a fulfillment order per assignment,
 * reserving stock for STOCK assignments: all or nothing. If stock moved since it was read
 * (INSUFFICIENT_STOCK), the reservations are rolled back to a savepoint and the order is
 * routed once more; the second failure is reported as a problem. Each run is appended to
 * Order.routingTrace. Does not change the order's status.
 */
export async function placeOpenUnits(order: OrderWithLines, ctx: DomainContext, reason: string): Promise<Placement> {
  const tx = ctx.db;
  const open = await unplacedUnits(tx, order);
  if (open.size === 0) return { ok: true, created: [], problem: null };
  const lines: RoutingLine[] = order.lines.filter((l) => open.has(l.id)).map((l) => ({ lineId: l.id, variantId: l.variantId, quantity: open.get(l.id)! }));
  const excluded = await rejectingLocations(tx, order.id);
  const trace = readRoutingTrace(await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { routingTrace: true } }));
  const sla = await slaSettings(tx);
  let placement: Placement = { ok: false, created: [], problem: null };

  for (let attempt = 1; attempt <= 2; attempt++) {
    const input = await loadRoutingInput(tx, order, lines, ctx.now, excluded);
    const result = routeOrder(input);
    trace.runs.push({ at: ctx.now.toISOString(), reason: attempt === 1 ? reason : `${reason} (again: stock moved while reserving)`, ...result });
    if (result.outcome !== "ROUTED") {
      placement = { ok: false, created: [], problem: unplacedProblem(order, result) };
      break;
    }
    await tx.$executeRawUnsafe("SAVEPOINT oms_place_units");
    try {
      const created = await createFulfillmentOrders(order, result, ctx, sla);
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT oms_place_units");
      placement = { ok: true, created, problem: null };
      break;
    } catch (error) {
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT oms_place_units");
      if (!(AppError.isAppError(error) && error.code === "INSUFFICIENT_STOCK")) throw error;
      if (attempt === 2) {
        placement = {
          ok: false,
          created: [],
          problem: {
            ...responsibleFor(order),
            code: "STOCK_AVAILABLE",
            title: "Not enough stock",
            instruction: `The stock for this order was taken by other orders while it was being allocated (${error.message}). Bring stock in or agree a change with the customer, then resolve this task.`,
          },
        };
      }
    }
  }
  await tx.order.update({ where: { id: order.id }, data: { routingTrace: trace as unknown as Prisma.InputJsonValue, updatedAt: ctx.now } });
  return placement;
}

function unplacedProblem(order: OrderWithLines, result: RoutingResult): HoldReason {
  const items = result.unassigned.map((u) => {
    const line = order.lines.find((l) => l.id === u.lineId);
    return `${u.quantity} × ${line?.name ?? "item"} (${line?.sku ?? u.variantId})`;
  });
  return {
    ...responsibleFor(order),
    code: "ROUTING_FAILED",
    title: "No location can fulfil the order",
    instruction:
      `No location can fulfil ${items.join(", ")}` +
      (result.outcome === "PARTIALLY_ROUTED" ? " (the rest could have been placed, so nothing was reserved)" : "") +
      ". See the routing trace for why each location was not chosen; bring stock in or agree a change with the customer, then resolve this task.",
    data: { unassigned: result.unassigned },
  };
}

async function createFulfillmentOrders(
  order: OrderWithLines,
  result: RoutingResult,
  ctx: DomainContext,
  sla: Awaited<ReturnType<typeof slaSettings>>,
): Promise<FulfillmentOrder[]> {
  const tx = ctx.db;
  let seq = await tx.fulfillmentOrder.count({ where: { orderId: order.id } });
  const created: FulfillmentOrder[] = [];
  for (const assignment of result.assignments) {
    seq += 1;
    const fulfillment = await tx.fulfillmentOrder.create({
      data: {
        number: `${order.number}-F${seq}`,
        orderId: order.id,
        locationId: assignment.locationId,
        type: assignment.type,
        pickupCode: assignment.type === "PICKUP" ? newPickupCode() : null,
        promisedAt: slaDeadline(order.placedAt, assignment.type, sla),
        createdAt: ctx.now,
        lines: { create: assignment.lines.map((l) => ({ orderLineId: l.lineId, variantId: l.variantId, quantity: l.quantity })) },
      },
      include: { lines: true },
    });
    if (assignment.source === "STOCK") {
      await reserveStock(
        {
          orderId: order.id,
          lines: fulfillment.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity, locationId: fulfillment.locationId, fulfillmentOrderLineId: l.id })),
        },
        ctx,
      );
    }
    created.push(fulfillment);
  }
  return created;
}

/** Writes the pick task, timeline line and live event for each new fulfillment order. */
export async function announceFulfillmentOrders(order: OrderWithLines, created: FulfillmentOrder[], ctx: DomainContext): Promise<void> {
  const tx = ctx.db;
  const paid = order.paymentStatus === "PAID" || order.paymentStatus === "AUTHORIZED" || order.paymentStatus === "PAY_AT_PICKUP";
  for (const fulfillment of created) {
    const location = await tx.location.findUniqueOrThrow({ where: { id: fulfillment.locationId }, select: { name: true, code: true } });
    const units = await tx.fulfillmentOrderLine.aggregate({ where: { fulfillmentOrderId: fulfillment.id }, _sum: { quantity: true } });
    const n = units._sum.quantity ?? 0;
    if (paid && fulfillment.type !== "CARRY_OUT") {
      await createTask(
        tx,
        {
          kind: "PICK",
          code: "PICK",
          title: `Pick ${fulfillment.number}`,
          instruction:
            `Pick ${n} item${n === 1 ? "" : "s"} for order ${order.number}` +
            (fulfillment.type === "PICKUP" ? ", pack them and put them on the pickup shelf." : ", pack them and hand them to the carrier."),
          assigneeRole: "ASSOCIATE",
          locationId: fulfillment.locationId,
          orderId: order.id,
          fulfillmentOrderId: fulfillment.id,
          dueAt: fulfillment.promisedAt,
        },
        ctx,
      );
    }
    await recordOrderEvent(tx, order.id, "fulfillment.created", `${location.name} (${location.code}) will fulfil ${n} item${n === 1 ? "" : "s"} as ${fulfillment.number}.`, ctx, {
      fulfillmentOrderId: fulfillment.id,
      locationId: fulfillment.locationId,
    });
    await enqueueEvents(tx, [fulfillmentChanged(fulfillment, "fulfillment.created")]);
  }
}

/**
 * Allocation step of validation: the order is PENDING_VALIDATION and every check passed.
 * Success → ALLOCATED (then IN_FULFILLMENT etc. if stores already work on it); failure →
 * ON_HOLD with a task saying which items could not be placed.
 */
export async function allocateOrder(order: OrderWithLines, ctx: DomainContext, reason = "Allocation"): Promise<void> {
  const tx = ctx.db;
  const placement = await placeOpenUnits(order, ctx, reason);
  if (!placement.ok) {
    await holdOrder(tx, order, [placement.problem!], ctx);
    return;
  }
  await transitionOrder(tx, order, "ALLOCATED", ctx);
  await closeTasks(tx, { orderId: order.id, kind: "VALIDATION" }, "DONE", "The order passed every check and was allocated.", ctx);
  if (order.promisedAt === null) {
    const promised = placement.created.map((f) => f.promisedAt).filter((d): d is Date => d !== null);
    if (promised.length > 0) {
      const latest = new Date(Math.max(...promised.map((d) => d.getTime())));
      await tx.order.update({ where: { id: order.id }, data: { promisedAt: latest } });
      order.promisedAt = latest;
    }
  }
  await recordOrderEvent(
    tx,
    order.id,
    "order.allocated",
    placement.created.length === 0
      ? "Every check passed; the order's items were already placed."
      : `Every check passed; allocated to ${placement.created.length} location${placement.created.length === 1 ? "" : "s"}.`,
    ctx,
  );
  await announceFulfillmentOrders(order, placement.created, ctx);
  await enqueueEvents(tx, [orderChanged(order, "order.allocated")]);
  await syncOrderStatus(tx, order.id, ctx);
}

export type { OrderRoutingTrace };
