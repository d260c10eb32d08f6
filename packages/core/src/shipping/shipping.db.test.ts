import { AppError } from "@oms/contracts";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrder } from "../orders/index.ts";
import { resolveShortPick } from "../pickup/index.ts";
import { pickupWorld } from "../pickup/testing.ts";
import { cancelOrder, sweepLateOrders } from "../orders/index.ts";
import type { CarrierPort, ShippingContext } from "./carrier-port.ts";
import { batchPickList, buyLabels, closeManifest, packShipment, quoteRates, scanBatchItem, shipFulfillment, shippingQueue, startBatchPick, voidLabel } from "./index.ts";

let db: TestDatabase;
let w: Awaited<ReturnType<typeof pickupWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  w = await pickupWorld(db.prisma);
  for (const locationId of [w.storeA.id, w.storeB.id]) {
    await db.prisma.locationCarrier.create({ data: { locationId, carrier: "test", defaultService: "standard", cutoffTime: "15:00" } });
  }
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

/**
 * A carrier for these tests that behaves like the simulated one where it matters (same key →
 * same label) and can be told to fail: `failNext` throws before answering, `loseAnswer` buys
 * the label and then throws (the crash between the carrier's answer and our commit).
 */
function testCarrier() {
  const bought = new Map<string, { shipmentId: string; trackingNumber: string }>();
  const state = { calls: 0, failNext: null as AppError | null, loseAnswer: false, cancelled: [] as string[], manifests: [] as string[][], refuseCancel: false, failManifest: false };
  const carrier: CarrierPort = {
    code: "test",
    name: "Test Post",
    async getRates(r) {
      const kg = Math.ceil(r.parcel.weightGrams / 1000);
      return [
        { rateId: null, carrier: "Test Post", service: "standard", serviceName: "Standard", amount: 500 + 100 * kg, currency: r.currency, estimatedDays: 2 },
        { rateId: null, carrier: "Test Post", service: "express", serviceName: "Express", amount: 1200 + 200 * kg, currency: r.currency, estimatedDays: 1 },
      ];
    },
    async createShipment(r) {
      state.calls += 1;
      if (state.failNext) {
        const e = state.failNext;
        state.failNext = null;
        throw e;
      }
      const known = bought.get(r.idempotencyKey);
      const hash = createHash("sha256").update(r.idempotencyKey).digest("hex");
      const label = known ?? { shipmentId: `t_${hash.slice(0, 12)}`, trackingNumber: `TT${hash.slice(0, 10).toUpperCase()}` };
      bought.set(r.idempotencyKey, label);
      if (state.loseAnswer) {
        state.loseAnswer = false;
        throw new Error("connection reset after the label was bought");
      }
      return { ...label, service: r.service, trackingUrl: null, labelUrl: `test:${label.shipmentId}`, labelFormat: r.labelFormat, amount: 600, currency: r.currency };
    },
    async labelDocument() {
      return { contentType: "application/pdf", data: new Uint8Array([37, 80, 68, 70]) };
    },
    async cancelShipment(id) {
      if (state.refuseCancel) return { cancelled: false, message: "Already scanned at the depot" };
      state.cancelled.push(id);
      return { cancelled: true, message: null };
    },
    async closeManifest(r) {
      if (state.failManifest) throw new AppError("UNAVAILABLE", "Test Post is not answering.", { retryable: true });
      state.manifests.push(r.shipmentIds);
      return { manifestId: `m_${r.shipmentIds.length}`, documentUrl: null };
    },
  };
  return { carrier, state, bought };
}

const address = { name: "Ada Lovelace", line1: "Hauptstraße 5", city: "Berlin", postalCode: "10115", countryCode: "DE", phone: "+49 30 1234567" };

async function shipOrder(locationId: string, lines: { variantId: string; quantity: number }[], now = new Date()) {
  const o = await createOrder(
    { channel: "WEB", customer: { name: "Ada Lovelace", email: `ada-${w.unique()}@test.example` }, currency: "EUR", lines, fulfillment: { type: "SHIP", address }, payment: { status: "PAID" } },
    w.system(now),
  );
  const f = o.fulfillmentOrders[0]!;
  expect(f.locationId).toBe(locationId);
  return f;
}

