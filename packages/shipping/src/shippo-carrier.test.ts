// The Shippo adapter against a local fake Shippo server that answers like the real API
// (paths, headers, decimal amounts, SUCCESS/ERROR transactions, pre-signed label links).
import { AppError } from "@oms/contracts";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShippingAddress } from "./carrier-provider.ts";
import { ShippoCarrier, shippoTrackingStatus } from "./shippo-carrier.ts";

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown> | null;
}
let server: Server;
let base = "";
const seen: Seen[] = [];
let mode: "ok" | "refuse-address" | "down" | "slow" | "bad-token" = "ok";
const labelBytes = Buffer.from("%PDF-1.4 fake label from the fake Shippo\n%%EOF\n");

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = req.url ?? "";
    seen.push({ method: req.method ?? "", path, headers: req.headers, body: raw ? JSON.parse(raw) : null });
    if (path.startsWith("/files/")) {
      res.writeHead(200, { "Content-Type": "application/pdf" });
      return res.end(labelBytes);
    }
    if (mode === "slow") return; // never answers: the adapter's timeout must fire
    if (mode === "down") return reply(res, 503, { detail: "Service Unavailable" });
    if (mode === "bad-token" || req.headers.authorization !== "ShippoToken shippo_test_abc") return reply(res, 401, { detail: "Invalid token." });
    if (req.headers["shippo-api-version"] !== "2018-02-08") return reply(res, 400, { detail: "version header missing" });
    if (req.method === "POST" && path === "/shipments/") {
      return reply(res, 201, {
        object_id: "shp_1",
        status: "SUCCESS",
        rates: [
          { object_id: "rate_std", amount: "5.50", currency: "EUR", provider: "DHL Germany", servicelevel: { name: "Paket", token: "dhl_germany_paket" }, estimated_days: 2 },
          { object_id: "rate_exp", amount: "12.9", currency: "EUR", provider: "DHL Express", servicelevel: { name: "Express Worldwide", token: "dhl_express_worldwide" }, estimated_days: 1 },
        ],
        messages: [],
      });
    }
    if (req.method === "POST" && path === "/transactions/") {
      if (mode === "refuse-address") {
        return reply(res, 201, { object_id: "txn_err", status: "ERROR", messages: [{ source: "DHL", code: "address", text: "The recipient's street address could not be validated." }] });
      }
      return reply(res, 201, {
        object_id: "txn_1",
        status: "SUCCESS",
        tracking_number: "JJD000390007861234",
        tracking_url_provider: "https://www.dhl.de/track?piececode=JJD000390007861234",
        label_url: `${base}/files/txn_1.pdf?Signature=abc`,
        rate: { object_id: "rate_std", amount: "5.50", currency: "EUR", provider: "DHL Germany", servicelevel: { name: "Paket", token: "dhl_germany_paket" } },
        messages: [],
      });
    }
    if (req.method === "POST" && path === "/refunds/") return reply(res, 201, { object_id: "ref_1", status: "QUEUED", transaction: "txn_1" });
    if (req.method === "POST" && path === "/manifests/") return reply(res, 201, { object_id: "man_1", status: "SUCCESS", documents: [`${base}/files/man_1.pdf`] });
    reply(res, 404, { detail: "Not found" });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});
beforeEach(() => {
  mode = "ok";
  seen.length = 0;
});

const from: ShippingAddress = { name: "Northwind Berlin Mitte", line1: "Friedrichstraße 50", city: "Berlin", postalCode: "10117", countryCode: "DE", phone: "+49 30 1234567" };
const to: ShippingAddress = { name: "Jörg Schäfer", line1: "Hauptstraße 1", city: "München", postalCode: "80331", countryCode: "DE", email: "joerg@example.com" };
const parcel = { lengthMm: 305, widthMm: 200, heightMm: 100, weightGrams: 1250 };
const shippo = () => new ShippoCarrier({ apiToken: "shippo_test_abc", webhookToken: "hook-token-123", carrierAccount: "ca_dhl", baseUrl: base, timeoutMs: 500 });

