import { AppError, PosDeviceHeartbeatInput, PosDeviceListInput, type OfflineSettings, type PosDeviceState } from "@oms/contracts";
import type { PosDevice, Tx } from "@oms/db";
import type { DomainContext } from "../context.ts";
import { withTransaction } from "../context.ts";
import { enqueueEvents, type OutboxMessage } from "../shared/outbox.ts";
import { parseInput } from "../shared/parse-input.ts";
import { loadOfflineSettings } from "./offline-settings.ts";
import { raiseTask } from "./offline-tasks.ts";

/** A device that has not called in for this long is SILENT (its heartbeat is every 30 s while online). */
export const DEVICE_SILENT_AFTER_MS = 2 * 60_000;

function deviceChanged(device: Pick<PosDevice, "id" | "locationId" | "unsyncedCount">): OutboxMessage<"pos.device.changed"> {
  return { topic: "pos.device.changed", locationId: device.locationId, payload: { deviceId: device.id, locationId: device.locationId, unsyncedCount: device.unsyncedCount } };
}

/**
 * The till's heartbeat while online: registers the device at its store (its id is made on
 * the device), records what is waiting in its queue, and answers with the offline rules
 * it must apply. A backlog older than the alert limit raises a task for the store manager.
 */
export async function recordDeviceHeartbeat(rawInput: PosDeviceHeartbeatInput, ctx: DomainContext): Promise<{ settings: OfflineSettings; serverTime: string }> {
  const input = parseInput(PosDeviceHeartbeatInput, rawInput);
  const userId = ctx.actor.kind === "USER" ? ctx.actor.user.id : null;
  const rules = await withTransaction(ctx, async (tx) => {
    const existing = await tx.posDevice.findUnique({ where: { id: input.deviceId } });
    if (existing && existing.locationId !== input.locationId) {
      throw new AppError("FORBIDDEN", "deviceId: This till device belongs to another store.", { fields: [{ path: ["deviceId"], message: "Belongs to another store" }] });
    }
    if (input.registerId) {
      const register = await tx.register.findUnique({ where: { id: input.registerId }, select: { locationId: true } });
      if (!register || register.locationId !== input.locationId) {
        throw new AppError("VALIDATION_FAILED", "registerId: That register is not at this store.", { fields: [{ path: ["registerId"], message: "Not at this store" }] });
      }
    }
    const state = {
      registerId: input.registerId ?? existing?.registerId ?? null,
      appVersion: input.appVersion ?? null,
      lastUserId: userId,
      lastSeenAt: ctx.now,
      unsyncedCount: input.unsyncedCount,
      unsyncedTotal: input.unsyncedTotal,
      oldestUnsyncedAt: input.oldestUnsyncedAt ? new Date(input.oldestUnsyncedAt) : null,
      rejectedCount: input.rejectedCount,
      ...(input.unsyncedCount === 0 && (existing?.unsyncedCount ?? 0) > 0 ? { lastSyncAt: ctx.now, alertedAt: null } : {}),
    };
    const device = existing
      ? await tx.posDevice.update({ where: { id: existing.id }, data: state })
      : await tx.posDevice.create({ data: { id: input.deviceId, locationId: input.locationId, createdAt: ctx.now, ...state } });
    const changed = !existing || existing.unsyncedCount !== device.unsyncedCount || existing.rejectedCount !== device.rejectedCount || ctx.now.getTime() - existing.lastSeenAt.getTime() > DEVICE_SILENT_AFTER_MS;
    if (changed) await enqueueEvents(tx, [deviceChanged(device)]);
    const settings = await loadOfflineSettings(tx);
    await alertIfBehind(tx, device, settings.offlineAlertAfterMinutes, ctx);
    return settings;
  });
  const { discountApprovalBps: _unused, ...settings } = rules;
  return { settings, serverTime: ctx.now.toISOString() };
}