function ctxWith(carrier: CarrierPort, user = w.anna, now = new Date()): ShippingContext {
  return { ...w.as(user, now), carriers: { get: (code) => (code === carrier.code ? carrier : null) } };
}

/** Picked by scanning and packed in one parcel, as anna. */
async function pickedAndPacked(variant: { id: string; barcodes: { code: string }[] }, quantity = 1) {
  const f = await shipOrder(w.storeA.id, [{ variantId: variant.id, quantity }]);
  await startBatchPick({ locationId: w.storeA.id, fulfillmentOrderIds: [f.id] }, w.as(w.anna));
  for (let i = 0; i < quantity; i++) await scanBatchItem({ locationId: w.storeA.id, fulfillmentOrderIds: [f.id], code: variant.barcodes[0]!.code }, w.as(w.anna));
  await packShipment({ fulfillmentOrderId: f.id, parcels: [{ lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams: 1200 }] }, w.as(w.anna));
  return f;
}

describe("the packing bench queue", () => {
  it("shows the location's SHIP orders with the carrier's cut-off; one that missed it is late, pickups stay off", async () => {
    const v = await w.variant("Queue boots", { [w.storeA.id]: { units: 10, bin: "B-02" } });
    const morning = new Date("2026-03-10T08:00:00Z"); // 09:00 in Berlin, before the 15:00 cut-off
    const early = await shipOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }], morning);
    await db.prisma.fulfillmentOrder.update({ where: { id: early.id }, data: { createdAt: morning } });
    const pickup = await w.pickupOrder(w.storeA.id, [{ variantId: v.id, quantity: 1 }]);

    const at = new Date("2026-03-10T13:00:00Z"); // 14:00 Berlin
    const before = await shippingQueue({ locationId: w.storeA.id, now: at }, w.as(w.anna, at));
    const card = before.groups.new.find((c) => c.id === early.id)!;
    expect(card.shipBy?.toISOString()).toBe("2026-03-10T14:00:00.000Z");
    expect(card.late).toBe(false);
    expect(card.carrier).toBe("test");
    expect(card.shipTo).toMatchObject({ city: "Berlin", postalCode: "10115" });
    expect(card.lines[0]).toMatchObject({ bin: "B-02", quantity: 1 });
    expect(before.groups.new.some((c) => c.id === pickup.fulfillmentOrders[0]!.id)).toBe(false);
    expect(before.carriers).toEqual([expect.objectContaining({ carrier: "test", cutoffTime: "15:00", cutoffToday: new Date("2026-03-10T14:00:00Z") })]);

    const after = new Date("2026-03-10T14:30:00Z");
    const late = await shippingQueue({ locationId: w.storeA.id, now: after }, w.as(w.anna, after));
    expect(late.groups.new.find((c) => c.id === early.id)!.late).toBe(true);
  });

  it("the SLA sweep flags a SHIP order nobody shipped, and shipping it closes that task", async () => {
    const v = await w.variant("Sweep scarf", { [w.storeA.id]: { units: 3 } });
    const { carrier } = testCarrier();
    const f = await pickedAndPacked(v);
    const pick = await db.prisma.task.findFirst({ where: { fulfillmentOrderId: f.id, kind: "PICK" } });
    expect(pick?.status).toBe("DONE");
    await sweepLateOrders(w.system(new Date(Date.now() + 30 * 86_400_000)));
    expect((await db.prisma.task.findFirst({ where: { fulfillmentOrderId: f.id, kind: "LATE_SHIPMENT" } }))?.status).toBe("OPEN");
    await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    await shipFulfillment({ fulfillmentOrderId: f.id }, w.as(w.anna));
    expect((await db.prisma.task.findFirst({ where: { fulfillmentOrderId: f.id, kind: "LATE_SHIPMENT" } }))?.status).toBe("DONE");
  });
});

