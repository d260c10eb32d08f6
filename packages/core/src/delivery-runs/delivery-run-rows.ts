// Shared by the delivery-run commands and queries. Internal to the module.
import { AppError, type DeliveryRunView, type DeliveryStopView, type OrderAddress } from "@oms/contracts";
import type { Prisma, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { assertCanAccessLocation } from "../access.ts";

export const runInclude = {
  stops: {
    orderBy: { sequence: "asc" },
    include: {
      fulfillmentOrder: {
        select: {
          id: true,
          number: true,
          status: true,
          orderId: true,
          lines: { select: { quantity: true, quantityRejected: true } },
          order: { select: { number: true, customerName: true, phone: true, shippingAddress: true } },
        },
      },
    },
  },
} satisfies Prisma.DeliveryRunInclude;

export type RunRow = Prisma.DeliveryRunGetPayload<{ include: typeof runInclude }>;

/** One line a driver can read: "Rynek Główny 1, 31-042 Kraków". */
export function addressLine(address: unknown): string {
  const a = (address ?? {}) as Partial<OrderAddress>;
  return [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(" ")].filter((p) => p && String(p).trim()).join(", ");
}

export function toRunView(run: RunRow): DeliveryRunView {
  return {
    id: run.id,
    number: run.number,
    locationId: run.locationId,
    status: run.status,
    driverUserId: run.driverUserId,
    driverName: run.driverName,
    note: run.note,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    completedAt: run.completedAt?.toISOString() ?? null,
    stops: run.stops.map(
      (s): DeliveryStopView => ({
        id: s.id,
        sequence: s.sequence,
        status: s.status,
        fulfillmentOrderId: s.fulfillmentOrderId,
        fulfillmentNumber: s.fulfillmentOrder.number,
        fulfillmentStatus: s.fulfillmentOrder.status,
        orderId: s.fulfillmentOrder.orderId,
        orderNumber: s.fulfillmentOrder.order.number,
        customerName: s.fulfillmentOrder.order.customerName ?? ((s.fulfillmentOrder.order.shippingAddress as Partial<OrderAddress> | null)?.name || null),
        phone: s.fulfillmentOrder.order.phone ?? ((s.fulfillmentOrder.order.shippingAddress as Partial<OrderAddress> | null)?.phone ?? null),
        address: addressLine(s.fulfillmentOrder.order.shippingAddress),
        items: s.fulfillmentOrder.lines.reduce((n, l) => n + l.quantity - l.quantityRejected, 0),
        recipientName: s.recipientName,
        deliveredAt: s.deliveredAt?.toISOString() ?? null,
        failureReason: s.failureReason,
        failedAt: s.failedAt?.toISOString() ?? null,
        note: s.note,
      }),
    ),
  };
}

/** Locks the run row for the rest of the transaction and checks the caller may work at its location. */
export async function lockRun(tx: Tx, runId: string, ctx: DomainContext) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "DeliveryRun" WHERE "id" = ${runId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", "runId: That delivery run does not exist.", { fields: [{ path: ["runId"], message: "No such delivery run" }] });
  const run = await tx.deliveryRun.findUniqueOrThrow({ where: { id: runId }, include: runInclude });
  assertCanAccessLocation(ctx.actor, run.locationId);
  return run;
}

export async function loadRunView(tx: Tx, runId: string): Promise<DeliveryRunView> {
  return toRunView(await tx.deliveryRun.findUniqueOrThrow({ where: { id: runId }, include: runInclude }));
}

/** The carrier name local-delivery shipments carry (Shipment.carrier). */
export const LOCAL_DELIVERY_CARRIER = "local";

export const runStatusLabel: Record<string, string> = { PLANNED: "planned", OUT: "out for delivery", COMPLETED: "completed", CANCELLED: "cancelled" };