/** One task per backlog: when the device's oldest unsynced command is older than the limit and no task was raised for it. */
async function alertIfBehind(tx: Tx, device: PosDevice, alertAfterMinutes: number, ctx: DomainContext): Promise<boolean> {
  if (device.unsyncedCount === 0 || !device.oldestUnsyncedAt) return false;
  if (ctx.now.getTime() - device.oldestUnsyncedAt.getTime() < alertAfterMinutes * 60_000) return false;
  if (device.alertedAt && device.alertedAt >= device.oldestUnsyncedAt) return false;
  const claimed = await tx.posDevice.updateMany({ where: { id: device.id, OR: [{ alertedAt: null }, { alertedAt: { lt: device.oldestUnsyncedAt } }] }, data: { alertedAt: ctx.now } });
  if (claimed.count !== 1) return false;
  const register = device.registerId ? await tx.register.findUnique({ where: { id: device.registerId }, select: { name: true } }) : null;
  const minutes = Math.floor((ctx.now.getTime() - device.oldestUnsyncedAt.getTime()) / 60_000);
  await raiseTask(
    tx,
    {
      code: "pos.offline_backlog",
      title: `Till ${register?.name ?? device.id.slice(0, 8)} has ${device.unsyncedCount} unsynced sale${device.unsyncedCount === 1 ? "" : "s"}`,
      instruction: `The oldest has waited ${minutes} minutes. Bring the till online (network, server) and keep it open until its queue is empty; do not clear the browser's data on that device.`,
      locationId: device.locationId,
      data: { deviceId: device.id, unsyncedCount: device.unsyncedCount, oldestUnsyncedAt: device.oldestUnsyncedAt.toISOString() },
    },
    ctx,
  );
  return true;
}

/**
 * The job's sweep: devices that went silent with unsynced work older than the limit get
 * their task even though they no longer call in (a till left offline all afternoon).
 */
export async function sweepOfflineDevices(ctx: DomainContext): Promise<{ alerted: number }> {
  const { offlineAlertAfterMinutes } = await loadOfflineSettings(ctx.db);
  const cutoff = new Date(ctx.now.getTime() - offlineAlertAfterMinutes * 60_000);
  const behind = await ctx.db.posDevice.findMany({ where: { unsyncedCount: { gt: 0 }, oldestUnsyncedAt: { lte: cutoff } }, take: 500 });
  let alerted = 0;
  for (const device of behind) {
    if (await withTransaction(ctx, (tx) => alertIfBehind(tx, device, offlineAlertAfterMinutes, { ...ctx, db: tx }))) alerted += 1;
  }
  return { alerted };
}

/** Each device's sync state for HQ (every store) or a store's manager (their store). */
export async function listPosDevices(rawInput: PosDeviceListInput, ctx: DomainContext): Promise<PosDeviceState[]> {
  const input = parseInput(PosDeviceListInput, rawInput);
  const { offlineAlertAfterMinutes } = await loadOfflineSettings(ctx.db);
  const rows = await ctx.db.posDevice.findMany({
    where: input.locationId ? { locationId: input.locationId } : {},
    include: { location: { select: { name: true, currency: true } }, register: { select: { name: true } } },
    orderBy: [{ location: { name: "asc" } }, { lastSeenAt: "desc" }],
    take: 1000,
  });
  const userIds = [...new Set(rows.map((r) => r.lastUserId).filter((id): id is string => id !== null))];
  const users = new Map((await ctx.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const silent = ctx.now.getTime() - r.lastSeenAt.getTime() > DEVICE_SILENT_AFTER_MS;
    const behind = r.oldestUnsyncedAt !== null && r.unsyncedCount > 0 && ctx.now.getTime() - r.oldestUnsyncedAt.getTime() >= offlineAlertAfterMinutes * 60_000;
    return {
      id: r.id,
      locationId: r.locationId,
      locationName: r.location.name,
      registerName: r.register?.name ?? null,
      lastUserName: r.lastUserId ? (users.get(r.lastUserId) ?? null) : null,
      appVersion: r.appVersion,
      lastSeenAt: r.lastSeenAt,
      lastSyncAt: r.lastSyncAt,
      unsyncedCount: r.unsyncedCount,
      unsyncedTotal: r.unsyncedTotal,
      currency: r.location.currency,
      oldestUnsyncedAt: r.oldestUnsyncedAt,
      rejectedCount: r.rejectedCount,
      state: behind ? "BEHIND" : silent ? "SILENT" : r.unsyncedCount > 0 ? "UNSYNCED" : "OK",
    };
  });
}