describe("batch picking by scan", () => {
  it("merges several orders into one walk sorted by bin; each scan confirms one unit on the most urgent order", async () => {
    const shoes = await w.variant("Batch shoes", { [w.storeA.id]: { units: 10, bin: "C-10" } });
    const socks = await w.variant("Batch socks", { [w.storeA.id]: { units: 10, bin: "A-2" } });
    const first = await shipOrder(w.storeA.id, [{ variantId: shoes.id, quantity: 1 }, { variantId: socks.id, quantity: 2 }]);
    const second = await shipOrder(w.storeA.id, [{ variantId: shoes.id, quantity: 1 }]);
    const batch = { locationId: w.storeA.id, fulfillmentOrderIds: [second.id, first.id] };

    const list = await startBatchPick(batch, w.as(w.anna));
    expect(list.orders.map((o) => o.status)).toEqual(["PICKING", "PICKING"]);
    expect(list.entries.map((e) => [e.bin, e.quantity])).toEqual([
      ["A-2", 2],
      ["C-10", 2],
    ]);
    // Ben cannot take over Anna's batch.
    expect((await appError(startBatchPick(batch, w.as(w.ben)))).code).toBe("CONFLICT");

    const one = await scanBatchItem({ ...batch, code: shoes.barcodes[0]!.code }, w.as(w.anna));
    expect(one).toMatchObject({ fulfillmentOrderId: first.id, quantityPicked: 1 });
    const two = await scanBatchItem({ ...batch, code: shoes.barcodes[0]!.code }, w.as(w.anna));
    expect(two).toMatchObject({ fulfillmentOrderId: second.id, quantityPicked: 1 });
    const extra = await appError(scanBatchItem({ ...batch, code: shoes.barcodes[0]!.code }, w.as(w.anna)));
    expect(extra.message).toMatch(/already picked/);
    const stranger = await appError(scanBatchItem({ ...batch, code: "0000000000" }, w.as(w.anna)));
    expect(stranger.details).toMatchObject({ fields: [{ path: ["code"] }] });

    // Packing before every unit is counted names what is missing.
    const early = await appError(packShipment({ fulfillmentOrderId: first.id, parcels: [{ lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams: 900 }] }, w.as(w.anna)));
    expect(early.message).toContain("2 × Batch socks");
    await scanBatchItem({ ...batch, code: socks.sku }, w.as(w.anna));
    await scanBatchItem({ ...batch, code: socks.barcodes[0]!.code }, w.as(w.anna));
    expect((await batchPickList(batch, w.as(w.anna))).complete).toBe(true);
  });

  it("a short pick on the bench uses the pickup screen's resolution (partial)", async () => {
    const mugs = await w.variant("Short mugs", { [w.storeA.id]: { units: 5, bin: "D-1" } });
    const f = await shipOrder(w.storeA.id, [{ variantId: mugs.id, quantity: 3 }]);
    const batch = { locationId: w.storeA.id, fulfillmentOrderIds: [f.id] };
    await startBatchPick(batch, w.as(w.anna));
    await scanBatchItem({ ...batch, code: mugs.barcodes[0]!.code }, w.as(w.anna));
    await resolveShortPick({ fulfillmentOrderId: f.id, fulfillmentOrderLineId: f.lines[0]!.id, choice: "PARTIAL", quantity: 2, reason: "Two are broken" }, w.as(w.anna));
    const list = await batchPickList(batch, w.as(w.anna));
    expect(list.entries[0]).toMatchObject({ quantity: 1, quantityPicked: 1 });
    await expect(packShipment({ fulfillmentOrderId: f.id, parcels: [{ lengthMm: 200, widthMm: 200, heightMm: 200, weightGrams: 700 }] }, w.as(w.anna))).resolves.toMatchObject({ status: "PACKED" });
  });
});

