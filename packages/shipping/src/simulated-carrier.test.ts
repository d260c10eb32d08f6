import { AppError } from "@oms/contracts";
import { describe, expect, it } from "vitest";
import type { ShippingAddress } from "./carrier-provider.ts";
import { labelToolsAvailable, scanPdfBarcodes } from "./label-rendering.ts";
import { luhnDigit, SimulatedCarrier, signSimulatedTracking } from "./simulated-carrier.ts";

const warsaw: ShippingAddress = { name: "Northwind Warszawa Centrum", line1: "Marszałkowska 104", city: "Warszawa", postalCode: "00-017", countryCode: "PL", phone: "+48 22 100 2000" };
const krakow: ShippingAddress = { name: "Anna Nowak", line1: "Rynek Główny 1", city: "Kraków", postalCode: "31-042", countryCode: "PL" };
const berlin: ShippingAddress = { name: "Jörg Schäfer", line1: "Unter den Linden 5", city: "Berlin", postalCode: "10117", countryCode: "DE" };
const oslo: ShippingAddress = { name: "Kari Nordmann", line1: "Karl Johans gate 1", city: "Oslo", postalCode: "0154", countryCode: "NO" };
const box = { lengthMm: 300, widthMm: 200, heightMm: 100, weightGrams: 850 };
const carrier = new SimulatedCarrier({ webhookSecret: "whsec-test", now: () => new Date("2026-12-02T10:00:00Z") });
const request = { from: warsaw, to: krakow, parcel: box, currency: "PLN", service: "standard", labelFormat: "PDF" as const, reference: "FO-WAW1-000123", idempotencyKey: "label:fo-1:parcel-1" };

describe("simulated carrier: rates", () => {
  it("prices by zone, service and started kilogram in the shop's currency", async () => {
    const domestic = await carrier.getRates({ from: warsaw, to: krakow, parcel: box, currency: "PLN" });
    // 5.90 EUR × 4.3 = 25.37 PLN → 25.40 (whole 10 groszy); express 12.90 × 4.3 = 55.47 → 55.50
    expect(domestic.map((r) => [r.service, r.amount, r.currency, r.estimatedDays])).toEqual([
      ["standard", 2540, "PLN", 2],
      ["express", 5550, "PLN", 1],
    ]);
    // 2.4 kg: two started kilograms above the first: 11.90 + 2 × 3.00 EUR = 17.90 EUR
    const eu = await carrier.getRates({ from: warsaw, to: berlin, parcel: { ...box, weightGrams: 2400 }, currency: "EUR" });
    expect(eu[0]).toMatchObject({ service: "standard", amount: 1790, currency: "EUR" });
    const world = await carrier.getRates({ from: warsaw, to: oslo, parcel: box, currency: "USD" });
    expect(world[0]).toMatchObject({ amount: 2490, currency: "EUR" });
  });

  it("refuses a parcel it cannot carry, naming the field", async () => {
    const error = await carrier.getRates({ from: warsaw, to: krakow, parcel: { ...box, weightGrams: 0, heightMm: 2000 }, currency: "PLN" }).catch((e) => e);
    expect(AppError.isAppError(error) && error.code).toBe("VALIDATION_FAILED");
    expect(error.details.fields.map((f: { path: string[] }) => f.path.join("."))).toEqual(["parcel.weightGrams", "parcel.heightMm"]);
  });
});

