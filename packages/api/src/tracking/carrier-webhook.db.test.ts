import { createHmac } from "node:crypto";
import { createOrder, markPacked, markShipped, receiveStock, startPicking } from "@oms/core";
import { useTestDatabase } from "@oms/db/testing";
import { createCarrierRegistry, ShippoCarrier, SimulatedCarrier, signSimulatedTracking, SIMULATED_SIGNATURE_HEADER } from "@oms/shipping";
import { describe, expect, it } from "vitest";
import { handleCarrierWebhook } from "./carrier-webhook.ts";
import { createStaffWorld } from "@oms/core/testing";

const db = useTestDatabase();
const secret = "carrier-webhook-test-secret";
const carriers = createCarrierRegistry([
  new SimulatedCarrier({ webhookSecret: secret }),
  new ShippoCarrier({ apiToken: "shippo_test_x", webhookToken: "hook-token-123", carrierAccount: null, baseUrl: "http://127.0.0.1:9" }),
]);

function post(code: string, body: string, headers: Record<string, string> = {}, query = "") {
  return handleCarrierWebhook(new Request(`http://localhost/api/webhooks/carriers/${code}${query}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } }), code, { db: db.prisma, carriers });
}

let worldOnce: Promise<Awaited<ReturnType<typeof createStaffWorld>>> | null = null;

async function shipped(trackingNumber: string, carrier: string) {
  worldOnce ??= createStaffWorld(db.prisma);
  const world = await worldOnce;
  const ctx = { db: db.prisma, actor: { kind: "SYSTEM" as const }, now: new Date() };
  const product = await db.prisma.product.create({ data: { handle: `p-${trackingNumber}`, name: "Parcel test", category: { create: { slug: `c-${trackingNumber}`, name: "Parcels" } } } });
  const variant = await db.prisma.variant.create({ data: { productId: product.id, sku: `PT-${trackingNumber}`, name: "One", prices: { create: { currency: "EUR", amount: 1000 } } } });
  await receiveStock({ locationId: world.storeA.id, lines: [{ variantId: variant.id, quantity: 5 }] }, ctx);
  const order = await createOrder(
    {
      channel: "PHONE",
      customer: { name: "Ada Lovelace", email: `ada-${trackingNumber}@test.example`, phone: "+49 30 1234567" },
      currency: "EUR",
      lines: [{ variantId: variant.id, quantity: 1 }],
      fulfillment: { type: "SHIP", address: { name: "Ada Lovelace", line1: "1 Test Street", city: "Berlin", postalCode: "10115", countryCode: "DE" } },
      payment: { status: "PAID" },
    },
    ctx,
  );
  const fo = order.fulfillmentOrders[0]!;
  await startPicking({ fulfillmentOrderId: fo.id }, ctx);
  await markPacked({ fulfillmentOrderId: fo.id, bagCount: 1 }, ctx);
  await markShipped({ fulfillmentOrderId: fo.id, carrier, trackingNumber }, ctx);
  return fo;
}

describe("POST /api/webhooks/carriers/<code>", () => {
  it("applies a signed simulated webhook once, refuses a forged one and unknown carriers, never 500s on bad input", async () => {
    const tn = `SIMWH${Date.now()}`;
    const fo = await shipped(tn, "simulated");
    const delivered = signSimulatedTracking(secret, [
      { trackingNumber: tn, status: "IN_TRANSIT", occurredAt: new Date("2026-12-01T08:00:00Z"), location: "Berlin hub" },
      { trackingNumber: tn, status: "DELIVERED", occurredAt: new Date("2026-12-01T14:32:00Z"), detail: "Received by J. Smith" },
    ]);
    const ok = await post("simulated", delivered.body, delivered.headers as Record<string, string>);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true, applied: 2, historyOnly: 0, duplicates: 0, unmatched: 0 });
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: fo.id } })).status).toBe("DELIVERED");

    const again = await post("simulated", delivered.body, delivered.headers as Record<string, string>);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicates: 2, applied: 0 });

    const forged = await post("simulated", delivered.body, { [SIMULATED_SIGNATURE_HEADER]: "sha256=" + "0".repeat(64) });
    expect(forged.status).toBe(401);
    const other = signSimulatedTracking("someone-elses-secret", [{ trackingNumber: tn, status: "RETURNED_TO_SENDER", occurredAt: new Date() }]);
    expect((await post("simulated", other.body, other.headers as Record<string, string>)).status).toBe(401);
    expect((await post("unknown-carrier", delivered.body, delivered.headers as Record<string, string>)).status).toBe(404);

    // Signed but not a tracking call, or with nonsense inside: 400, nothing stored.
    for (const body of ["not json", JSON.stringify({ events: "x" }), JSON.stringify({ events: [{ trackingNumber: tn, status: "EXPLODED", occurredAt: "2026-12-01" }] }), JSON.stringify({ events: [{ trackingNumber: "x".repeat(500), status: "IN_TRANSIT", occurredAt: "2026-12-01" }] })]) {
      const headers = { [SIMULATED_SIGNATURE_HEADER]: `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` };
      const res = await post("simulated", body, headers);
      expect(res.status, body).toBe(400);
    }
    expect(await db.prisma.trackingEvent.count({ where: { shipment: { fulfillmentOrderId: fo.id } } })).toBe(2);
  });

  it("reads a Shippo track_updated body through the same endpoint (token in the query)", async () => {
    const tn = `SHIPPO${Date.now()}`;
    const fo = await shipped(tn, "shippo");
    const body = JSON.stringify({
      event: "track_updated",
      data: { tracking_number: tn, tracking_status: { status: "TRANSIT", substatus: { code: "out_for_delivery" }, status_details: "Out for delivery", status_date: "2026-12-01T09:00:00Z", location: { city: "Berlin", country: "DE" } } },
    });
    expect((await post("shippo", body, {}, "?token=wrong")).status).toBe(401);
    const res = await post("shippo", body, {}, "?token=hook-token-123");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ applied: 1 });
    const shipment = await db.prisma.shipment.findFirstOrThrow({ where: { fulfillmentOrderId: fo.id }, include: { trackingEvents: true } });
    expect(shipment.status).toBe("OUT_FOR_DELIVERY");
    expect(shipment.trackingEvents).toEqual([expect.objectContaining({ status: "OUT_FOR_DELIVERY", detail: "Out for delivery", location: "Berlin, DE" })]);
    const done = JSON.stringify({ event: "track_updated", data: { tracking_number: tn, tracking_status: { status: "DELIVERED", status_details: "Delivered", status_date: "2026-12-01T12:00:00Z" } } });
    expect((await post("shippo", done, {}, "?token=hook-token-123")).status).toBe(200);
    expect((await db.prisma.fulfillmentOrder.findUniqueOrThrow({ where: { id: fo.id } })).status).toBe("DELIVERED");
  });
});
