import { AppError, currencyExponent } from "@oms/contracts";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type {
  CarrierManifest,
  CarrierProvider,
  CarrierRate,
  CarrierShipment,
  CreateShipmentRequest,
  LabelDocument,
  ManifestRequest,
  RateRequest,
  ShippingAddress,
  TrackingUpdate,
  WebhookRequest,
} from "./carrier-provider.ts";
import { trackingStatuses } from "./carrier-provider.ts";
import { renderShippingLabelPdf, renderShippingLabelZpl, type ShippingLabelData } from "./shipping-label.ts";

const EU = new Set(["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]);
type Zone = "domestic" | "eu" | "world";

/** Price list in euro cents: a base up to 1 kg, then per started kilogram. */
const PRICES: Record<Zone, Record<"standard" | "express", { base: number; perKg: number; days: number }>> = {
  domestic: { standard: { base: 590, perKg: 150, days: 2 }, express: { base: 1290, perKg: 250, days: 1 } },
  eu: { standard: { base: 1190, perKg: 300, days: 4 }, express: { base: 2490, perKg: 450, days: 2 } },
  world: { standard: { base: 2490, perKg: 800, days: 8 }, express: { base: 4990, perKg: 1200, days: 4 } },
};
/** Fixed demo exchange factors for the price list (the simulated carrier bills locally). */
const FROM_EURO: Record<string, number> = { EUR: 1, PLN: 4.3, SEK: 11.5 };
const SERVICE_NAMES = { standard: "Standard", express: "Express" } as const;
const MAX_WEIGHT_GRAMS = 31_500;
const MAX_SIDE_MM = 1_200;

export const SIMULATED_SIGNATURE_HEADER = "x-simulated-carrier-signature";

function zoneOf(from: ShippingAddress, to: ShippingAddress): Zone {
  if (from.countryCode === to.countryCode) return "domestic";
  return EU.has(from.countryCode) && EU.has(to.countryCode) ? "eu" : "world";
}

/** The price in minor units of `currency`, rounded to a whole 10 minor units. */
function price(zone: Zone, service: "standard" | "express", weightGrams: number, currency: string): number {
  const row = PRICES[zone][service];
  const extraKg = Math.max(0, Math.ceil((weightGrams - 1000) / 1000));
  const cents = row.base + extraKg * row.perKg;
  const factor = FROM_EURO[currency] ?? 1;
  const exponent = currencyExponent(currency) ?? 2;
  const minor = (cents / 100) * factor * 10 ** exponent;
  return Math.max(10 ** exponent, Math.round(minor / 10) * 10);
}

/** Luhn check digit of a digit string (what parcel numbers commonly end with). */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function validateParcel(request: RateRequest): void {
  const { parcel } = request;
  const fields: { path: string[]; message: string }[] = [];
  if (!(parcel.weightGrams > 0)) fields.push({ path: ["parcel", "weightGrams"], message: "Weigh the parcel: the weight must be more than 0 g" });
  if (parcel.weightGrams > MAX_WEIGHT_GRAMS) fields.push({ path: ["parcel", "weightGrams"], message: `At most ${MAX_WEIGHT_GRAMS / 1000} kg a parcel` });
  for (const side of ["lengthMm", "widthMm", "heightMm"] as const) {
    if (!(parcel[side] > 0) || parcel[side] > MAX_SIDE_MM) fields.push({ path: ["parcel", side], message: `Each side between 1 and ${MAX_SIDE_MM} mm` });
  }
  if (!request.to.postalCode.trim()) fields.push({ path: ["to", "postalCode"], message: "The carrier needs the postal code" });
  if (fields.length > 0) throw new AppError("VALIDATION_FAILED", `${fields[0]!.path.join(".")}: ${fields[0]!.message}.`, { fields });
}

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/**
 * The demo's carrier: answers at once, keeps no state, bills from a fixed price list, and
 * prints real labels (PDF or ZPL) with a scannable Code 128 tracking number. The same
 * idempotency key always gives the same shipment and tracking number. Its label URL carries
 * the label's contents, so the label can be printed again without a carrier to ask.
 * Tracking updates arrive as JSON signed with HMAC-SHA256 (`signSimulatedTracking`).
 */
export class SimulatedCarrier implements CarrierProvider {
  readonly code = "simulated";
  readonly name = "Simulated Post";
  constructor(private readonly options: { webhookSecret: string; now?: () => Date }) {}

  async getRates(request: RateRequest): Promise<CarrierRate[]> {
    validateParcel(request);
    const zone = zoneOf(request.from, request.to);
    const currency = FROM_EURO[request.currency] ? request.currency : "EUR";
    return (["standard", "express"] as const).map((service) => ({
      rateId: `sim_rate_${zone}_${service}`,
      carrier: this.name,
      service,
      serviceName: `${SERVICE_NAMES[service]}, ${PRICES[zone][service].days} ${PRICES[zone][service].days === 1 ? "day" : "days"}`,
      amount: price(zone, service, request.parcel.weightGrams, currency),
      currency,
      estimatedDays: PRICES[zone][service].days,
    }));
  }

  async createShipment(request: CreateShipmentRequest): Promise<CarrierShipment> {
    validateParcel(request);
    const service = request.rateId ? (request.rateId.endsWith("_express") ? "express" : "standard") : request.service;
    if (service !== "standard" && service !== "express") {
      throw new AppError("VALIDATION_FAILED", `service: ${this.name} offers "standard" and "express".`, { fields: [{ path: ["service"], message: "Unknown service" }] });
    }
    const hash = createHash("sha256").update(request.idempotencyKey).digest("hex");
    const digits = BigInt(`0x${hash.slice(0, 15)}`).toString().padStart(10, "0").slice(-10);
    const trackingNumber = `SIM${digits}${luhnDigit(digits)}`;
    const rates = await this.getRates(request);
    const rate = rates.find((r) => r.service === service)!;
    const label: ShippingLabelData = {
      carrierName: this.name,
      serviceName: SERVICE_NAMES[service],
      trackingNumber,
      from: request.from,
      to: request.to,
      reference: request.reference,
      weightGrams: request.parcel.weightGrams,
      shipDate: (this.options.now ?? (() => new Date()))(),
      isReturn: request.isReturn ?? false,
    };
    return {
      shipmentId: `sim_${hash.slice(0, 24)}`,
      carrier: this.name,
      service,
      trackingNumber,
      trackingUrl: null,
      labelUrl: `simulated-label:${base64url(JSON.stringify({ ...label, shipDate: label.shipDate.toISOString() }))}`,
      labelFormat: request.labelFormat,
      amount: rate.amount,
      currency: rate.currency,
    };
  }

  async labelDocument(shipment: Pick<CarrierShipment, "shipmentId" | "labelUrl" | "labelFormat">): Promise<LabelDocument> {
    if (!shipment.labelUrl.startsWith("simulated-label:")) throw new AppError("NOT_FOUND", "This label was not made by the simulated carrier.");
    const raw = JSON.parse(Buffer.from(shipment.labelUrl.slice("simulated-label:".length), "base64url").toString("utf8")) as ShippingLabelData & { shipDate: string };
    const label: ShippingLabelData = { ...raw, shipDate: new Date(raw.shipDate) };
    return shipment.labelFormat === "ZPL"
      ? { contentType: "application/zpl", data: new Uint8Array(Buffer.from(renderShippingLabelZpl(label), "utf8")) }
      : { contentType: "application/pdf", data: renderShippingLabelPdf(label) };
  }

  async cancelShipment(): Promise<{ cancelled: boolean; message: string | null }> {
    return { cancelled: true, message: null };
  }

  async closeManifest(request: ManifestRequest): Promise<CarrierManifest> {
    const hash = createHash("sha256").update([...request.shipmentIds].sort().join(",")).digest("hex");
    return { manifestId: `sim_manifest_${hash.slice(0, 16)}`, documentUrl: null };
  }

  parseTrackingWebhook(request: WebhookRequest): TrackingUpdate[] {
    const signature = request.headers[SIMULATED_SIGNATURE_HEADER] ?? "";
    const expected = `sha256=${createHmac("sha256", this.options.webhookSecret).update(request.body).digest("hex")}`;
    const a = Buffer.from(signature);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError("UNAUTHENTICATED", "The tracking update is not signed by the simulated carrier.");
    let body: unknown;
    try {
      body = JSON.parse(request.body);
    } catch {
      throw new AppError("VALIDATION_FAILED", "The tracking update is not JSON.", { fields: [{ path: [], message: "Not JSON" }] });
    }
    const events = (body as { events?: unknown }).events;
    if (!Array.isArray(events)) throw new AppError("VALIDATION_FAILED", "events: A list of tracking events is expected.", { fields: [{ path: ["events"], message: "Expected a list" }] });
    return events.map((e: Record<string, unknown>, i) => {
      const status = String(e.status);
      const occurredAt = new Date(String(e.occurredAt));
      if (typeof e.trackingNumber !== "string" || !(trackingStatuses as readonly string[]).includes(status) || Number.isNaN(occurredAt.getTime())) {
        throw new AppError("VALIDATION_FAILED", `events.${i}: Needs trackingNumber, a known status and occurredAt.`, { fields: [{ path: ["events", i], message: "Incomplete event" }] });
      }
      return { trackingNumber: e.trackingNumber, status: status as TrackingUpdate["status"], detail: typeof e.detail === "string" ? e.detail : null, occurredAt, location: typeof e.location === "string" ? e.location : null };
    });
  }
}

/** A tracking webhook as the simulated carrier would send it (demo buttons and tests). */
export function signSimulatedTracking(secret: string, events: { trackingNumber: string; status: TrackingUpdate["status"]; occurredAt: Date; detail?: string; location?: string }[]): WebhookRequest {
  const body = JSON.stringify({ events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })) });
  return { body, headers: { [SIMULATED_SIGNATURE_HEADER]: `sha256=${createHmac("sha256", secret).update(body).digest("hex")}` }, query: {} };
}
