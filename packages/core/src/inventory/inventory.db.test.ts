import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { expectAppError } from "../testing/index.ts";
import { inventoryWorld, systemContext } from "./inventory.fixtures.ts";
import {
  adjustStock,
  cancelTransfer,
  commitReservations,
  getAvailability,
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

async function level(variantId: string, locationId: string) {
  return db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId } } });
}

describe("reservations", () => {
  it("reserve every line or none, naming the item that is short", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma);
    const ctx = systemContext(db.prisma);
    const [a, b] = variants as [(typeof variants)[0], (typeof variants)[0]];
    const store = locations[0]!;
    await receiveStock({ locationId: store.id, lines: [{ variantId: a.id, quantity: 5 }, { variantId: b.id, quantity: 1 }] }, ctx);

    const error = await expectAppError(
      reserveStock({ lines: [{ variantId: a.id, locationId: store.id, quantity: 2 }, { variantId: b.id, locationId: store.id, quantity: 2 }] }, ctx),
      "INSUFFICIENT_STOCK",
      new RegExp(`${b.sku}\\) has 1 available at Store 0; 2 requested`),
    );
    expect(error.details).toMatchObject({ requested: 2, available: 1 });
    expect((await level(a.id, store.id)).reserved).toBe(0);
    expect(await db.prisma.reservation.count({ where: { variantId: a.id } })).toBe(0);

    const reservations = await reserveStock({ lines: [{ variantId: a.id, locationId: store.id, quantity: 2 }, { variantId: a.id, locationId: store.id, quantity: 1 }] }, ctx);
    expect(reservations).toHaveLength(2);
    expect((await level(a.id, store.id)).reserved).toBe(3);
    const [availability] = await getAvailability({ variantIds: [a.id] }, ctx);
    expect(availability!.networkAvailable).toBe(2);
  });

  it("respects safety stock", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma, { variants: 1 });
    const ctx = systemContext(db.prisma);
    const [v, store] = [variants[0]!, locations[0]!];
    await receiveStock({ locationId: store.id, lines: [{ variantId: v.id, quantity: 3 }] }, ctx);
    await db.prisma.inventoryLevel.update({ where: { variantId_locationId: { variantId: v.id, locationId: store.id } }, data: { safetyStock: 2 } });
    await expectAppError(reserveStock({ lines: [{ variantId: v.id, locationId: store.id, quantity: 2 }] }, ctx), "INSUFFICIENT_STOCK");
    await reserveStock({ lines: [{ variantId: v.id, locationId: store.id, quantity: 1 }] }, ctx);
  });

  it("releases once, and commits reserved units out of stock through the ledger", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma, { variants: 1 });
    const ctx = systemContext(db.prisma);
    const [v, store] = [variants[0]!, locations[0]!];
    await receiveStock({ locationId: store.id, lines: [{ variantId: v.id, quantity: 10 }] }, ctx);
    const [first] = await reserveStock({ lines: [{ variantId: v.id, locationId: store.id, quantity: 4 }] }, ctx);
    const [second] = await reserveStock({ lines: [{ variantId: v.id, locationId: store.id, quantity: 3 }] }, ctx);

    expect(await releaseReservations({ reservationIds: [first!.id] }, ctx)).toBe(4);
    expect(await releaseReservations({ reservationIds: [first!.id] }, ctx)).toBe(0);
    expect(await level(v.id, store.id)).toMatchObject({ onHand: 10, reserved: 3 });

    expect(await commitReservations({ reservationIds: [second!.id], kind: "SALE" }, ctx)).toBe(3);
    expect(await level(v.id, store.id)).toMatchObject({ onHand: 7, reserved: 0 });
    await expectAppError(commitReservations({ reservationIds: [second!.id], kind: "SALE" }, ctx), "CONFLICT");
    const movements = await db.prisma.inventoryMovement.findMany({ where: { variantId: v.id }, orderBy: { id: "asc" } });
    expect(movements.map((m) => [m.kind, m.quantity])).toEqual([
      ["RECEIPT", 10],
      ["SALE", -3],
    ]);
    const events = await db.prisma.outboxEvent.count({ where: { topic: "inventory.changed", locationId: store.id } });
    expect(events).toBeGreaterThanOrEqual(5);
  });

  it("rejects bad input with the field named", async () => {
    const ctx = systemContext(db.prisma);
    const error = await expectAppError(
      reserveStock({ lines: [{ variantId: "not-an-id", locationId: "00000000-0000-4000-8000-000000000000", quantity: 0 }] } as never, ctx),
      "VALIDATION_FAILED",
    );
    expect(error.details.fields!.map((f) => f.path.join("."))).toEqual(expect.arrayContaining(["lines.0.variantId", "lines.0.quantity"]));
  });
});

describe("adjustments", () => {
  it("follows the reason codes and never takes reserved units", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma, { variants: 1 });
    const ctx = systemContext(db.prisma);
    const [v, store] = [variants[0]!, locations[0]!];
    await receiveStock({ locationId: store.id, lines: [{ variantId: v.id, quantity: 5 }] }, ctx);
    await reserveStock({ lines: [{ variantId: v.id, locationId: store.id, quantity: 4 }] }, ctx);
    await expectAppError(adjustStock({ locationId: store.id, variantId: v.id, quantity: 2, reason: "DAMAGED" }, ctx), "VALIDATION_FAILED", /negative/);
    await expectAppError(adjustStock({ locationId: store.id, variantId: v.id, quantity: -2, reason: "FOUND" }, ctx), "VALIDATION_FAILED", /positive/);
    await expectAppError(adjustStock({ locationId: store.id, variantId: v.id, quantity: -2, reason: "DAMAGED" }, ctx), "INSUFFICIENT_STOCK", /has 1 available/);
    await adjustStock({ locationId: store.id, variantId: v.id, quantity: -1, reason: "DAMAGED", note: "Torn seam" }, ctx);
    await adjustStock({ locationId: store.id, variantId: v.id, quantity: 3, reason: "FOUND" }, ctx);
    expect(await level(v.id, store.id)).toMatchObject({ onHand: 7, reserved: 4 });
    const last = await db.prisma.inventoryMovement.findMany({ where: { variantId: v.id, kind: "ADJUSTMENT" }, orderBy: { id: "asc" } });
    expect(last.map((m) => [m.quantity, m.reason, m.note])).toEqual([
      [-1, "DAMAGED", "Torn seam"],
      [3, "FOUND", null],
    ]);
  });
});