describe("packing", () => {
  it("takes the box's outside size, checks the weight against tare and limit, records each parcel", async () => {
    const box = await db.prisma.packagingBox.create({ data: { code: `M-${w.unique()}`, name: "Medium box", innerLengthMm: 300, innerWidthMm: 200, innerHeightMm: 150, wallMm: 4, tareGrams: 250, maxWeightGrams: 10_000 } });
    const other = await db.prisma.packagingBox.create({ data: { locationId: w.storeB.id, code: `B-${w.unique()}`, name: "Store B box", innerLengthMm: 100, innerWidthMm: 100, innerHeightMm: 100, tareGrams: 100, maxWeightGrams: 2000 } });
    const v = await w.variant("Pack lamp", { [w.storeA.id]: { units: 5 } });
    const f = await shipOrder(w.storeA.id, [{ variantId: v.id, quantity: 2 }]);
    const batch = { locationId: w.storeA.id, fulfillmentOrderIds: [f.id] };
    await startBatchPick(batch, w.as(w.anna));
    await scanBatchItem({ ...batch, code: v.barcodes[0]!.code }, w.as(w.anna));
    await scanBatchItem({ ...batch, code: v.barcodes[0]!.code }, w.as(w.anna));

    const tooLight = await appError(packShipment({ fulfillmentOrderId: f.id, parcels: [{ boxId: box.id, weightGrams: 200 }] }, w.as(w.anna)));
    expect(tooLight.details).toMatchObject({ fields: [{ path: ["parcels", 0, "weightGrams"] }] });
    const tooHeavy = await appError(packShipment({ fulfillmentOrderId: f.id, parcels: [{ boxId: box.id, weightGrams: 800 }, { boxId: box.id, weightGrams: 12_000 }] }, w.as(w.anna)));
    expect(tooHeavy.details).toMatchObject({ fields: [{ path: ["parcels", 1, "weightGrams"] }] });
    const foreignBox = await appError(packShipment({ fulfillmentOrderId: f.id, parcels: [{ boxId: other.id, weightGrams: 800 }] }, w.as(w.anna)));
    expect(foreignBox.details).toMatchObject({ fields: [{ path: ["parcels", 0, "boxId"] }] });
    const noSize = await appError(packShipment({ fulfillmentOrderId: f.id, parcels: [{ weightGrams: 800 }] }, w.as(w.anna)));
    expect(noSize.code).toBe("VALIDATION_FAILED");
    expect((await appError(packShipment({ fulfillmentOrderId: f.id, parcels: [{ boxId: box.id, weightGrams: 900 }] }, w.as(w.ben)))).code).toBe("CONFLICT");

    const packed = await packShipment({ fulfillmentOrderId: f.id, parcels: [{ boxId: box.id, weightGrams: 900 }, { lengthMm: 400, widthMm: 300, heightMm: 50, weightGrams: 600 }] }, w.as(w.anna));
    expect(packed.status).toBe("PACKED");
    expect(packed.parcels.map((p) => [p.sequence, p.lengthMm, p.widthMm, p.heightMm, p.weightGrams])).toEqual([
      [1, 308, 208, 158, 900],
      [2, 400, 300, 50, 600],
    ]);
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).bagCount).toBe(2);
  });
});

