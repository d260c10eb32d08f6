import { AppError, DeliverableOrdersInput, DeliveryRunIdInput, ListDeliveryRunsInput, type DeliverableOrderView, type DeliveryRunView } from "@oms/contracts";
import type { DomainContext } from "../context.ts";
import { assertCanAccessLocation } from "../access.ts";
import { parseInput } from "../shared/parse-input.ts";
import { addressLine, runInclude, toRunView } from "./delivery-run-rows.ts";
import type { OrderAddress } from "@oms/contracts";

/** Runs of a location, open ones first, newest first. */
export async function listDeliveryRuns(rawInput: ListDeliveryRunsInput, ctx: DomainContext): Promise<DeliveryRunView[]> {
  const input = parseInput(ListDeliveryRunsInput, rawInput);
  assertCanAccessLocation(ctx.actor, input.locationId);
  const rows = await ctx.db.deliveryRun.findMany({
    where: { locationId: input.locationId, ...(input.status ? { status: { in: input.status } } : {}) },
    orderBy: [{ createdAt: "desc" }],
    take: input.limit,
    include: runInclude,
  });
  const rank = { OUT: 0, PLANNED: 1, COMPLETED: 2, CANCELLED: 3 } as const;
  return rows.map(toRunView).sort((a, b) => rank[a.status] - rank[b.status]);
}

export async function getDeliveryRun(rawInput: DeliveryRunIdInput, ctx: DomainContext): Promise<DeliveryRunView> {
  const input = parseInput(DeliveryRunIdInput, rawInput);
  const run = await ctx.db.deliveryRun.findUnique({ where: { id: input.runId }, include: runInclude });
  if (!run) throw new AppError("NOT_FOUND", "runId: That delivery run does not exist.", { fields: [{ path: ["runId"], message: "No such delivery run" }] });
  assertCanAccessLocation(ctx.actor, run.locationId);
  return toRunView(run);
}

/**
 * What can go on a run: packed DELIVERY orders of the location not on a pending stop, and
 * shipped ones whose last delivery failed (a second attempt), oldest promise first.
 */
export async function listDeliverableOrders(rawInput: DeliverableOrdersInput, ctx: DomainContext): Promise<DeliverableOrderView[]> {
  const input = parseInput(DeliverableOrdersInput, rawInput);
  assertCanAccessLocation(ctx.actor, input.locationId);
  const rows = await ctx.db.fulfillmentOrder.findMany({
    where: { locationId: input.locationId, type: "DELIVERY", status: { in: ["PACKED", "SHIPPED"] }, deliveryStops: { none: { status: "PENDING" } } },
    orderBy: [{ promisedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 200,
    select: {
      id: true, number: true, status: true, promisedAt: true,
      lines: { select: { quantity: true, quantityRejected: true } },
      order: { select: { number: true, customerName: true, shippingAddress: true } },
      deliveryStops: { orderBy: { id: "desc" }, take: 1, select: { status: true, failureReason: true } },
    },
  });
  return rows
    .filter((f) => f.status === "PACKED" || f.deliveryStops[0]?.status === "FAILED")
    .map((f) => ({
      fulfillmentOrderId: f.id,
      fulfillmentNumber: f.number,
      status: f.status,
      orderNumber: f.order.number,
      customerName: f.order.customerName ?? ((f.order.shippingAddress as Partial<OrderAddress> | null)?.name || null),
      address: addressLine(f.order.shippingAddress),
      postalCode: (f.order.shippingAddress as Partial<OrderAddress> | null)?.postalCode ?? "",
      items: f.lines.reduce((n, l) => n + l.quantity - l.quantityRejected, 0),
      promisedAt: f.promisedAt?.toISOString() ?? null,
      lastFailure: f.deliveryStops[0]?.status === "FAILED" ? f.deliveryStops[0].failureReason : null,
    }));
}
