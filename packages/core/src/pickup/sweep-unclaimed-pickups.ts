import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { queueNotification } from "../notifications/index.ts";
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
 * (OrganizationSettings). Each step queues the customer's message ("pickup.reminder",
 * "pickup.cancelled") in its own transaction. Safe to run again and again (the job runner
 * calls it periodically) and from two runners at once: the reminder is claimed with one
 * conditional UPDATE of `reminderSentAt`, and the cancellation re-checks the status under
 * cancelOrder's lock, so each happens once.
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
      const reason = `Not collected within ${cancelDays} days at ${f.location.name}`;
      const done = await withTransaction(ctx, async (tx) => {
        const inner: DomainContext = { ...ctx, db: tx };
        // Lock, then re-check: another run may have cancelled it (or the customer came) meanwhile.
        await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${f.orderId}::uuid FOR UPDATE`;
        const still = await tx.fulfillmentOrder.findUnique({ where: { id: f.id }, select: { status: true } });
        if (still?.status !== "READY_FOR_PICKUP") return false;
        await cancelOrder({ orderId: f.orderId, reason }, inner);
        await queueNotification({ template: "pickup.cancelled", orderId: f.orderId, fulfillmentOrderId: f.id, reason }, inner);
        return true;
      });
      if (done) result.cancelled.push(f.id);
      continue;
    }
    const sent = await withTransaction(ctx, async (tx) => {
      const inner: DomainContext = { ...ctx, db: tx };
      const claimed = await tx.fulfillmentOrder.updateMany({ where: { id: f.id, status: "READY_FOR_PICKUP", reminderSentAt: null }, data: { reminderSentAt: ctx.now } });
      if (claimed.count !== 1) return false;
      await queueNotification({ template: "pickup.reminder", orderId: f.orderId, fulfillmentOrderId: f.id, days, cancelAfterDays: cancelDays }, inner);
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