describe("Shippo adapter", () => {
  it("asks for rates with Shippo's units and turns decimal prices into minor units", async () => {
    const rates = await shippo().getRates({ from, to, parcel, currency: "EUR" });
    expect(rates).toEqual([
      { rateId: "rate_std", carrier: "DHL Germany", service: "dhl_germany_paket", serviceName: "Paket", amount: 550, currency: "EUR", estimatedDays: 2 },
      { rateId: "rate_exp", carrier: "DHL Express", service: "dhl_express_worldwide", serviceName: "Express Worldwide", amount: 1290, currency: "EUR", estimatedDays: 1 },
    ]);
    const call = seen[0]!;
    expect(call).toMatchObject({ method: "POST", path: "/shipments/" });
    expect(call.headers.authorization).toBe("ShippoToken shippo_test_abc");
    expect(call.body).toMatchObject({
      async: false,
      address_from: { street1: "Friedrichstraße 50", zip: "10117", country: "DE" },
      address_to: { name: "Jörg Schäfer", city: "München", email: "joerg@example.com" },
      parcels: [{ length: "30.5", width: "20.0", height: "10.0", distance_unit: "cm", weight: "1250", mass_unit: "g" }],
    });
  });

  it("buys the label for a service, then downloads the PDF from its pre-signed link without the token", async () => {
    const carrier = shippo();
    const shipment = await carrier.createShipment({ from, to, parcel, currency: "EUR", service: "dhl_germany_paket", labelFormat: "PDF", reference: "FO-BER1-000042", idempotencyKey: "label:fo-42:1" });
    expect(shipment).toEqual({
      shipmentId: "txn_1",
      carrier: "DHL Germany",
      service: "dhl_germany_paket",
      trackingNumber: "JJD000390007861234",
      trackingUrl: "https://www.dhl.de/track?piececode=JJD000390007861234",
      labelUrl: `${base}/files/txn_1.pdf?Signature=abc`,
      labelFormat: "PDF",
      amount: 550,
      currency: "EUR",
    });
    expect(seen.map((s) => s.path)).toEqual(["/shipments/", "/transactions/"]);
    expect(seen[1]!.body).toMatchObject({ rate: "rate_std", label_file_type: "PDF_4x6", async: false, metadata: "FO-BER1-000042 label:fo-42:1" });
    const doc = await carrier.labelDocument(shipment);
    expect(Buffer.from(doc.data).equals(labelBytes)).toBe(true);
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("asks for ZPL when the label goes to a thermal printer, and buys a rate id directly", async () => {
    await shippo().createShipment({ from, to, parcel, currency: "EUR", rateId: "rate_exp", service: "dhl_express_worldwide", labelFormat: "ZPL", reference: "FO-1", idempotencyKey: "k" });
    expect(seen.map((s) => s.path)).toEqual(["/transactions/"]);
    expect(seen[0]!.body).toMatchObject({ rate: "rate_exp", label_file_type: "ZPLII" });
  });

  it("turns a carrier's refusal of the address into a field error on the recipient", async () => {
    mode = "refuse-address";
    const error = await shippo().createShipment({ from, to, parcel, currency: "EUR", rateId: "rate_std", service: "x", labelFormat: "PDF", reference: "FO-1", idempotencyKey: "k" }).catch((e) => e);
    expect(AppError.isAppError(error)).toBe(true);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: { fields: [{ path: ["to"], message: "The recipient's street address could not be validated." }] } });
  });

  it("says UNAVAILABLE (retryable) when Shippo is down or silent, and names the token when it is refused", async () => {
    mode = "down";
    await expect(shippo().getRates({ from, to, parcel, currency: "EUR" })).rejects.toMatchObject({ code: "UNAVAILABLE", details: { retryable: true, status: 503 } });
    mode = "slow";
    await expect(shippo().getRates({ from, to, parcel, currency: "EUR" })).rejects.toMatchObject({ code: "UNAVAILABLE", details: { retryable: true } });
    mode = "bad-token";
    await expect(shippo().getRates({ from, to, parcel, currency: "EUR" })).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining("SHIPPO_API_TOKEN"), details: { retryable: false } });
  });

  it("voids a label and closes the day's manifest on the carrier account", async () => {
    const carrier = shippo();
    expect(await carrier.cancelShipment("txn_1")).toEqual({ cancelled: true, message: null });
    expect(seen[0]!.body).toEqual({ transaction: "txn_1", async: false });
    const manifest = await carrier.closeManifest({ from, shipmentIds: ["txn_1", "txn_2"], shipDate: new Date("2026-12-02T16:00:00Z") });
    expect(manifest).toEqual({ manifestId: "man_1", documentUrl: `${base}/files/man_1.pdf` });
    expect(seen[1]!.body).toMatchObject({ carrier_account: "ca_dhl", transactions: ["txn_1", "txn_2"], shipment_date: "2026-12-02T16:00:00.000Z" });
  });

  it("reads track_updated webhooks carrying our token and refuses others", () => {
    const body = JSON.stringify({
      event: "track_updated",
      test: true,
      data: { tracking_number: "JJD000390007861234", carrier: "dhl_germany", tracking_status: { status: "TRANSIT", substatus: { code: "out_for_delivery" }, status_details: "With the courier", status_date: "2026-12-03T07:40:00Z", location: { city: "München", country: "DE" } } },
    });
    expect(shippo().parseTrackingWebhook({ body, headers: {}, query: { token: "hook-token-123" } })).toEqual([
      { trackingNumber: "JJD000390007861234", status: "OUT_FOR_DELIVERY", detail: "With the courier", occurredAt: new Date("2026-12-03T07:40:00Z"), location: "München, DE" },
    ]);
    expect(() => shippo().parseTrackingWebhook({ body, headers: {}, query: { token: "guess" } })).toThrow(/webhook token/);
    expect(shippo().parseTrackingWebhook({ body: JSON.stringify({ event: "transaction_created", data: {} }), headers: {}, query: { token: "hook-token-123" } })).toEqual([]);
  });

  it("maps every Shippo tracking state", () => {
    expect(["PRE_TRANSIT", "TRANSIT", "DELIVERED", "RETURNED", "FAILURE", "UNKNOWN", "SOMETHING_NEW"].map((s) => shippoTrackingStatus(s))).toEqual([
      "LABEL_CREATED",
      "IN_TRANSIT",
      "DELIVERED",
      "RETURNED_TO_SENDER",
      "FAILED_ATTEMPT",
      "UNKNOWN",
      "UNKNOWN",
    ]);
  });
});
