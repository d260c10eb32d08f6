import { AppError, parseMoney } from "@oms/contracts";
import { timingSafeEqual } from "node:crypto";
import type {
  CarrierManifest,
  CarrierProvider,
  CarrierRate,
  CarrierShipment,
  CreateShipmentRequest,
  LabelDocument,
  ManifestRequest,
  Parcel,
  RateRequest,
  ShippingAddress,
  TrackingStatus,
  TrackingUpdate,
  WebhookRequest,
} from "./carrier-provider.ts";

export interface ShippoOptions {
  /** `shippo_test_…` or `shippo_live_…`. */
  apiToken: string;
  /** The carrier account labels are bought on (needed for manifests). */
  carrierAccount?: string | null;
  /** Shippo calls our tracking endpoint with `?token=<this>` (set it in the webhook URL). */
  webhookToken: string;
  /** Default https://api.goshippo.com; tests point it at a local fake server. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const API_VERSION = "2018-02-08";

interface ShippoRate {
  object_id: string;
  amount: string;
  currency: string;
  provider: string;
  servicelevel: { name: string; token: string };
  estimated_days?: number | null;
}
interface ShippoMessage {
  source?: string;
  code?: string;
  text: string;
}
interface ShippoTransaction {
  object_id: string;
  status: "SUCCESS" | "ERROR" | "QUEUED" | "WAITING" | "REFUNDED" | "REFUNDPENDING" | "REFUNDREJECTED";
  tracking_number?: string | null;
  tracking_url_provider?: string | null;
  label_url?: string | null;
  messages?: ShippoMessage[];
  rate?: string | ShippoRate;
}

function shippoAddress(a: ShippingAddress) {
  return {
    name: a.name,
    company: a.company ?? "",
    street1: a.line1,
    street2: a.line2 ?? "",
    city: a.city,
    state: a.region ?? "",
    zip: a.postalCode,
    country: a.countryCode,
    phone: a.phone ?? "",
    email: a.email ?? "",
  };
}

/** Shippo takes decimal strings; we keep millimetres and grams, so send centimetres and grams. */
function shippoParcel(p: Parcel) {
  return { length: (p.lengthMm / 10).toFixed(1), width: (p.widthMm / 10).toFixed(1), height: (p.heightMm / 10).toFixed(1), distance_unit: "cm", weight: String(p.weightGrams), mass_unit: "g" };
}

/** Shippo's normalised tracking states in ours. */
export function shippoTrackingStatus(status: string, substatus?: string | null): TrackingStatus {
  switch (status) {
    case "PRE_TRANSIT":
      return "LABEL_CREATED";
    case "TRANSIT":
      return substatus === "out_for_delivery" ? "OUT_FOR_DELIVERY" : "IN_TRANSIT";
    case "DELIVERED":
      return "DELIVERED";
    case "RETURNED":
      return "RETURNED_TO_SENDER";
    case "FAILURE":
      return "FAILED_ATTEMPT";
    default:
      return "UNKNOWN";
  }
}

const addressField = /address|street|zip|postal|city|country/i;

/**
 * Labels through Shippo's REST API (rates from `POST /shipments`, the label from
 * `POST /transactions`, void by `POST /refunds`, end of day by `POST /manifests`), tracking
 * from its `track_updated` webhooks. Amounts arrive as decimal strings and become minor
 * units exactly. A carrier's refusal is a VALIDATION_FAILED naming the address when the
 * message is about it; no answer, a timeout or a 5xx is UNAVAILABLE (retryable).
 */
export class ShippoCarrier implements CarrierProvider {
  readonly code = "shippo";
  readonly name = "Shippo";
  private readonly baseUrl: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: ShippoOptions) {
    this.baseUrl = (options.baseUrl ?? "https://api.goshippo.com").replace(/\/$/, "");
    this.fetcher = options.fetch ?? fetch;
  }

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.fetcher(`${this.baseUrl}${path}`, {
        method,
        headers: { Authorization: `ShippoToken ${this.options.apiToken}`, "Content-Type": "application/json", "SHIPPO-API-VERSION": API_VERSION },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new AppError("UNAVAILABLE", `Shippo did not answer (${error instanceof Error ? error.message : "network error"}). Try again in a moment.`, { retryable: true });
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) throw new AppError("UNAVAILABLE", "Shippo refused the API token: check SHIPPO_API_TOKEN.", { retryable: false, status: response.status });
    if (response.status >= 500 || response.status === 429) throw new AppError("UNAVAILABLE", `Shippo is not available right now (HTTP ${response.status}). Try again in a moment.`, { retryable: true, status: response.status });
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw new AppError("UNAVAILABLE", "Shippo answered with something that is not JSON.", { retryable: true, status: response.status });
    }
    if (response.status >= 400) {
      const detail = typeof json === "object" && json ? JSON.stringify(json).slice(0, 300) : text.slice(0, 300);
      throw new AppError("VALIDATION_FAILED", `Shippo refused the request: ${detail}`, { fields: [{ path: [], message: detail }], status: response.status });
    }
    return json as T;
  }

  private refusal(messages: ShippoMessage[] | undefined, fallback: string): AppError {
    const text = messages?.map((m) => m.text).filter(Boolean).join(" ") || fallback;
    const path = addressField.test(text) ? ["to"] : [];
    return new AppError("VALIDATION_FAILED", `The carrier refused the label: ${text}`, { fields: [{ path, message: text }] });
  }

  async getRates(request: RateRequest): Promise<CarrierRate[]> {
    const shipment = await this.call<{ rates?: ShippoRate[]; messages?: ShippoMessage[] }>("POST", "/shipments/", {
      address_from: shippoAddress(request.from),
      address_to: shippoAddress(request.to),
      parcels: [shippoParcel(request.parcel)],
      async: false,
    });
    const rates = (shipment.rates ?? []).flatMap((r): CarrierRate[] => {
      const amount = parseMoney(r.amount, r.currency);
      if (amount === undefined) return [];
      return [{ rateId: r.object_id, carrier: r.provider, service: r.servicelevel.token, serviceName: r.servicelevel.name, amount, currency: r.currency, estimatedDays: r.estimated_days ?? null }];
    });
    if (rates.length === 0) throw this.refusal(shipment.messages, "no carrier offered a rate for this parcel and address");
    return rates;
  }

  async createShipment(request: CreateShipmentRequest): Promise<CarrierShipment> {
    let rate: CarrierRate | undefined;
    if (request.rateId) {
      rate = { rateId: request.rateId, carrier: "", service: request.service, serviceName: request.service, amount: 0, currency: request.currency, estimatedDays: null };
    } else {
      rate = (await this.getRates(request)).find((r) => r.service === request.service);
      if (!rate) throw new AppError("VALIDATION_FAILED", `service: No rate for "${request.service}" on this parcel.`, { fields: [{ path: ["service"], message: "Not offered for this parcel" }] });
    }
    const transaction = await this.call<ShippoTransaction>("POST", "/transactions/", {
      rate: rate.rateId,
      label_file_type: request.labelFormat === "ZPL" ? "ZPLII" : "PDF_4x6",
      metadata: `${request.reference} ${request.idempotencyKey}`.slice(0, 100),
      async: false,
    });
    if (transaction.status !== "SUCCESS" || !transaction.tracking_number || !transaction.label_url) throw this.refusal(transaction.messages, `status ${transaction.status}`);
    const bought = typeof transaction.rate === "object" ? transaction.rate : null;
    const amount = bought ? parseMoney(bought.amount, bought.currency) : undefined;
    return {
      shipmentId: transaction.object_id,
      carrier: bought?.provider ?? rate.carrier,
      service: bought?.servicelevel.token ?? rate.service,
      trackingNumber: transaction.tracking_number,
      trackingUrl: transaction.tracking_url_provider ?? null,
      labelUrl: transaction.label_url,
      labelFormat: request.labelFormat,
      amount: amount ?? rate.amount,
      currency: bought?.currency ?? rate.currency,
    };
  }

  async labelDocument(shipment: Pick<CarrierShipment, "shipmentId" | "labelUrl" | "labelFormat">): Promise<LabelDocument> {
    let response: Response;
    try {
      // Label URLs are pre-signed file links: no API token goes with them.
      response = await this.fetcher(shipment.labelUrl, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
    } catch (error) {
      throw new AppError("UNAVAILABLE", `The label could not be downloaded (${error instanceof Error ? error.message : "network error"}).`, { retryable: true });
    }
    if (!response.ok) throw new AppError("UNAVAILABLE", `The label could not be downloaded (HTTP ${response.status}).`, { retryable: response.status >= 500 });
    return { contentType: shipment.labelFormat === "ZPL" ? "application/zpl" : "application/pdf", data: new Uint8Array(await response.arrayBuffer()) };
  }

  async cancelShipment(shipmentId: string): Promise<{ cancelled: boolean; message: string | null }> {
    const refund = await this.call<{ status: string; messages?: ShippoMessage[] }>("POST", "/refunds/", { transaction: shipmentId, async: false });
    const cancelled = refund.status === "SUCCESS" || refund.status === "QUEUED" || refund.status === "PENDING";
    return { cancelled, message: cancelled ? null : (refund.messages?.map((m) => m.text).join(" ") || `Shippo answered ${refund.status}`) };
  }

  async closeManifest(request: ManifestRequest): Promise<CarrierManifest> {
    if (!this.options.carrierAccount) throw new AppError("VALIDATION_FAILED", "carrierAccount: Set SHIPPO_CARRIER_ACCOUNT to close a manifest.", { fields: [{ path: ["carrierAccount"], message: "Not configured" }] });
    const manifest = await this.call<{ object_id: string; status: string; documents?: string[] }>("POST", "/manifests/", {
      carrier_account: this.options.carrierAccount,
      shipment_date: request.shipDate.toISOString(),
      address_from: shippoAddress(request.from),
      transactions: request.shipmentIds,
      async: false,
    });
    if (manifest.status === "ERROR") throw new AppError("VALIDATION_FAILED", "Shippo could not close the manifest for these labels.", { fields: [{ path: ["shipmentIds"], message: "Refused" }] });
    return { manifestId: manifest.object_id, documentUrl: manifest.documents?.[0] ?? null };
  }

  parseTrackingWebhook(request: WebhookRequest): TrackingUpdate[] {
    const token = Buffer.from(request.query.token ?? "");
    const expected = Buffer.from(this.options.webhookToken);
    if (token.length !== expected.length || !timingSafeEqual(token, expected)) throw new AppError("UNAUTHENTICATED", "The tracking update does not carry this shop's webhook token.");
    let body: { event?: string; data?: { tracking_number?: string; tracking_status?: { status?: string; substatus?: { code?: string } | null; status_details?: string | null; status_date?: string; location?: { city?: string; country?: string } | null } } };
    try {
      body = JSON.parse(request.body);
    } catch {
      throw new AppError("VALIDATION_FAILED", "The tracking update is not JSON.", { fields: [{ path: [], message: "Not JSON" }] });
    }
    if (body.event !== "track_updated") return [];
    const data = body.data;
    const status = data?.tracking_status;
    if (!data?.tracking_number || !status?.status) throw new AppError("VALIDATION_FAILED", "data.tracking_number: A tracking update needs the number and its status.", { fields: [{ path: ["data", "tracking_number"], message: "Missing" }] });
    const occurredAt = status.status_date ? new Date(status.status_date) : new Date();
    const location = status.location ? [status.location.city, status.location.country].filter(Boolean).join(", ") || null : null;
    return [{ trackingNumber: data.tracking_number, status: shippoTrackingStatus(status.status, status.substatus?.code), detail: status.status_details ?? null, occurredAt: Number.isNaN(occurredAt.getTime()) ? new Date() : occurredAt, location }];
  }
}
