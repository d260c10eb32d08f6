import { AppError } from "@oms/contracts";
import { seededRandom, useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { inventoryWorld, systemContext } from "./inventory.fixtures.ts";
import {
  adjustStock,
  commitReservations,
  postCycleCount,
  receiveStock,
  receiveTransfer,
  recordCycleCount,
  releaseReservations,
  requestTransfer,
  reserveStock,
  shipTransfer,
  startCycleCount,
  verifyLedger,
} from "./index.ts";

const db = useTestDatabase();


describe("the ledger reconciles after any sequence of commands", () => {
  it.each([1, 2, 3])("random sequence %i", async (seed) => {
    const random = seededRandom(seed);
    const int = (max: number) => Math.floor(random() * max);
    const { locations, variants } = await inventoryWorld(db.prisma, { locations: 3, variants: 3 });
    const ctx = systemContext(db.prisma);
    const pick = <T,>(xs: T[]) => xs[int(xs.length)]!;
    const reservationIds: string[] = [];
    const transfers: { id: string; shipped: boolean }[] = [];
    const counts: string[] = [];
    let accepted = 0;
    let refused = 0;

    for (let step = 0; step < 60; step++) {
      const v = pick(variants);
      const l = pick(locations);
      const op = int(9);
      try {
        if (op === 0) await receiveStock({ locationId: l.id, lines: [{ variantId: v.id, quantity: 1 + int(8) }] }, ctx);
        else if (op === 1) {
          const made = await reserveStock({ lines: [{ variantId: v.id, locationId: l.id, quantity: 1 + int(4) }, { variantId: pick(variants).id, locationId: l.id, quantity: 1 + int(3) }] }, ctx);
          reservationIds.push(...made.map((r) => r.id));
        } else if (op === 2 && reservationIds.length) await releaseReservations({ reservationIds: [pick(reservationIds)] }, ctx);
        else if (op === 3 && reservationIds.length) await commitReservations({ reservationIds: [pick(reservationIds)], kind: pick(["SALE", "SHIPMENT"] as const) }, ctx);
        else if (op === 4) {
          const quantity = random() < 0.5 ? -(1 + int(3)) : 1 + int(3);
          await adjustStock({ locationId: l.id, variantId: v.id, quantity, reason: quantity < 0 ? "DAMAGED" : "FOUND" }, ctx);
        } else if (op === 5) {
          const to = pick(locations.filter((x) => x.id !== l.id));
          const t = await requestTransfer({ fromLocationId: l.id, toLocationId: to.id, lines: [{ variantId: v.id, quantity: 1 + int(3) }] }, ctx);
          transfers.push({ id: t.id, shipped: false });
        } else if (op === 6 && transfers.length) {
          const t = pick(transfers);
          if (!t.shipped) {
            await shipTransfer({ transferId: t.id }, ctx);
            t.shipped = true;
          } else {
            await receiveTransfer({ transferId: t.id, lines: [{ variantId: (await db.prisma.transferLine.findFirstOrThrow({ where: { transferId: t.id } })).variantId, quantity: int(4) }] }, ctx);
          }
        } else if (op === 7) {
          const c = await startCycleCount({ locationId: l.id }, ctx);
          counts.push(c.id);
        } else if (op === 8 && counts.length) {
          const id = pick(counts);
          const c = await db.prisma.cycleCount.findUniqueOrThrow({ where: { id }, include: { lines: true } });
          if (c.lines.length) await recordCycleCount({ cycleCountId: id, counts: c.lines.map((line) => ({ variantId: line.variantId, counted: int(12) })) }, ctx);
          await postCycleCount({ cycleCountId: id }, ctx);
        }
        accepted++;
      } catch (error) {
        // Refusals are part of the game; they must be AppErrors and change nothing.
        expect(AppError.isAppError(error), String(error)).toBe(true);
        refused++;
      }
      const { mismatches } = await verifyLedger(db.prisma);
      expect(mismatches, `after step ${step} (op ${op})`).toEqual([]);
      const levels = await db.prisma.inventoryLevel.findMany({ where: { locationId: { in: locations.map((x) => x.id) } } });
      for (const level of levels) {
        expect(level.onHand).toBeGreaterThanOrEqual(0);
        expect(level.reserved).toBeGreaterThanOrEqual(0);
        expect(level.reserved).toBeLessThanOrEqual(level.onHand);
      }
    }
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(0);
  });
});
