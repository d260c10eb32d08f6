import { useTestDatabase } from "@oms/db/testing";
import { describe, expect, it } from "vitest";
import { getPurchaseOrder, listPurchaseOrders } from "../inventory-queries/index.ts";
import { expectAppError } from "../testing/index.ts";
import { inventoryWorld, systemContext } from "./inventory.fixtures.ts";
import { cancelPurchaseOrder, createPurchaseOrder, markPurchaseOrderOrdered, receivePurchaseOrder, verifyLedger } from "./index.ts";

const db = useTestDatabase();

async function orderedPo() {
  const { locations, variants } = await inventoryWorld(db.prisma, { locations: 1, variants: 2 });
  const [a, b] = variants as [(typeof variants)[0], (typeof variants)[0]];
  const store = locations[0]!;
  const ctx = systemContext(db.prisma);
  const draft = await createPurchaseOrder(
    { locationId: store.id, supplierName: "Nordic Outdoor Supply", currency: "eur", lines: [{ variantId: a.id, quantity: 10, unitCost: 2_500 }, { variantId: b.id, quantity: 4, unitCost: 1_000 }] },
    ctx,
  );
  return { store, a, b, ctx, draft };
}

describe("purchase orders", () => {
  it("a draft is ordered, received in parts (RECEIPT movements naming the order), then complete", async () => {
    const { store, a, b, ctx, draft } = await orderedPo();
    expect(draft).toMatchObject({ status: "DRAFT", currency: "EUR", supplierName: "Nordic Outdoor Supply" });
    expect(draft.number).toMatch(/^PO-\d{6}$/);
    // A draft cannot be received yet.
    await expectAppError(receivePurchaseOrder({ purchaseOrderId: draft.id, lines: [{ variantId: a.id, quantity: 1 }] }, ctx), "INVALID_TRANSITION", /only an ordered purchase order/);

    const ordered = await markPurchaseOrderOrdered({ purchaseOrderId: draft.id }, ctx);
    expect(ordered.status).toBe("ORDERED");
    await expectAppError(markPurchaseOrderOrdered({ purchaseOrderId: draft.id }, ctx), "INVALID_TRANSITION", /is ordered; it cannot become ordered/);

    const part = await receivePurchaseOrder({ purchaseOrderId: draft.id, lines: [{ variantId: a.id, quantity: 6 }, { variantId: b.id, quantity: 0 }], note: "First pallet" }, ctx);
    expect(part.status).toBe("PARTIALLY_RECEIVED");
    const level = await db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId: a.id, locationId: store.id } } });
    expect(level.onHand).toBe(6);
    const movements = await db.prisma.inventoryMovement.findMany({ where: { purchaseOrderId: draft.id } });
    expect(movements.map((m) => [m.kind, m.quantity, m.note])).toEqual([["RECEIPT", 6, "First pallet"]]);

    // More than is still expected is refused, naming the line.
    await expectAppError(receivePurchaseOrder({ purchaseOrderId: draft.id, lines: [{ variantId: a.id, quantity: 5 }] }, ctx), "VALIDATION_FAILED", /Only 4 of this item are still expected/);
    await expectAppError(receivePurchaseOrder({ purchaseOrderId: draft.id, lines: [{ variantId: a.id, quantity: 0 }] }, ctx), "VALIDATION_FAILED", /at least one line/);

    const done = await receivePurchaseOrder({ purchaseOrderId: draft.id, lines: [{ variantId: a.id, quantity: 4 }, { variantId: b.id, quantity: 4 }] }, ctx);
    expect(done.status).toBe("RECEIVED");
    expect(done.lines.map((l) => l.quantityReceived).sort()).toEqual([10, 4].sort());
    await expectAppError(receivePurchaseOrder({ purchaseOrderId: draft.id, lines: [{ variantId: b.id, quantity: 1 }] }, ctx), "INVALID_TRANSITION", /is received/);
    await expectAppError(cancelPurchaseOrder({ purchaseOrderId: draft.id }, ctx), "INVALID_TRANSITION");

    const detail = await getPurchaseOrder({ purchaseOrderId: draft.id }, { db: db.prisma });
    expect(detail.totalCost).toBe(10 * 2_500 + 4 * 1_000);
    expect(detail.lines.every((l) => l.open === 0)).toBe(true);
    const list = await listPurchaseOrders({ locationId: store.id }, { db: db.prisma });
    expect(list.items.map((p) => [p.number, p.status, p.unitsOrdered, p.unitsReceived])).toEqual([[draft.number, "RECEIVED", 14, 14]]);
    expect((await listPurchaseOrders({ variantId: b.id }, { db: db.prisma })).items).toHaveLength(1);
    expect((await verifyLedger(db.prisma)).mismatches).toEqual([]);
  });

  it("refuses items not on the order, duplicate lines, and cancels drafts", async () => {
    const { store, a, ctx, draft } = await orderedPo();
    await expectAppError(
      createPurchaseOrder({ locationId: store.id, supplierName: "X", currency: "EUR", lines: [{ variantId: a.id, quantity: 1, unitCost: 1 }, { variantId: a.id, quantity: 2, unitCost: 1 }] }, ctx),
      "VALIDATION_FAILED",
      /lines\.1\.variantId: That item is on the order twice/,
    );
    await expectAppError(createPurchaseOrder({ locationId: store.id, supplierName: " ", currency: "EUR", lines: [] }, ctx), "VALIDATION_FAILED", /supplierName: Enter the supplier/);
    await markPurchaseOrderOrdered({ purchaseOrderId: draft.id }, ctx);
    const { variants } = await inventoryWorld(db.prisma, { locations: 1, variants: 1 });
    await expectAppError(
      receivePurchaseOrder({ purchaseOrderId: draft.id, lines: [{ variantId: variants[0]!.id, quantity: 1 }] }, ctx),
      "VALIDATION_FAILED",
      /lines\.0\.variantId: That item is not on purchase order PO-/,
    );
    expect((await cancelPurchaseOrder({ purchaseOrderId: draft.id }, ctx)).status).toBe("CANCELLED");
    await expectAppError(cancelPurchaseOrder({ purchaseOrderId: "00000000-0000-4000-8000-000000000000" }, ctx), "NOT_FOUND");
  });
});
