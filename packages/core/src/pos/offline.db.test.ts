import { useTestDatabase } from "@oms/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import type { DomainContext } from "../context.ts";
import { verifyLedger } from "../inventory/index.ts";
import { createStaffWorld, expectAppError, userActor } from "../testing/index.ts";
import { applyOfflineCommand, getOfflineCatalog, listPosDevices, recordDeviceHeartbeat, sweepOfflineDevices } from "./index.ts";
import { offlineSale } from "./offline-testing.ts";
import { createPosProduct, openTestRegister } from "./testing.ts";

const db = useTestDatabase();
let w: Awaited<ReturnType<typeof createStaffWorld>>;
beforeAll(async () => {
  w = await createStaffWorld(db.prisma);
});
const as = (user: Parameters<typeof userActor>[0], now = new Date()): DomainContext => ({ db: db.prisma, actor: userActor(user), now });
const level = (variantId: string, locationId: string) => db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } } });

async function till() {
  const deviceId = crypto.randomUUID();
  const { register, session } = await openTestRegister(db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
  await recordDeviceHeartbeat({ deviceId, locationId: w.storeA.id, registerId: register.id, unsyncedCount: 0, unsyncedTotal: 0, oldestUnsyncedAt: null, rejectedCount: 0 }, as(w.cashierA));
  return { deviceId, register, session, base: { deviceId, locationId: w.storeA.id, registerSessionId: session.id, cashierId: w.cashierA.id } };
}

describe("applying an offline sale", () => {
  it("records the sale in full once: order completed, cash in the drawer, stock out through the ledger; a resubmission returns the same order", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 1250, stock: { [w.storeA.id]: 5 } });
    const { base, session } = await till();
    const recordedAt = new Date(Date.now() - 20 * 60_000);
    const command = offlineSale({ ...base, lines: [{ variantId: variant.id, quantity: 2, unitPrice: 1250 }], tendered: 3000, recordedAt });
    const first = await applyOfflineCommand(command, as(w.cashierA));
    expect(first).toMatchObject({ outcome: "APPLIED", shortfallUnits: 0 });
    const again = await applyOfflineCommand(command, as(w.managerA));
    expect(again).toMatchObject({ outcome: "ALREADY_APPLIED", orderId: first.orderId, orderNumber: first.orderNumber });

    const order = await db.prisma.order.findUniqueOrThrow({ where: { id: first.orderId! }, include: { payments: true } });
    expect(order).toMatchObject({ channel: "POS", status: "COMPLETED", paymentStatus: "PAID", total: 2500, taxTotal: 399, externalId: `offline:${command.clientId}`, createdById: w.cashierA.id });
    expect(order.placedAt.toISOString()).toBe(recordedAt.toISOString());
    expect(order.payments).toEqual([expect.objectContaining({ method: "CASH", amount: 2500, tendered: 3000, changeGiven: 500 })]);
    const cash = await db.prisma.cashMovement.findMany({ where: { registerSessionId: session.id } });
    expect(cash.map((m) => [m.kind, m.amount])).toEqual([["SALE", 2500]]);
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ onHand: 3, reserved: 0 });
    expect(await db.prisma.order.count({ where: { externalId: `offline:${command.clientId}` } })).toBe(1);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("a sale beyond the recorded stock is still recorded: the missing units are booked in as a noted correction, sold, and the manager gets a count task", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 500, stock: { [w.storeA.id]: 1 } });
    const { base } = await till();
    const result = await applyOfflineCommand(offlineSale({ ...base, lines: [{ variantId: variant.id, quantity: 3, unitPrice: 500 }] }), as(w.cashierA));
    expect(result).toMatchObject({ outcome: "APPLIED", shortfallUnits: 2 });
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ onHand: 0, reserved: 0 });
    const moves = await db.prisma.inventoryMovement.findMany({ where: { variantId: variant.id, locationId: w.storeA.id }, orderBy: { id: "asc" } });
    expect(moves.map((m) => [m.kind, m.quantity])).toEqual([["RECEIPT", 1], ["ADJUSTMENT", 2], ["SALE", -3]]);
    expect(moves[1]!.note).toMatch(/sold 2 more than the system had/);
    const task = await db.prisma.task.findFirstOrThrow({ where: { orderId: result.orderId!, code: "pos.offline_shortfall" } });
    expect(task).toMatchObject({ assigneeRole: "MANAGER", locationId: w.storeA.id, status: "OPEN" });
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("offline cash in/out goes into the drawer once", async () => {
    const { base, session } = await till();
    const command = { type: "CASH_MOVEMENT" as const, ...base, clientId: crypto.randomUUID(), recordedAt: new Date().toISOString(), kind: "CASH_OUT" as const, amount: 2000, reason: "Bank drop" };
    const first = await applyOfflineCommand(command, as(w.cashierA));
    await applyOfflineCommand(command, as(w.cashierA));
    const moves = await db.prisma.cashMovement.findMany({ where: { registerSessionId: session.id } });
    expect(moves.map((m) => [m.id, m.kind, m.amount])).toEqual([[first.cashMovementId, "CASH_OUT", -2000]]);
  });

  it("refuses another store's session, a cashier of another store, a device of another store, wrong totals and sales above the limit, naming the field", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 1000, stock: { [w.storeA.id]: 10 } });
    const { base } = await till();
    const line = [{ variantId: variant.id, quantity: 1, unitPrice: 1000 }];
    const other = await openTestRegister(db.prisma, { locationId: w.storeB.id, openedById: w.cashierB.id });
    await expectAppError(applyOfflineCommand(offlineSale({ ...base, registerSessionId: other.session.id, lines: line }), as(w.cashierA)), "FORBIDDEN", /registerSessionId/);
    await expectAppError(applyOfflineCommand(offlineSale({ ...base, cashierId: w.cashierB.id, lines: line }), as(w.cashierA)), "FORBIDDEN", /cashierId/);
    await expectAppError(applyOfflineCommand(offlineSale({ ...base, locationId: w.storeB.id, registerSessionId: other.session.id, cashierId: w.cashierB.id, lines: line }), as(w.cashierB)), "FORBIDDEN", /deviceId/);
    const tampered = { ...offlineSale({ ...base, lines: line }), total: 1 , tendered: 1 };
    await expectAppError(applyOfflineCommand(tampered, as(w.cashierA)), "VALIDATION_FAILED", /total/);
    const wrongChange = { ...offlineSale({ ...base, lines: line, tendered: 2000 }), change: 0 };
    await expectAppError(applyOfflineCommand(wrongChange, as(w.cashierA)), "VALIDATION_FAILED", /change/);
    const big = offlineSale({ ...base, lines: [{ variantId: variant.id, quantity: 60, unitPrice: 1000 }] });
    await expectAppError(applyOfflineCommand(big, as(w.cashierA)), "VALIDATION_FAILED", /Offline sales are limited/);
    const discounted = offlineSale({ ...base, lines: [{ variantId: variant.id, quantity: 1, unitPrice: 1000, lineDiscount: { kind: "PERCENT", bps: 5000 } }] });
    await expectAppError(applyOfflineCommand(discounted, as(w.cashierA)), "VALIDATION_FAILED", /lines\.0\.lineDiscount/);
    // Nothing of the refused commands was written.
    expect(await db.prisma.offlineCommand.count({ where: { deviceId: base.deviceId } })).toBe(0);
    expect(await level(variant.id, w.storeA.id)).toMatchObject({ onHand: 10 });
  });

  it("a command id reused by another device is refused, not answered with the other device's sale", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 1000, stock: { [w.storeA.id]: 10 } });
    const a = await till();
    const b = await till();
    const sale = offlineSale({ ...a.base, lines: [{ variantId: variant.id, quantity: 1, unitPrice: 1000 }] });
    await applyOfflineCommand(sale, as(w.cashierA));
    await expectAppError(applyOfflineCommand({ ...sale, deviceId: b.deviceId, registerSessionId: b.session.id }, as(w.cashierA)), "IDEMPOTENCY_MISMATCH", /clientId/);
  });
});

