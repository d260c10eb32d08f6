import { AppError } from "@oms/contracts";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimFulfillmentOrder, handOverPickup, packAndStage, pickupQueue } from "./index.ts";
import { pickupWorld } from "./testing.ts";

let db: TestDatabase;
let w: Awaited<ReturnType<typeof pickupWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickupWorld(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

const appError = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(AppError.isAppError(e), String(e)).toBe(true);
  return e as AppError;
};

async function readyOrder(lines: { variantId: string; quantity: number }[], payment: "PAID" | "PAY_AT_PICKUP" = "PAID") {
  const order = await w.pickupOrder(w.storeA.id, lines);
  if (payment === "PAY_AT_PICKUP") await db.prisma.order.update({ where: { id: order.id }, data: { paymentStatus: "PAY_AT_PICKUP" } });
  const f = order.fulfillmentOrders[0]!;
  await claimFulfillmentOrder({ fulfillmentOrderId: f.id }, w.as(w.anna));
  await packAndStage({ fulfillmentOrderId: f.id, bagCount: 1, stagingShelf: "P1" }, w.as(w.anna));
  return { order, f: await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id }, include: { lines: true } }) };
}
const level = (variantId: string) => db.prisma.inventoryLevel.findUniqueOrThrow({ where: { variantId_locationId: { variantId, locationId: w.storeA.id } } });

describe("handover at the counter", () => {
  it("by code: a wrong code is refused, the right one hands over; stock leaves through the ledger; who and how are recorded", async () => {
    const v = await w.variant("Lamp", { [w.storeA.id]: { units: 3 } });
    const { order, f } = await readyOrder([{ variantId: v.id, quantity: 1 }]);
    const wrong = await appError(handOverPickup({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: "000000" === f.pickupCode ? "111111" : "000000" }, w.as(w.ben)));
    expect(wrong.details.fields).toEqual([expect.objectContaining({ path: ["pickupCode"] })]);
    const done = await handOverPickup({ fulfillmentOrderId: f.id, verification: "QR", pickupCode: f.pickupCode! }, w.as(w.ben));
    expect(done).toMatchObject({ status: "PICKED_UP", units: 1, remaining: 0, verification: "QR" });
    const row = await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } });
    expect(row).toMatchObject({ status: "PICKED_UP", handoverVerification: "QR", handedOverById: w.ben.id, idCheckNote: null });
    expect(await level(v.id)).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await db.prisma.inventoryMovement.count({ where: { variantId: v.id, kind: "PICKUP_HANDOVER" } })).toBe(1);
    const event = await db.prisma.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "fulfillment.picked_up" } });
    expect(event.message).toMatch(/QR code scanned; handed over by Ben Kowalski\.$/);
    expect((await db.prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toMatch(/FULFILLED|COMPLETED/);
  });

  it("with an ID check when the code is lost: the note is required and recorded", async () => {
    const v = await w.variant("Vase", { [w.storeA.id]: { units: 1 } });
    const { f } = await readyOrder([{ variantId: v.id, quantity: 1 }]);
    const noNote = await appError(handOverPickup({ fulfillmentOrderId: f.id, verification: "ID" }, w.as(w.anna)));
    expect(noNote.details.fields).toEqual([expect.objectContaining({ path: ["idCheckNote"] })]);
    await handOverPickup({ fulfillmentOrderId: f.id, verification: "ID", idCheckNote: "ID card, name matches Ada Lovelace" }, w.as(w.anna));
    expect(await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).toMatchObject({
      status: "PICKED_UP",
      handoverVerification: "ID",
      idCheckNote: "ID card, name matches Ada Lovelace",
      handedOverById: w.anna.id,
    });
  });

  it("pay at pickup: refused until paid", async () => {
    const v = await w.variant("Kettle", { [w.storeA.id]: { units: 1 } });
    const { f } = await readyOrder([{ variantId: v.id, quantity: 1 }], "PAY_AT_PICKUP");
    // The paid test order records a captured payment; a pay-at-pickup one has none.
    await db.prisma.payment.deleteMany({ where: { orderId: f.orderId } });
    const e = await appError(handOverPickup({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode! }, w.as(w.anna)));
    expect(e.code).toBe("PAYMENT_FAILED");
    expect(e.message).toMatch(/15[.,]00 is still to pay .* Take the payment before handing over\./);
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("READY_FOR_PICKUP");
  });

  it("partial collection: some units now, the rest stays ready on the shelf with the same code, then the rest", async () => {
    const a = await w.variant("Plate", { [w.storeA.id]: { units: 6 } });
    const b = await w.variant("Bowl", { [w.storeA.id]: { units: 2 } });
    const { order, f } = await readyOrder([{ variantId: a.id, quantity: 4 }, { variantId: b.id, quantity: 1 }]);
    const plates = f.lines.find((l) => l.variantId === a.id)!;
    const bowl = f.lines.find((l) => l.variantId === b.id)!;
    const tooMany = await appError(handOverPickup({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode!, lines: [{ fulfillmentOrderLineId: plates.id, quantity: 5 }] }, w.as(w.anna)));
    expect(tooMany.details.fields).toEqual([expect.objectContaining({ path: ["lines", 0, "quantity"] })]);

    const first = await handOverPickup({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode!, lines: [{ fulfillmentOrderLineId: plates.id, quantity: 3 }, { fulfillmentOrderLineId: bowl.id, quantity: 0 }] }, w.as(w.anna));
    expect(first).toMatchObject({ status: "READY_FOR_PICKUP", units: 3, remaining: 2 });
    expect(await level(a.id)).toMatchObject({ onHand: 3, reserved: 1 });
    expect(await level(b.id)).toMatchObject({ onHand: 2, reserved: 1 });
    expect(await db.prisma.fulfillmentOrderLine.findUniqueOrThrow({ where: { id: plates.id } })).toMatchObject({ quantityFulfilled: 3 });
    const q = await pickupQueue({ locationId: w.storeA.id }, { db: db.prisma, now: new Date() });
    expect(q.groups.ready.find((c) => c.id === f.id)).toBeDefined();
    expect(await db.prisma.orderEvent.count({ where: { orderId: order.id, type: "pickup.partially_collected" } })).toBe(1);

    const rest = await handOverPickup({ fulfillmentOrderId: f.id, verification: "CODE", pickupCode: f.pickupCode! }, w.as(w.ben));
    expect(rest).toMatchObject({ status: "PICKED_UP", units: 2, remaining: 0 });
    expect(await level(a.id)).toMatchObject({ onHand: 2, reserved: 0 });
    expect(await level(b.id)).toMatchObject({ onHand: 1, reserved: 0 });
    const lines = await db.prisma.orderLine.findMany({ where: { orderId: order.id } });
    expect(lines.every((l) => l.quantityFulfilled === l.quantity)).toBe(true);
    expect(await db.prisma.inventoryMovement.count({ where: { variantId: a.id, kind: "PICKUP_HANDOVER" } })).toBe(2);
  });
});
