import { AppError } from "@oms/contracts";
import { confirmDelivered, markPacked, markShipped, startPicking } from "@oms/core";
import { useTestDatabase } from "@oms/db/testing";
import { createCarrierRegistry, SimulatedCarrier, type CarrierProvider } from "@oms/shipping";
import { labelToolsAvailable, scanPdfBarcodes } from "@oms/shipping/testing";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../rest/openapi.ts";
import { createApiKeyRow, orderBody, restClient, restWorld } from "../rest/rest-testing.ts";
import { issueReturnLabel, returnLabelPdf, startReturnWithLabel } from "./return-labels.ts";
import { requestReturnFromTracking } from "./tracking-return.ts";

const db = useTestDatabase();
const system = () => ({ db: db.prisma, actor: { kind: "SYSTEM" as const }, now: new Date() });

async function deliveredWebOrder() {
  const world = await restWorld(db.prisma);
  const key = await createApiKeyRow(db.prisma);
  const api = restClient(db.prisma, key.token);
  const created = await api("POST", "/orders", { body: orderBody(world), headers: { "idempotency-key": randomUUID() } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const fo = created.json.fulfillmentOrders[0];
  await startPicking({ fulfillmentOrderId: fo.id }, system());
  await markPacked({ fulfillmentOrderId: fo.id, bagCount: 1 }, system());
  await markShipped({ fulfillmentOrderId: fo.id, carrier: "simulated", trackingNumber: `SIM${Date.now()}`, weightGrams: 850 }, system());
  await confirmDelivered({ fulfillmentOrderId: fo.id }, system());
  return { world, api, order: created.json as { id: string; number: string; lines: { id: string; sku: string }[] }, email: `anna-${world.tag}@example.com` };
}

describe("return labels", () => {
  it("POST /orders/{id}/returns opens a requested return with a scannable label PDF; a repeat is refused by field", async () => {
    const { world, api, order } = await deliveredWebOrder();
    const sku = world.variants[0]!.sku;
    const res = await api("POST", `/orders/${order.id}/returns`, { body: { lines: [{ sku, quantity: 1, reason: "DOES_NOT_FIT" }] } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ number: expect.stringMatching(/^R-\d{6}$/), status: "REQUESTED", labelError: null, label: { carrier: "simulated", trackingNumber: expect.stringMatching(/^SIM\d{11}$/), url: expect.stringMatching(/^\/track\/return-label\//) } });
    const shipmentId = res.json.label.url.split("/").pop();
    const pdf = await returnLabelPdf(shipmentId, { db: db.prisma });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    if (labelToolsAvailable()) expect(scanPdfBarcodes(bytes).codes).toEqual([`CODE-128:${res.json.label.trackingNumber}`]);
    expect((await returnLabelPdf(randomUUID(), { db: db.prisma })).status).toBe(404);
    expect((await returnLabelPdf("../etc/passwd", { db: db.prisma })).status).toBe(404);

    // One more unit is left; two more are refused naming the line.
    const again = await api("POST", `/orders/${order.id}/returns`, { body: { lines: [{ sku, quantity: 2, reason: "DOES_NOT_FIT" }], returnLabel: false } });
    expect(again.status).toBe(422);
    expect(again.json.errors).toEqual([{ path: "lines[0].quantity", message: "At most 1 can be returned" }]);
    expect((await api("POST", `/orders/${order.id}/returns`, { body: { lines: [{ sku: "NOPE", quantity: 1, reason: "OTHER" }] } })).json.errors[0].path).toBe("lines[0].sku");
    expect((await api("POST", `/orders/${order.id}/returns`, { body: { lines: [{ sku, quantity: 1, reason: "OTHER" }], refundMethod: "CASH" } })).status).toBe(422);
    const other = restClient(db.prisma, (await createApiKeyRow(db.prisma, { channel: "MARKETPLACE" })).token);
    expect((await other("POST", `/orders/${order.id}/returns`, { body: { lines: [{ sku, quantity: 1, reason: "OTHER" }] } })).status).toBe(404);

    const doc = buildOpenApiDocument({ serverUrl: "http://localhost/api/v1" }) as { paths: Record<string, Record<string, unknown>> };
    expect(doc.paths["/orders/{id}/returns"]?.post).toBeDefined();
  });

  it("a carrier that fails keeps the return and the key; asking again buys the label once", async () => {
    const { order } = await deliveredWebOrder();
    const real = new SimulatedCarrier({ webhookSecret: "x" });
    let calls = 0;
    const keys: string[] = [];
    const flaky: CarrierProvider = Object.assign(Object.create(real) as CarrierProvider, {
      async createShipment(request: Parameters<CarrierProvider["createShipment"]>[0]) {
        calls += 1;
        keys.push(request.idempotencyKey);
        if (calls === 1) throw new AppError("UNAVAILABLE", "Simulated Post did not answer in time.", { retryable: true });
        return real.createShipment(request);
      },
    });
    const carriers = createCarrierRegistry([flaky]);
    const started = await startReturnWithLabel({ orderId: order.id, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "DEFECTIVE" }], returnLabel: true }, system(), "STAFF", carriers);
    expect(started).toMatchObject({ label: null, labelError: "Simulated Post did not answer in time." });
    const pending = await db.prisma.shipment.findFirstOrThrow({ where: { returnId: started.id } });
    expect(pending).toMatchObject({ status: "LABEL_PENDING", labelError: "Simulated Post did not answer in time.", isReturnLabel: true });
    const label = await issueReturnLabel({ returnId: started.id }, system(), carriers);
    expect(label).toMatchObject({ ready: true, shipmentId: pending.id });
    expect(keys).toEqual([keys[0], keys[0]]);
    // Done: asking a third time calls nobody.
    expect(await issueReturnLabel({ returnId: started.id }, system(), carriers)).toMatchObject({ ready: true });
    expect(calls).toBe(2);
    expect(await db.prisma.shipment.count({ where: { returnId: started.id } })).toBe(1);
  });

  it("the tracking page's return: same checks as the look-up, then the refreshed view with the label", async () => {
    const { order, email } = await deliveredWebOrder();
    const limiter = { take: () => ({ ok: true as const }) };
    const wrong = await requestReturnFromTracking({ number: order.number, email: "someone@else.example", lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "OTHER" }] }, { db: db.prisma, rateLimiter: limiter });
    expect(wrong).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await requestReturnFromTracking({ number: order.number, email, lines: [] }, { db: db.prisma, rateLimiter: limiter })).ok).toBe(false);
    const ok = await requestReturnFromTracking({ number: order.number, email, lines: [{ orderLineId: order.lines[0]!.id, quantity: 2, reason: "CHANGED_MIND" }] }, { db: db.prisma, rateLimiter: limiter });
    if (!ok.ok) throw new Error(ok.message);
    expect(ok.returnMessage).toMatchObject({ ok: true, text: expect.stringMatching(/^R-/) });
    expect(ok.order.parcels!.returns).toEqual([expect.objectContaining({ status: "REQUESTED", items: [expect.objectContaining({ quantity: 2 })], labels: [expect.objectContaining({ ready: true })] })]);
    expect(ok.order.parcels!.returnable).toEqual([]);
    const tooMany = await requestReturnFromTracking({ number: order.number, email, lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, reason: "CHANGED_MIND" }] }, { db: db.prisma, rateLimiter: limiter });
    expect(tooMany).toMatchObject({ ok: true, returnMessage: { ok: false, text: expect.stringMatching(/^Only 0 × /) } });
  });
});