describe("transfers", () => {
  it("moves stock through in transit and reports what went missing", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma);
    const ctx = systemContext(db.prisma);
    const [from, to] = [locations[0]!, locations[1]!];
    const [a, b] = [variants[0]!, variants[1]!];
    await receiveStock({ locationId: from.id, lines: [{ variantId: a.id, quantity: 10 }, { variantId: b.id, quantity: 4 }] }, ctx);

    const transfer = await requestTransfer({ fromLocationId: from.id, toLocationId: to.id, lines: [{ variantId: a.id, quantity: 6 }, { variantId: b.id, quantity: 4 }] }, ctx);
    expect(transfer.number).toMatch(/^TR-\d{6}$/);
    await shipTransfer({ transferId: transfer.id, lines: [{ variantId: b.id, quantity: 3 }] }, ctx);
    expect(await level(a.id, from.id)).toMatchObject({ onHand: 4 });
    expect(await level(a.id, to.id)).toMatchObject({ onHand: 0, inTransit: 6 });
    const [availability] = await getAvailability({ variantIds: [a.id] }, ctx);
    expect(availability).toMatchObject({ networkAvailable: 4, networkInTransit: 6 });

    await expectAppError(cancelTransfer({ transferId: transfer.id }, ctx), "INVALID_TRANSITION", /shipped/);
    const { discrepancies } = await receiveTransfer({ transferId: transfer.id, lines: [{ variantId: a.id, quantity: 5 }] }, ctx);
    expect(discrepancies).toEqual([{ variantId: a.id, shipped: 6, received: 5, difference: -1 }]);
    expect(await level(a.id, to.id)).toMatchObject({ onHand: 5, inTransit: 0 });
    expect(await level(b.id, to.id)).toMatchObject({ onHand: 3, inTransit: 0 });
    await expectAppError(receiveTransfer({ transferId: transfer.id }, ctx), "INVALID_TRANSITION");

    const other = await requestTransfer({ fromLocationId: from.id, toLocationId: to.id, lines: [{ variantId: a.id, quantity: 1 }] }, ctx);
    await cancelTransfer({ transferId: other.id }, ctx);
    await expectAppError(shipTransfer({ transferId: other.id }, ctx), "INVALID_TRANSITION", /cancelled/);
  });

  it("refuses a transfer to the same location, naming the field", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma, { variants: 1 });
    const error = await expectAppError(
      requestTransfer({ fromLocationId: locations[0]!.id, toLocationId: locations[0]!.id, lines: [{ variantId: variants[0]!.id, quantity: 1 }] }, systemContext(db.prisma)),
      "VALIDATION_FAILED",
    );
    expect(error.details.fields![0]!.path).toEqual(["toLocationId"]);
  });
});

describe("cycle counts", () => {
  it("posts counted − expected even when sales happened during the count", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma);
    const ctx = systemContext(db.prisma);
    const store = locations[0]!;
    const [a, b] = [variants[0]!, variants[1]!];
    await receiveStock({ locationId: store.id, lines: [{ variantId: a.id, quantity: 10 }, { variantId: b.id, quantity: 2 }] }, ctx);
    const count = await startCycleCount({ locationId: store.id }, ctx);
    expect(count.lines.map((l) => l.expected).sort()).toEqual([10, 2].sort());
    await adjustStock({ locationId: store.id, variantId: a.id, quantity: -1, reason: "DAMAGED" }, ctx);
    await recordCycleCount({ cycleCountId: count.id, counts: [{ variantId: a.id, counted: 8 }, { variantId: b.id, counted: 2 }] }, ctx);
    const { variances } = await postCycleCount({ cycleCountId: count.id }, ctx);
    expect(variances.find((v) => v.variantId === a.id)).toMatchObject({ expected: 10, counted: 8, variance: -2 });
    expect(await level(a.id, store.id)).toMatchObject({ onHand: 7 });
    await expectAppError(postCycleCount({ cycleCountId: count.id }, ctx), "INVALID_TRANSITION");
  });
});

describe("verifyLedger", () => {
  it("finds a level changed behind the ledger's back", async () => {
    const { locations, variants } = await inventoryWorld(db.prisma, { variants: 1 });
    const ctx = systemContext(db.prisma);
    await receiveStock({ locationId: locations[0]!.id, lines: [{ variantId: variants[0]!.id, quantity: 3 }] }, ctx);
    const before = await verifyLedger(db.prisma);
    expect(before.mismatches.filter((m) => m.variantId === variants[0]!.id)).toEqual([]);
    await db.prisma.inventoryLevel.update({
      where: { variantId_locationId: { variantId: variants[0]!.id, locationId: locations[0]!.id } },
      data: { onHand: 5 },
    });
    const after = await verifyLedger(db.prisma);
    expect(after.mismatches.filter((m) => m.variantId === variants[0]!.id)).toEqual([
      expect.objectContaining({ onHand: 5, ledgerSum: 3, problem: "ON_HAND_DIFFERS_FROM_LEDGER" }),
    ]);
  });
});
