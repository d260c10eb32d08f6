import { dispatchNotifications, refreshSalesVelocity, sweepLateOrders, sweepOfflineDevices, sweepUnclaimedPickups, type DomainContext } from "@oms/core";
import { captureShippedOrders, executePendingRefunds, paymentProvider, voidCancelledOrderAuthorizations, type PaymentsContext } from "@oms/payments";
import type { JobsEnv } from "./env.ts";
import type { Job, JobContext } from "./runner.ts";

const system = (ctx: JobContext): DomainContext => ({ db: ctx.db, actor: { kind: "SYSTEM" }, now: ctx.now });
const payments = (ctx: JobContext): PaymentsContext => ({ db: ctx.db, provider: paymentProvider(), actor: { kind: "SYSTEM" }, now: ctx.now });

/**
 * The server's periodic work (docs/architecture.md "Jobs", docs/notifications.md). Each is safe to run again and
 * at the same time on another instance: that is what lets the runner retry and fail over.
 */
export function defaultJobs(env: JobsEnv): Job[] {
  const jobs: Job[] = [
    // Customer messages queued by commands (docs/notifications.md).
    { name: "dispatchNotifications", intervalMs: env.JOBS_NOTIFICATIONS_INTERVAL_MS, timeoutMs: 120_000, run: (ctx) => dispatchNotifications(system(ctx)) },
    // Card refunds recorded by cancellations and returns (docs/payments.md).
    { name: "executePendingRefunds", intervalMs: env.JOBS_PAYMENTS_INTERVAL_MS, timeoutMs: 120_000, run: (ctx) => executePendingRefunds({ limit: 50 }, payments(ctx)) },
    // Authorizations of cancelled orders released.
    { name: "voidCancelledOrderAuthorizations", intervalMs: env.JOBS_PAYMENTS_INTERVAL_MS, timeoutMs: 120_000, run: (ctx) => voidCancelledOrderAuthorizations({ limit: 50 }, payments(ctx)) },
    // Capture at shipment / handover of orders paid by authorization.
    { name: "captureShippedOrders", intervalMs: env.JOBS_PAYMENTS_INTERVAL_MS, timeoutMs: 120_000, run: (ctx) => captureShippedOrders({ limit: 25 }, payments(ctx)) },
    // Reminders and cancellation of parcels nobody collected (docs/pickup.md).
    { name: "sweepUnclaimedPickups", intervalMs: env.JOBS_SWEEPS_INTERVAL_MS, timeoutMs: 300_000, runAtStart: false, run: (ctx) => sweepUnclaimedPickups(system(ctx)) },
    // Late orders flagged, tasks for the people who can act (docs/orders.md).
    { name: "sweepLateOrders", intervalMs: env.JOBS_SWEEPS_INTERVAL_MS, timeoutMs: 300_000, runAtStart: false, run: (ctx) => sweepLateOrders(system(ctx)) },
    // The stored sales velocity behind days of cover, stockout dates and replenishment (docs/forecasting.md); at start too, so a fresh seed has numbers.
    // Tills gone silent with sales still unsynced past the limit: a task for the store manager (docs/pos.md#offline).
    { name: "offlineTillAlerts", intervalMs: env.JOBS_SWEEPS_INTERVAL_MS, timeoutMs: 120_000, run: (ctx) => sweepOfflineDevices(system(ctx)) },
    { name: "refreshSalesVelocity", intervalMs: env.JOBS_FORECAST_INTERVAL_MS, timeoutMs: 900_000, run: (ctx) => refreshSalesVelocity({}, system(ctx)) },
  ];
  return jobs.filter((job) => !env.JOBS_DISABLED.has(job.name));
}

export const DEFAULT_JOB_NAMES = ["dispatchNotifications", "executePendingRefunds", "voidCancelledOrderAuthorizations", "captureShippedOrders", "sweepUnclaimedPickups", "sweepLateOrders", "offlineTillAlerts", "refreshSalesVelocity"] as const;
