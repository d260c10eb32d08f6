import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { cancelOrder } from "../orders/index.ts";
import { recordOrderEvent } from "../orders/timeline.ts";

export interface UnclaimedSweepResult {
  reminded: string[];
  cancelled: string[];
  /** Past the cancel limit, but another part of the order is still open: left for a person. */
  skipped: string[];
}

const DAY = 86_400_000;

/**
 * Parcels nobody collected (run by the scheduler, e.g. hourly). After
 * `unclaimedReminderDays` on the shelf the order's timeline gets one reminder line
 * ("pickup.reminder"); after `unclaimedCancelDays` the order is cancelled through
 * cancelOrder: reservations released (the goods are sellable again), pending refunds for
 * what was paid, and the reason on the timeline. Both limits are HQ settings
 * (OrganizationSettings). Safe to run twice: a reminder is written once, a cancelled
 * order is no longer READY_FOR_PICKUP.
 */
export async function sweepUnclaimedPickups(ctx: DomainContext): Promise<UnclaimedSweepResult> {
  const settings = await ctx.db.organizationSettings.findUnique({ where: { id: 1 }, select: { unclaimedReminderDays: true, unclaimedCancelDays: true } });
  const reminderDays = settings?.unclaimedReminderDays ?? 3;
  const cancelDays = settings?.unclaimedCancelDays ?? 7;
  const result: UnclaimedSweepResult = { reminded: [], cancelled: [], skipped: [] };
  const waiting = await ctx.db.fulfillmentOrder.findMany({
    where: { type: "PICKUP", status: "READY_FOR_PICKUP", readyAt: { lte: new Date(ctx.now.getTime() - reminderDays * DAY) } },
    select: { id: true, number: true, orderId: true, readyAt: true, location: { select: { name: true } }, order: { select: { number: true } } },
    orderBy: { readyAt: "asc" },
    take: 500,
  });
  for (const f of waiting) {
    const days = Math.floor((ctx.now.getTime() - f.readyAt!.getTime()) / DAY);
    if (days >= cancelDays) {
      const stillOpen = await ctx.db.fulfillmentOrder.count({ where: { orderId: f.orderId, id: { not: f.id }, status: { in: ["NEW", "PICKING", "PACKED", "READY_FOR_PICKUP", "SHIPPED"] } } });
      if (stillOpen > 0) {
        result.skipped.push(f.id);
        continue;
      }
      await cancelOrder({ orderId: f.orderId, reason: `Not collected within ${cancelDays} days at ${f.location.name}` }, ctx);
      result.cancelled.push(f.id);
      continue;
    }
    const sent = await withTransaction(ctx, async (tx) => {
      const already = await tx.orderEvent.count({ where: { orderId: f.orderId, type: "pickup.reminder", data: { path: ["fulfillmentOrderId"], equals: f.id } } });
      if (already > 0) return false;
      await recordOrderEvent(
        tx,
        f.orderId,
        "pickup.reminder",
        `Reminder: ${f.order.number} has been waiting at ${f.location.name} for ${days} days. It is cancelled and refunded after ${cancelDays} days.`,
        ctx,
        { fulfillmentOrderId: f.id, days },
      );
      return true;
    });
    if (sent) result.reminded.push(f.id);
  }
  return result;
}