describe("devices", () => {
  it("heartbeats record the queue; a backlog older than the limit raises one task; HQ sees the state", async () => {
    const { deviceId, register } = await till();
    const old = new Date(Date.now() - 45 * 60_000).toISOString();
    const beat = { deviceId, locationId: w.storeA.id, registerId: register.id, unsyncedCount: 3, unsyncedTotal: 4500, oldestUnsyncedAt: old, rejectedCount: 0 };
    const answer = await recordDeviceHeartbeat(beat, as(w.cashierA));
    expect(answer.settings).toMatchObject({ offlineSalesAllowed: true, offlineCardMode: "NONE", offlineAlertAfterMinutes: 30 });
    await recordDeviceHeartbeat(beat, as(w.cashierA));
    expect(await sweepOfflineDevices({ db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() })).toEqual({ alerted: 0 });
    const tasks = await db.prisma.task.findMany({ where: { code: "pos.offline_backlog", data: { path: ["deviceId"], equals: deviceId } } });
    expect(tasks).toHaveLength(1);
    const devices = await listPosDevices({ locationId: w.storeA.id }, as(w.admin));
    expect(devices.find((d) => d.id === deviceId)).toMatchObject({ unsyncedCount: 3, state: "BEHIND", registerName: register.name, lastUserName: w.cashierA.name });
    await recordDeviceHeartbeat({ ...beat, unsyncedCount: 0, unsyncedTotal: 0, oldestUnsyncedAt: null }, as(w.cashierA));
    const after = (await listPosDevices({ locationId: w.storeA.id }, as(w.admin))).find((d) => d.id === deviceId);
    expect(after).toMatchObject({ unsyncedCount: 0, state: "OK" });
    expect(after!.lastSyncAt).not.toBeNull();
  });

  it("the job alerts for a device that went silent with old unsynced work", async () => {
    const { deviceId } = await till();
    await db.prisma.posDevice.update({ where: { id: deviceId }, data: { unsyncedCount: 1, oldestUnsyncedAt: new Date(Date.now() - 31 * 60_000), lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    const swept = await sweepOfflineDevices({ db: db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });
    expect(swept.alerted).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.task.count({ where: { code: "pos.offline_backlog", data: { path: ["deviceId"], equals: deviceId } } })).toBe(1);
  });

  it("a device of one store cannot report for another", async () => {
    const { deviceId } = await till();
    await expectAppError(
      recordDeviceHeartbeat({ deviceId, locationId: w.storeB.id, unsyncedCount: 0, unsyncedTotal: 0, oldestUnsyncedAt: null, rejectedCount: 0 }, as(w.cashierB)),
      "FORBIDDEN",
      /deviceId/,
    );
  });

  it("the catalogue for the cache: prices in the store's currency, barcodes, tax rates and the rules", async () => {
    const { variant } = await createPosProduct(db.prisma, { price: 777, barcode: `42${Date.now()}`, taxCategory: "REDUCED" });
    const catalog = await getOfflineCatalog({ locationId: w.storeA.id }, as(w.cashierA));
    expect(catalog).toMatchObject({ currency: "EUR", pricesIncludeTax: true, discountApprovalBps: 2000, settings: { offlineCardMode: "NONE" } });
    expect(catalog.items.find((i) => i.variantId === variant.id)).toMatchObject({ unitPrice: 777, barcodes: [expect.stringMatching(/^42/)], taxRateBps: w.storeA.reducedTaxRateBps });
  });
});
