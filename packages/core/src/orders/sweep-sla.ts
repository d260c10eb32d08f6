import type { TaskKind } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { enqueueEvents } from "../shared/outbox.ts";
import { responsibleFor, slaSettings } from "./order-rows.ts";
import { createTask } from "./tasks.ts";
import { orderChanged, recordOrderEvent } from "./timeline.ts";

export interface SweepResult {
  latePickups: number;
  lateShipments: number;
  promisesMissed: number;
}

/**
 * Flags late work (docs/orders.md), for any `ctx.now`; running it again creates nothing
 * new (one task per kind and fulfillment order or order, whatever its status):
 * - LATE_PICKUP: a pickup not ready within pickupReadySlaHours of placement;
 * - LATE_SHIPMENT: a shipment not shipped within shipSlaDays of placement;
 * - PROMISE_MISSED: an order still waiting for a person (on hold / being checked) whose
 *   promisedAt passed; orders already with a store are covered by the two above.
 * Each sets Order.isLate, writes a task for the people who can act, a timeline line and
 * live events.
 */
export async function sweepLateOrders(ctx: DomainContext): Promise<SweepResult> {
  return withTransaction(ctx, async (tx) => {
    const inner: DomainContext = { ...ctx, db: tx };
    const sla = await slaSettings(tx);
    const result: SweepResult = { latePickups: 0, lateShipments: 0, promisesMissed: 0 };
    const pickupCutoff = new Date(ctx.now.getTime() - sla.pickupReadySlaHours * 3_600_000);
    const shipCutoff = new Date(ctx.now.getTime() - sla.shipSlaDays * 86_400_000);

    const late = await tx.fulfillmentOrder.findMany({
      where: {
        status: { in: ["NEW", "PICKING", "PACKED"] },
        OR: [
          { type: "PICKUP", order: { placedAt: { lt: pickupCutoff } } },
          { type: { in: ["SHIP", "DELIVERY"] }, order: { placedAt: { lt: shipCutoff } } },
        ],
      },
      include: { order: { select: { id: true, number: true, status: true, placedAt: true } }, location: { select: { name: true } } },
      orderBy: { number: "asc" },
    });
    for (const f of late) {
      const kind: TaskKind = f.type === "PICKUP" ? "LATE_PICKUP" : "LATE_SHIPMENT";
      if (await tx.task.findFirst({ where: { kind, fulfillmentOrderId: f.id }, select: { id: true } })) continue;
      const what = f.type === "PICKUP" ? `ready for pickup within ${sla.pickupReadySlaHours} hours` : `shipped within ${sla.shipSlaDays} days`;
      await createTask(
        tx,
        {
          kind,
          code: kind,
          title: `${f.number} is late`,
          instruction: `${f.number} should have been ${what} of the order (placed ${f.order.placedAt.toISOString().slice(0, 16).replace("T", " ")} UTC). Finish it now, or reject the items so another location can take them.`,
          assigneeRole: "MANAGER",
          locationId: f.locationId,
          orderId: f.orderId,
          fulfillmentOrderId: f.id,
        },
        inner,
      );
      await tx.order.update({ where: { id: f.orderId }, data: { isLate: true } });
      await recordOrderEvent(tx, f.orderId, `order.${kind.toLowerCase()}`, `${f.number} at ${f.location.name} is late: it was not ${what}.`, inner, { fulfillmentOrderId: f.id });
      await enqueueEvents(tx, [orderChanged(f.order, `order.${kind.toLowerCase()}`, f.locationId)]);
      if (kind === "LATE_PICKUP") result.latePickups += 1;
      else result.lateShipments += 1;
    }

    const waiting = await tx.order.findMany({
      where: { status: { in: ["DRAFT", "PENDING_VALIDATION", "ON_HOLD"] }, promisedAt: { lt: ctx.now } },
      select: { id: true, number: true, status: true, promisedAt: true, originLocationId: true, routingTrace: true },
      orderBy: { number: "asc" },
    });
    for (const o of waiting) {
      if (await tx.task.findFirst({ where: { kind: "PROMISE_MISSED", orderId: o.id }, select: { id: true } })) continue;
      const who = responsibleFor(o);
      await createTask(
        tx,
        {
          kind: "PROMISE_MISSED",
          code: "PROMISE_MISSED",
          title: `${o.number} missed its promise`,
          instruction: `Order ${o.number} was promised for ${o.promisedAt!.toISOString().slice(0, 16).replace("T", " ")} UTC and is still on hold. Resolve its open tasks, and tell the customer when to expect it.`,
          assigneeRole: who.assigneeRole,
          locationId: who.locationId,
          orderId: o.id,
        },
        inner,
      );
      await tx.order.update({ where: { id: o.id }, data: { isLate: true } });
      await recordOrderEvent(tx, o.id, "order.promise_missed", "The promised date passed while the order was waiting.", inner);
      await enqueueEvents(tx, [orderChanged(o, "order.promise_missed", who.locationId)]);
      result.promisesMissed += 1;
    }
    return result;
  });
}
