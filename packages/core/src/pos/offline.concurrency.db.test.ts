import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { verifyLedger } from "../inventory/index.ts";
import { createStaffWorld, userActor } from "../testing/index.ts";
import { applyOfflineCommand, recordDeviceHeartbeat } from "./index.ts";
import { offlineSale } from "./offline-testing.ts";
import { createPosProduct, openTestRegister } from "./testing.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("offline sales under concurrency", () => {
  const t = useConcurrentDatabase();

  it("the same offline sale submitted 5 times at once (tabs, retries) becomes one order; the ledger and the drawer count it once", async () => {
    const w = await createStaffWorld(t.db.prisma);
    const { variant } = await createPosProduct(t.db.prisma, { price: 1999, stock: { [w.storeA.id]: 4 } });
    const { register, session } = await openTestRegister(t.db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id });
    const ctx = () => ({ db: t.wide.prisma, actor: userActor(w.cashierA), now: new Date() });
    for (let round = 0; round < 3; round++) {
      // A new device each round: its first commands race to register it too.
      const deviceId = crypto.randomUUID();
      if (round === 0) await recordDeviceHeartbeat({ deviceId, locationId: w.storeA.id, registerId: register.id, unsyncedCount: 1, unsyncedTotal: 1999, oldestUnsyncedAt: null, rejectedCount: 0 }, ctx());
      const command = offlineSale({ deviceId, locationId: w.storeA.id, registerSessionId: session.id, cashierId: w.cashierA.id, lines: [{ variantId: variant.id, quantity: 2, unitPrice: 1999 }], tendered: 5000 });
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => applyOfflineCommand(command, ctx())));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(failed.map((f) => String(f.reason))).toEqual([]);
      const values = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof applyOfflineCommand>>>).value);
      expect(new Set(values.map((v) => v.orderId)).size).toBe(1);
      expect(values.filter((v) => v.outcome === "APPLIED")).toHaveLength(1);
      expect(await t.db.prisma.order.count({ where: { externalId: `offline:${command.clientId}` } })).toBe(1);
    }
    // 3 sales × 2 units from 4 on hand: 2 short, booked in and sold; on hand ends at 0.
    const level = await t.db.prisma.inventoryLevel.findFirstOrThrow({ where: { variantId: variant.id, locationId: w.storeA.id } });
    expect(level).toMatchObject({ onHand: 0, reserved: 0 });
    const sold = await t.db.prisma.inventoryMovement.aggregate({ where: { variantId: variant.id, kind: "SALE" }, _sum: { quantity: true } });
    expect(sold._sum.quantity).toBe(-6);
    const drawer = await t.db.prisma.cashMovement.aggregate({ where: { registerSessionId: session.id }, _sum: { amount: true }, _count: true });
    expect(drawer).toMatchObject({ _count: 3, _sum: { amount: 3 * 3998 } });
    expect((await verifyLedger(t.db.prisma)).mismatches).toEqual([]);
  });
});