describe("simulated carrier: labels", () => {
  it("gives the same shipment for the same idempotency key and another for another key", async () => {
    const first = await carrier.createShipment(request);
    const again = await carrier.createShipment(request);
    const other = await carrier.createShipment({ ...request, idempotencyKey: "label:fo-1:parcel-2" });
    expect(again.trackingNumber).toBe(first.trackingNumber);
    expect(other.trackingNumber).not.toBe(first.trackingNumber);
    expect(first.trackingNumber).toMatch(/^SIM\d{11}$/);
    const digits = first.trackingNumber.slice(3, 13);
    expect(Number(first.trackingNumber.at(-1))).toBe(luhnDigit(digits));
    expect(first).toMatchObject({ service: "standard", amount: 2540, currency: "PLN", labelFormat: "PDF" });
  });

  it("computes the Luhn digit of published examples", () => {
    expect(luhnDigit("7992739871")).toBe(3);
    expect(luhnDigit("0")).toBe(0);
  });

  it("prints a one-page PDF whose xref points at every object", async () => {
    const shipment = await carrier.createShipment(request);
    const doc = await carrier.labelDocument(shipment);
    expect(doc.contentType).toBe("application/pdf");
    const text = Buffer.from(doc.data).toString("latin1");
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe("xref");
    const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(text).toContain("/Count 1");
    // Polish letters outside Windows-1252 are folded, Latin-1 ones kept.
    expect(text).toContain("(Marszalkowska 104)");
    expect(text).toContain("(31-042 Krak\xf3w)");
  });

  // CI installs the tools (.ci/run); elsewhere the test says what it needs.
  const canScan = labelToolsAvailable() || Boolean(process.env.CI);
  const scanTitle = "prints a barcode a scanner reads back as the tracking number";
  it.runIf(canScan)(canScan ? scanTitle : `${scanTitle} (skipped: needs pdftoppm and zbarimg: apt-get install poppler-utils zbar-tools)`, async () => {
    const shipment = await carrier.createShipment(request);
    const scanned = scanPdfBarcodes((await carrier.labelDocument(shipment)).data);
    expect(scanned).toEqual({ pages: 1, codes: [`CODE-128:${shipment.trackingNumber}`] });
    const returnLabel = await carrier.createShipment({ ...request, from: krakow, to: warsaw, isReturn: true, idempotencyKey: "return:rma-1" });
    expect(scanPdfBarcodes((await carrier.labelDocument(returnLabel)).data).codes).toEqual([`CODE-128:${returnLabel.trackingNumber}`]);
  });

  it("prints ZPL for thermal printers with the tracking number as Code 128", async () => {
    const shipment = await carrier.createShipment({ ...request, labelFormat: "ZPL" });
    const zpl = Buffer.from((await carrier.labelDocument(shipment)).data).toString("utf8");
    expect(zpl.startsWith("^XA")).toBe(true);
    expect(zpl.trimEnd().endsWith("^XZ")).toBe(true);
    expect(zpl).toContain(`^BCN,220,Y,N,N^FD${shipment.trackingNumber}^FS`);
    expect(zpl).toContain("^FDAnna Nowak^FS");
  });

  it("escapes ZPL command characters in printed text", async () => {
    const shipment = await carrier.createShipment({ ...request, labelFormat: "ZPL", to: { ...krakow, name: "A^B~C_D" }, idempotencyKey: "zpl-escape" });
    const zpl = Buffer.from((await carrier.labelDocument(shipment)).data).toString("utf8");
    expect(zpl).toContain("^FDA_5eB_7eC_5fD^FS");
  });
});

describe("simulated carrier: tracking webhooks", () => {
  it("reads signed updates and refuses forged or malformed ones", () => {
    const at = new Date("2026-12-03T08:15:00Z");
    const signed = signSimulatedTracking("whsec-test", [{ trackingNumber: "SIM00000000000", status: "DELIVERED", occurredAt: at, detail: "Left with a neighbour" }]);
    expect(carrier.parseTrackingWebhook(signed)).toEqual([{ trackingNumber: "SIM00000000000", status: "DELIVERED", detail: "Left with a neighbour", occurredAt: at, location: null }]);
    expect(() => carrier.parseTrackingWebhook({ ...signed, body: signed.body.replace("DELIVERED", "RETURNED_TO_SENDER") })).toThrow(/not signed/);
    const bad = signSimulatedTracking("whsec-test", [{ trackingNumber: "X", status: "LOST" as never, occurredAt: at }]);
    expect(() => carrier.parseTrackingWebhook(bad)).toThrow(/events\.0/);
  });
});
