// The one interface every carrier adapter implements (docs/shipping.md). The fulfilment
// steps call it outside any database transaction, with an idempotency key recorded first,
// like the payment steps do with PaymentProvider.

/** A postal address as a carrier needs it. */
export interface ShippingAddress {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  region?: string | null;
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  phone?: string | null;
  email?: string | null;
}

/** One box as packed: outside dimensions and gross weight. */
export interface Parcel {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightGrams: number;
}

export interface RateRequest {
  from: ShippingAddress;
  to: ShippingAddress;
  parcel: Parcel;
  /** The currency the shop pays in (the shipping location's); a carrier may answer in another. */
  currency: string;
}

export interface CarrierRate {
  /** The carrier's id of this offer, when it has one (buying it needs the id). */
  rateId: string | null;
  /** The carrier or network the service belongs to ("DHL Express", "Simulated Post"). */
  carrier: string;
  /** Machine name of the service ("standard", "dhl_express_worldwide"). */
  service: string;
  /** What staff read ("Standard, 2–3 days"). */
  serviceName: string;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  estimatedDays: number | null;
}

export type LabelFormat = "PDF" | "ZPL";

export interface CreateShipmentRequest extends RateRequest {
  /** Buy this offer (from getRates); without it, `service` is bought at the carrier's price. */
  rateId?: string | null;
  service: string;
  labelFormat: LabelFormat;
  /** Our reference printed on the label: the fulfilment order number. */
  reference: string;
  /** The same key returns the same shipment from carriers that honour it (ours does). */
  idempotencyKey: string;
  /** A return label: the customer sends the parcel back to `to`. */
  isReturn?: boolean;
}

export interface CarrierShipment {
  /** The carrier's id of the bought label (for cancel and the manifest). */
  shipmentId: string;
  carrier: string;
  service: string;
  trackingNumber: string;
  /** The carrier's public tracking page, when it has one. */
  trackingUrl: string | null;
  /** Where the label document can be fetched (`labelDocument` does it). */
  labelUrl: string;
  labelFormat: LabelFormat;
  amount: number;
  currency: string;
}

export interface LabelDocument {
  contentType: "application/pdf" | "application/zpl";
  data: Uint8Array;
}

/** The states a parcel goes through, the same for every carrier. */
export const trackingStatuses = ["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "FAILED_ATTEMPT", "RETURNED_TO_SENDER", "UNKNOWN"] as const;
export type TrackingStatus = (typeof trackingStatuses)[number];

export interface TrackingUpdate {
  trackingNumber: string;
  status: TrackingStatus;
  /** The carrier's own words ("Delivered to a neighbour"). */
  detail: string | null;
  occurredAt: Date;
  location: string | null;
}

export interface ManifestRequest {
  from: ShippingAddress;
  /** The labels handed to the driver (CarrierShipment.shipmentId). */
  shipmentIds: string[];
  shipDate: Date;
}

export interface CarrierManifest {
  manifestId: string;
  /** The end-of-day form the driver signs. */
  documentUrl: string | null;
}

/** What an incoming tracking call carried, before it is trusted. */
export interface WebhookRequest {
  /** The raw body exactly as received (signatures are over these bytes). */
  body: string;
  headers: Record<string, string | undefined>;
  /** The query string of the URL it was posted to. */
  query: Record<string, string | undefined>;
}

export interface CarrierProvider {
  /** Our code for the adapter ("simulated", "shippo"): Shipment.carrier stores it. */
  readonly code: string;
  readonly name: string;
  getRates(request: RateRequest): Promise<CarrierRate[]>;
  createShipment(request: CreateShipmentRequest): Promise<CarrierShipment>;
  labelDocument(shipment: Pick<CarrierShipment, "shipmentId" | "labelUrl" | "labelFormat">): Promise<LabelDocument>;
  /** Voids a label that has not been handed over; false when the carrier refuses. */
  cancelShipment(shipmentId: string): Promise<{ cancelled: boolean; message: string | null }>;
  closeManifest(request: ManifestRequest): Promise<CarrierManifest>;
  /** Verifies and reads a tracking webhook; throws AppError UNAUTHENTICATED when forged. */
  parseTrackingWebhook(request: WebhookRequest): TrackingUpdate[];
}
