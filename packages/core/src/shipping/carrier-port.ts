// What the packing bench needs of a carrier. `@oms/shipping`'s CarrierProvider (and its
// registry) satisfy it structurally: core sits below the shipping package in the import
// order, so the api passes `carrierRegistryFromEnv()` in through the context.
import { AppError } from "@oms/contracts";
import type { DomainContext } from "../context.ts";

export interface PortAddress {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  region?: string | null;
  countryCode: string;
  phone?: string | null;
  email?: string | null;
}

export interface PortParcel {
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  weightGrams: number;
}

export interface PortRate {
  rateId: string | null;
  carrier: string;
  service: string;
  serviceName: string;
  amount: number;
  currency: string;
  estimatedDays: number | null;
}

export interface PortShipment {
  shipmentId: string;
  service: string;
  trackingNumber: string;
  trackingUrl: string | null;
  labelUrl: string;
  labelFormat: "PDF" | "ZPL";
  amount: number;
  currency: string;
}

export interface CarrierPort {
  readonly code: string;
  readonly name: string;
  getRates(request: { from: PortAddress; to: PortAddress; parcel: PortParcel; currency: string }): Promise<PortRate[]>;
  createShipment(request: {
    from: PortAddress;
    to: PortAddress;
    parcel: PortParcel;
    currency: string;
    rateId?: string | null;
    service: string;
    labelFormat: "PDF" | "ZPL";
    reference: string;
    idempotencyKey: string;
    isReturn?: boolean;
  }): Promise<PortShipment>;
  labelDocument(shipment: { shipmentId: string; labelUrl: string; labelFormat: "PDF" | "ZPL" }): Promise<{ contentType: "application/pdf" | "application/zpl"; data: Uint8Array }>;
  cancelShipment(shipmentId: string): Promise<{ cancelled: boolean; message: string | null }>;
  closeManifest(request: { from: PortAddress; shipmentIds: string[]; shipDate: Date }): Promise<{ manifestId: string; documentUrl: string | null }>;
}

export interface CarrierLookup {
  get(code: string): CarrierPort | null;
}

/** A domain context that may talk to carriers (outside its transactions). */
export interface ShippingContext extends DomainContext {
  carriers: CarrierLookup;
}

export function requireCarrier(ctx: ShippingContext, code: string): CarrierPort {
  const carrier = ctx.carriers.get(code);
  if (!carrier) throw new AppError("VALIDATION_FAILED", `carrier: No carrier "${code}" is set up on this server.`, { fields: [{ path: ["carrier"], message: "Unknown carrier" }] });
  return carrier;
}

/** A carrier error, as one line for the bench (AppError messages are written for staff). */
export function carrierErrorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The carrier said no (parcel, address, service): nothing was bought. */
export function isRefusal(error: unknown): boolean {
  return AppError.isAppError(error) && (error as AppError).code === "VALIDATION_FAILED";
}
