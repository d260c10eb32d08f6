// The packing bench through the router with the real simulated carrier: a SHIP order is
// picked by scan, packed, labelled (the label renders as a PDF whose barcode scans as the
// tracking number), shipped and closed on a manifest; other stores are refused.
import { createOrder, receiveStock } from "@oms/core";
import { createStaffWorld, createTestUser, sessionUserOf } from "@oms/core/testing";
import { createTestDatabase, type TestDatabase } from "@oms/db/testing";
import { createCarrierRegistry, SimulatedCarrier } from "@oms/shipping";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labelToolsAvailable, scanPdfBarcodes } from "../../../shipping/src/label-rendering.ts";
import { setCarriersForTests } from "../carriers.ts";
import { createTrpcContext } from "../context.ts";
import { createCallerFactory, router } from "../trpc.ts";
import { ordersRouter } from "./orders.ts";
import { shippingRouter } from "./shipping.ts";

// The two routers this test needs (the full app router is covered by authorization.db.test.ts).
const createCaller = createCallerFactory(router({ shipping: shippingRouter, orders: ordersRouter }));

let db: TestDatabase;
let world: Awaited<ReturnType<typeof createStaffWorld>>;
beforeAll(async () => {
  db = await createTestDatabase();
  world = await createStaffWorld(db.prisma);
  setCarriersForTests(createCarrierRegistry([new SimulatedCarrier({ webhookSecret: "router-test" })]));
  await db.prisma.locationCarrier.create({ data: { locationId: world.storeA.id, carrier: "simulated", defaultService: "standard", cutoffTime: "16:00" } });
});
afterAll(async () => {
  setCarriersForTests(null);
  await db?.drop();
});

const as = (user: Parameters<typeof sessionUserOf>[0]) => createCaller(createTrpcContext({ user: sessionUserOf(user), db: db.prisma }));

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("shipping router", () => {
  it("picks, packs, labels, ships and manifests a web order with the simulated carrier", async () => {
    const system = { db: db.prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
    const category = await db.prisma.category.create({ data: { slug: "ship-router", name: "Ship router" } });
    const product = await db.prisma.product.create({ data: { handle: "ship-router-kettle", name: "Kettle", categoryId: category.id } });
    const v = await db.prisma.variant.create({ data: { productId: product.id, sku: "SR-KETTLE", name: "Steel", prices: { create: { currency: "EUR", amount: 3900 } }, barcodes: { create: { code: "4006381333962" } } } });
    await receiveStock({ locationId: world.storeA.id, lines: [{ variantId: v.id, quantity: 3 }] }, system);
    const box = await db.prisma.packagingBox.create({ data: { code: "SR-M", name: "Medium", innerLengthMm: 300, innerWidthMm: 200, innerHeightMm: 150, tareGrams: 200, maxWeightGrams: 8000 } });
    const order = await createOrder(
      {
        channel: "WEB",
        customer: { name: "Ada Lovelace", email: "ada-router@test.example" },
        currency: "EUR",
        lines: [{ variantId: v.id, quantity: 1 }],
        fulfillment: { type: "SHIP", address: { name: "Ada Lovelace", line1: "Rynek 1", city: "Kraków", postalCode: "31-042", countryCode: "PL" } },
        payment: { status: "PAID" },
      },
      system,
    );
    const f = order.fulfillmentOrders[0]!;
    const associate = await createTestUser(db.prisma, { role: "ASSOCIATE", locationId: world.storeA.id });
    const bench = as(associate);
    const outsider = as(await createTestUser(db.prisma, { role: "ASSOCIATE", locationId: world.storeB.id }));

    const queue = await bench.shipping.queue({ locationId: world.storeA.id });
    expect(queue.groups.new.map((c) => c.id)).toContain(f.id);
    expect((await failure(outsider.shipping.queue({ locationId: world.storeA.id }))).code).toBe("FORBIDDEN");

    const batch = { locationId: world.storeA.id, fulfillmentOrderIds: [f.id] };
    await bench.shipping.startBatch(batch);
    await expect(bench.shipping.scan({ ...batch, code: "4006381333962" })).resolves.toMatchObject({ quantityPicked: 1 });
    const bad = await failure(bench.shipping.pack({ fulfillmentOrderId: f.id, parcels: [{ boxId: box.id, weightGrams: 100 }] }));
    expect(bad.code).toBe("BAD_REQUEST");
    await bench.shipping.pack({ fulfillmentOrderId: f.id, parcels: [{ boxId: box.id, weightGrams: 1300 }] });

    const rates = await bench.shipping.rates({ fulfillmentOrderId: f.id });
    // 1.3 kg Berlin → Kraków (EU): standard 11.90 + 3.00 for the second started kilogram.
    expect(rates.offers.find((o) => o.service === "standard")).toMatchObject({ carrier: "simulated", amount: 1490, currency: "EUR", isDefault: true });
    const bought = await bench.shipping.buyLabels({ fulfillmentOrderId: f.id, carrier: "simulated", service: "standard" });
    const label = bought.labels[0]!;
    expect(label.trackingNumber).toMatch(/^SIM\d{11}$/);
    expect((await failure(outsider.shipping.labelFile({ shipmentId: label.shipmentId }))).code).toBe("FORBIDDEN");

    const file = await bench.shipping.labelFile({ shipmentId: label.shipmentId });
    expect(file.contentType).toBe("application/pdf");
    const pdf = new Uint8Array(Buffer.from(file.base64, "base64"));
    if (labelToolsAvailable()) {
      const scan = scanPdfBarcodes(pdf);
      expect(scan.pages).toBe(1);
      expect(scan.codes).toEqual([`CODE-128:${label.trackingNumber}`]);
    }
    const zpl = await bench.shipping.labelFile({ shipmentId: label.shipmentId, format: "ZPL" });
    expect(Buffer.from(zpl.base64, "base64").toString("utf8")).toContain(label.trackingNumber);

    const slip = await bench.shipping.packingSlip({ fulfillmentOrderId: f.id });
    expect(slip.parcels).toEqual([expect.objectContaining({ sequence: 1, trackingNumber: label.trackingNumber })]);

    const manifest = await bench.shipping.closeManifest({ locationId: world.storeA.id, carrier: "simulated" });
    expect(manifest).toMatchObject({ status: "CLOSED", carrierManifestId: expect.stringMatching(/^sim_manifest_/) });
    const detail = await as(world.admin).orders.get({ orderId: order.id });
    expect(detail.fulfillmentOrders[0]).toMatchObject({ status: "SHIPPED" });
    expect(detail.fulfillmentOrders[0]!.shipments.map((s) => s.trackingNumber)).toEqual([label.trackingNumber]);
    await expect(bench.shipping.manifests({ locationId: world.storeA.id })).resolves.toHaveLength(1);
  });
});