describe("labels", () => {
  it("rates add up over the parcels; buying records the intent first and one label per parcel", async () => {
    const { carrier, state } = testCarrier();
    const v = await w.variant("Label kettle", { [w.storeA.id]: { units: 5 } });
    const f = await pickedAndPacked(v);
    const rates = await quoteRates({ fulfillmentOrderId: f.id }, ctxWith(carrier));
    expect(rates.offers[0]).toMatchObject({ carrier: "test", service: "standard", amount: 700, currency: "EUR", isDefault: true });

    const result = await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    expect(result.labels).toHaveLength(1);
    const row = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: f.id } });
    expect(row).toMatchObject({ status: "LABEL_CREATED", carrier: "test", labelAmount: 600, labelCurrency: "EUR", weightGrams: 1200, lengthMm: 300, labelFormat: "PDF" });
    expect(row.idempotencyKey).toMatch(/^label:/);
    // Buying again buys nothing new.
    await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    expect(state.calls).toBe(1);
    expect(await db.prisma.shipment.count({ where: { fulfillmentOrderId: f.id } })).toBe(1);
  });

  it("a crash between the carrier's answer and our commit is recovered with the same key: the same label, bought once", async () => {
    const { carrier, state, bought } = testCarrier();
    const v = await w.variant("Crash vase", { [w.storeA.id]: { units: 5 } });
    const f = await pickedAndPacked(v);
    state.loseAnswer = true;
    await expect(buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier))).rejects.toThrow("connection reset");
    const pending = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: f.id } });
    expect(pending.status).toBe("LABEL_PENDING");
    expect(bought.size).toBe(1);

    const retry = await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    expect(bought.size).toBe(1);
    expect(state.calls).toBe(2);
    const row = await db.prisma.shipment.findUniqueOrThrow({ where: { id: pending.id } });
    expect(row).toMatchObject({ status: "LABEL_CREATED", idempotencyKey: pending.idempotencyKey, trackingNumber: [...bought.values()][0]!.trackingNumber });
    expect(retry.labels.map((l) => l.shipmentId)).toEqual([pending.id]);
  });

  it("no answer keeps the intent for a retry; a refusal cancels it with the carrier's words", async () => {
    const { carrier, state } = testCarrier();
    const v = await w.variant("Refused rug", { [w.storeA.id]: { units: 5 } });
    const f = await pickedAndPacked(v);
    state.failNext = new AppError("UNAVAILABLE", "Test Post did not answer.", { retryable: true });
    await expect(buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier))).rejects.toThrow("did not answer");
    const kept = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: f.id } });
    expect(kept).toMatchObject({ status: "LABEL_PENDING", labelError: "Test Post did not answer." });

    state.failNext = new AppError("VALIDATION_FAILED", "to: Test Post does not deliver there.", { fields: [{ path: ["to"], message: "No delivery" }] });
    await expect(buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier))).rejects.toThrow("does not deliver");
    expect(await db.prisma.shipment.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ status: "CANCELLED", labelError: "to: Test Post does not deliver there." });

    // The next attempt is a new purchase with a new key.
    await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    const live = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: f.id, status: "LABEL_CREATED" } });
    expect(live.idempotencyKey).not.toBe(kept.idempotencyKey);
  });

  it("a label can be voided until it leaves; a refused void keeps it; shipping needs every parcel labelled", async () => {
    const { carrier, state } = testCarrier();
    const v = await w.variant("Void chair", { [w.storeA.id]: { units: 5 } });
    const f = await pickedAndPacked(v);
    expect((await appError(shipFulfillment({ fulfillmentOrderId: f.id }, w.as(w.anna)))).message).toMatch(/buy a label/);
    await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    const label = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: f.id, status: "LABEL_CREATED" } });

    state.refuseCancel = true;
    await expect(voidLabel({ shipmentId: label.id }, ctxWith(carrier))).rejects.toThrow("Already scanned at the depot");
    expect((await db.prisma.shipment.findUniqueOrThrow({ where: { id: label.id } })).status).toBe("LABEL_CREATED");
    state.refuseCancel = false;
    await expect(voidLabel({ shipmentId: label.id }, ctxWith(carrier))).resolves.toMatchObject({ cancelled: true });
    expect(await db.prisma.shipment.findUniqueOrThrow({ where: { id: label.id } })).toMatchObject({ status: "CANCELLED", voidedAt: expect.any(Date) });
    expect(state.cancelled).toEqual([label.carrierShipmentId]);

    await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "express" }, ctxWith(carrier));
    const shipped = await shipFulfillment({ fulfillmentOrderId: f.id }, w.as(w.anna));
    expect(shipped.status).toBe("SHIPPED");
    const fo = await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id }, include: { order: { select: { status: true } } } });
    expect(fo.status).toBe("SHIPPED");
    expect(fo.order.status).toBe("IN_FULFILLMENT");
    const sent = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: f.id, status: "IN_TRANSIT" } });
    expect((await appError(voidLabel({ shipmentId: sent.id }, ctxWith(carrier)))).code).toBe("INVALID_TRANSITION");
    // The stock left with the parcel.
    const level = await db.prisma.inventoryLevel.findFirstOrThrow({ where: { variantId: v.id, locationId: w.storeA.id } });
    expect(level).toMatchObject({ onHand: 4, reserved: 0 });
  });
});

describe("a cancelled order with a bought label", () => {
  it("stays on the bench under problems until its label is voided", async () => {
    const { carrier, state } = testCarrier();
    const v = await w.variant("Cancelled clock", { [w.storeA.id]: { units: 3 } });
    const f = await pickedAndPacked(v);
    await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    await cancelOrder({ orderId: f.orderId, reason: "Customer changed their mind" }, w.as(w.managerA));
    const later = new Date(Date.now() + 3 * 86_400_000);
    const queue = await shippingQueue({ locationId: w.storeA.id, now: later }, w.as(w.anna, later));
    const card = queue.groups.problems.find((c) => c.id === f.id)!;
    expect(card.shipments.map((s) => s.status)).toEqual(["LABEL_CREATED"]);
    await voidLabel({ shipmentId: card.shipments[0]!.id }, ctxWith(carrier));
    expect(state.cancelled).toHaveLength(1);
    const after = await shippingQueue({ locationId: w.storeA.id, now: later }, w.as(w.anna, later));
    expect(after.groups.problems.some((c) => c.id === f.id)).toBe(false);
  });
});

