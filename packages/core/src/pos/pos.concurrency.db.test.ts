import { AppError } from "@oms/contracts";
import { describeOnPostgres, useConcurrentDatabase } from "@oms/db/testing";
import { expect, it } from "vitest";
import { receiveStock } from "../inventory/index.ts";
import { createStaffWorld, userActor } from "../testing/index.ts";
import { addPosCashTender, parkPosSale, resumeParkedSale, startPosCheckout } from "./index.ts";
import { createPosProduct, openTestRegister } from "./testing.ts";

// Needs a real server: PGlite runs one statement at a time and would prove nothing.
describeOnPostgres("till sales under concurrency", () => {
  const t = useConcurrentDatabase();

  it("two tills selling the last unit at once: exactly one sale goes through, the other hears INSUFFICIENT_STOCK", async () => {
    const w = await createStaffWorld(t.db.prisma);
    const { variant } = await createPosProduct(t.db.prisma, { price: 4900, stock: { [w.storeA.id]: 1 } });
    const tills = await Promise.all([1, 2].map(() => openTestRegister(t.db.prisma, { locationId: w.storeA.id, openedById: w.cashierA.id })));
    const ctx = () => ({ db: t.wide.prisma, actor: userActor(w.cashierA), now: new Date() });

    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled(
        tills.map(async ({ session }) => {
          const sale = await startPosCheckout({ registerSessionId: session.id, cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, ctx());
          return addPosCashTender({ orderId: sale.orderId, tendered: 5000 }, ctx());
        }),
      );
      const sold = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(sold).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(AppError.isAppError(refused[0]!.reason), String(refused[0]!.reason)).toBe(true);
      expect((refused[0]!.reason as AppError).code).toBe("INSUFFICIENT_STOCK");
      expect((sold[0] as PromiseFulfilledResult<{ completed: boolean }>).value.completed).toBe(true);
      const level = await t.db.prisma.inventoryLevel.findFirstOrThrow({ where: { variantId: variant.id, locationId: w.storeA.id } });
      expect(level).toMatchObject({ onHand: 0, reserved: 0 });
      // Put the unit back for the next round.
      await receiveStock({ locationId: w.storeA.id, lines: [{ variantId: variant.id, quantity: 1 }] }, { db: t.db.prisma, actor: { kind: "SYSTEM" }, now: new Date() });
    }
  });

  it("ten tills resuming one parked sale: one gets it", async () => {
    const w = await createStaffWorld(t.db.prisma);
    const { variant } = await createPosProduct(t.db.prisma, { price: 100 });
    const parked = await parkPosSale({ locationId: w.storeA.id, label: "Race", cart: { lines: [{ variantId: variant.id, quantity: 1 }] } }, { db: t.db.prisma, actor: userActor(w.cashierA), now: new Date() });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => resumeParkedSale({ parkedSaleId: parked.id }, { db: t.wide.prisma, actor: userActor(w.cashierA), now: new Date() })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) expect((r.reason as AppError).code).toBe("CONFLICT");
  });
});