describe("the end-of-day manifest", () => {
  it("hands over every labelled parcel since the last close, ships packed orders, and a failed close gives the labels back", async () => {
    const { carrier, state } = testCarrier();
    const v = await w.variant("Manifest plate", { [w.storeB.id]: { units: 10 } });
    const ctxB = (now = new Date()) => ({ ...w.as(w.admin, now), carriers: { get: (code: string) => (code === "test" ? carrier : null) } });
    const orders = [];
    for (let i = 0; i < 2; i++) {
      const f = await shipOrder(w.storeB.id, [{ variantId: v.id, quantity: 1 }]);
      await startBatchPick({ locationId: w.storeB.id, fulfillmentOrderIds: [f.id] }, w.as(w.admin));
      await scanBatchItem({ locationId: w.storeB.id, fulfillmentOrderIds: [f.id], code: v.barcodes[0]!.code }, w.as(w.admin));
      await packShipment({ fulfillmentOrderId: f.id, parcels: [{ lengthMm: 200, widthMm: 200, heightMm: 200, weightGrams: 500 }] }, w.as(w.admin));
      orders.push(f);
    }
    await buyLabels({ fulfillmentOrderId: orders[0]!.id, carrier: "test", service: "standard" }, ctxB());
    await buyLabels({ fulfillmentOrderId: orders[1]!.id, carrier: "test", service: "standard" }, ctxB());
    await shipFulfillment({ fulfillmentOrderId: orders[1]!.id }, w.as(w.admin));

    state.failManifest = true;
    await expect(closeManifest({ locationId: w.storeB.id, carrier: "test" }, ctxB())).rejects.toThrow("did not take the manifest");
    expect(await db.prisma.shipment.count({ where: { fulfillmentOrderId: { in: orders.map((o) => o.id) }, manifestId: { not: null } } })).toBe(0);
    expect(await db.prisma.carrierManifest.count({ where: { locationId: w.storeB.id } })).toBe(0);

    state.failManifest = false;
    const manifest = await closeManifest({ locationId: w.storeB.id, carrier: "test" }, ctxB());
    expect(manifest).toMatchObject({ status: "CLOSED", carrierManifestId: "m_2" });
    expect(manifest.shipments).toHaveLength(2);
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: orders[0]!.id } })).status).toBe("SHIPPED");
    // Nothing left: the next close has nothing to hand over.
    expect((await appError(closeManifest({ locationId: w.storeB.id, carrier: "test" }, ctxB()))).details).toMatchObject({ fields: [{ path: ["carrier"] }] });
    const onManifest = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: orders[0]!.id } });
    expect((await appError(voidLabel({ shipmentId: onManifest.id }, ctxB()))).code).toBe("INVALID_TRANSITION");
  });

  it("a close that crashed after claiming its labels is finished by the next close with the same labels", async () => {
    const { carrier } = testCarrier();
    const v = await w.variant("Crash bowl", { [w.storeA.id]: { units: 5 } });
    const f = await pickedAndPacked(v);
    await buyLabels({ fulfillmentOrderId: f.id, carrier: "test", service: "standard" }, ctxWith(carrier));
    const label = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: f.id, status: "LABEL_CREATED" } });
    // What step 1 leaves when the process dies before the carrier answers.
    const pending = await db.prisma.carrierManifest.create({ data: { locationId: w.storeA.id, carrier: "test", shipDate: new Date() } });
    await db.prisma.shipment.update({ where: { id: label.id }, data: { manifestId: pending.id } });
    const other = await pickedAndPacked(v);
    await buyLabels({ fulfillmentOrderId: other.id, carrier: "test", service: "standard" }, ctxWith(carrier));

    const closed = await closeManifest({ locationId: w.storeA.id, carrier: "test" }, ctxWith(carrier));
    expect(closed.id).toBe(pending.id);
    expect(closed.shipments.map((s) => s.id)).toEqual([label.id]);
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: f.id } })).status).toBe("SHIPPED");
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("PACKED");
  });
});
