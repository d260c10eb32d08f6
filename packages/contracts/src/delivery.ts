import { z } from "zod";
import { ReturnReason, ItemCondition, type RefundMethod } from "./returns.ts";

// After the parcel leaves (docs/shipping.md): tracking history, requested returns with a
// return label, local delivery runs with proof of delivery.

const id = (what: string) => z.uuid({ message: `Choose ${what}` });
const quantity = z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(100_000);
const optionalNote = z.string().trim().max(1000).nullable().default(null);

// ── requested returns (RMA) ──────────────────────────────────────────────

/** How a return that comes by parcel is refunded: no drawer is involved, so no cash. */
export const ParcelRefundMethod = z.enum(["ORIGINAL_PAYMENT", "STORE_CREDIT"], { message: "Refund to the original payment or as store credit" });
export type ParcelRefundMethod = z.infer<typeof ParcelRefundMethod>;

export const ReturnRequestLineInput = z.object({
  orderLineId: id("the order line to return"),
  quantity,
  reason: ReturnReason,
});
export type ReturnRequestLineInput = z.input<typeof ReturnRequestLineInput>;

export const RequestReturnInput = z.object({
  orderId: id("the order"),
  /** Where the parcel goes back; default: the location that shipped the goods. */
  locationId: id("the location the parcel goes back to").optional(),
  refundMethod: ParcelRefundMethod.default("ORIGINAL_PAYMENT"),
  lines: z
    .array(ReturnRequestLineInput)
    .min(1, "Return at least one line")
    .max(500)
    .refine((lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length, "List each order line once"),
  note: optionalNote,
  /** Buy a prepaid return label from the carrier (the customer prints it). */
  returnLabel: z.boolean().default(false),
  /** The carrier of the label (CarrierProvider.code); default: the one the goods went out with, else the simulated carrier. */
  carrier: z.string().trim().min(1).max(40).optional(),
});
export type RequestReturnInput = z.input<typeof RequestReturnInput>;

export const ReceiveRequestedReturnInput = z.object({
  returnId: id("the return"),
  /** Condition per return line as inspected; lines left out count as SELLABLE. */
  lines: z.array(z.object({ returnLineId: id("the return line"), condition: ItemCondition })).max(500).default([]),
  /** Change how the refund is paid (default: as requested). */
  refundMethod: ParcelRefundMethod.optional(),
  note: optionalNote,
});
export type ReceiveRequestedReturnInput = z.input<typeof ReceiveRequestedReturnInput>;

export const ReturnIdInput = z.object({ returnId: id("the return") });
export type ReturnIdInput = z.input<typeof ReturnIdInput>;

export const CancelRequestedReturnInput = z.object({ returnId: id("the return"), reason: z.string().trim().min(1, "Say why").max(500) });
export type CancelRequestedReturnInput = z.input<typeof CancelRequestedReturnInput>;

export interface ReturnLabelView {
  shipmentId: string;
  carrier: string;
  trackingNumber: string | null;
  status: string;
  /** False while the label is being bought (or the carrier was unreachable: retry). */
  ready: boolean;
}

export interface RequestedReturnView {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  status: "REQUESTED" | "RECEIVED" | "COMPLETED" | "CANCELLED";
  requestedBy: string | null;
  locationId: string;
  locationName: string;
  refundMethod: RefundMethod;
  refundTotal: number;
  currency: string;
  createdAt: string;
  receivedAt: string | null;
  completedAt: string | null;
  lines: { id: string; orderLineId: string; sku: string; name: string; quantity: number; reason: ReturnReason; condition: ItemCondition; refundAmount: number }[];
  labels: ReturnLabelView[];
}

// ── tracking ─────────────────────────────────────────────────────────────

/** The states a parcel goes through, the same for every carrier (mirrors @oms/shipping's TrackingStatus). */
export const TrackingStatus = z.enum(["LABEL_CREATED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "FAILED_ATTEMPT", "RETURNED_TO_SENDER", "UNKNOWN"]);
export type TrackingStatus = z.infer<typeof TrackingStatus>;

/** One tracking update as a carrier adapter read it from a verified webhook. */
export const TrackingUpdateInput = z.object({
  trackingNumber: z.string().trim().min(1).max(100),
  status: TrackingStatus,
  detail: z.string().max(500).nullable().default(null),
  occurredAt: z.coerce.date(),
  location: z.string().max(200).nullable().default(null),
});
export type TrackingUpdateInput = z.input<typeof TrackingUpdateInput>;

export const ApplyTrackingUpdatesInput = z.object({
  /** CarrierProvider.code of the endpoint the updates came in on. */
  carrier: z.string().trim().min(1).max(40),
  updates: z.array(TrackingUpdateInput).max(500),
});
export type ApplyTrackingUpdatesInput = z.input<typeof ApplyTrackingUpdatesInput>;

export interface ApplyTrackingResult {
  /** Moved a shipment (or its fulfilment / return). */
  applied: number;
  /** Kept in the history only: older than the newest applied event, or the parcel was already final. */
  historyOnly: number;
  /** Seen before (a redelivered webhook). */
  duplicates: number;
  /** No shipment of ours has that tracking number. */
  unmatched: number;
}

export interface TrackingEventView {
  status: string;
  detail: string | null;
  location: string | null;
  occurredAt: string;
}

// ── delivery runs ────────────────────────────────────────────────────────

export const DeliveryRunStatus = z.enum(["PLANNED", "OUT", "COMPLETED", "CANCELLED"]);
export type DeliveryRunStatus = z.infer<typeof DeliveryRunStatus>;
export const DeliveryStopStatus = z.enum(["PENDING", "DELIVERED", "FAILED", "REMOVED"]);
export type DeliveryStopStatus = z.infer<typeof DeliveryStopStatus>;

export const PlanDeliveryRunInput = z
  .object({
    locationId: id("the location"),
    /** A staff user as driver, or only a name (an outside courier). */
    driverUserId: id("the driver").nullable().default(null),
    driverName: z.string().trim().max(120).default(""),
    /** The stops in the order the driver calls. */
    fulfillmentOrderIds: z
      .array(id("a delivery order"))
      .min(1, "Choose at least one order to deliver")
      .max(60, "A run has at most 60 stops")
      .refine((ids) => new Set(ids).size === ids.length, "List each order once"),
    note: optionalNote,
  })
  .refine((v) => v.driverUserId !== null || v.driverName.length > 0, { message: "Choose a driver or type the driver's name", path: ["driverName"] });
export type PlanDeliveryRunInput = z.input<typeof PlanDeliveryRunInput>;

export const DeliveryRunIdInput = z.object({ runId: id("the delivery run") });
export type DeliveryRunIdInput = z.input<typeof DeliveryRunIdInput>;

export const ListDeliveryRunsInput = z.object({
  locationId: id("the location"),
  status: z.array(DeliveryRunStatus).max(4).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListDeliveryRunsInput = z.input<typeof ListDeliveryRunsInput>;

export const DeliverableOrdersInput = z.object({ locationId: id("the location") });
export type DeliverableOrdersInput = z.input<typeof DeliverableOrdersInput>;

export const CompleteDeliveryStopInput = z.discriminatedUnion("outcome", [
  z.object({
    stopId: id("the stop"),
    outcome: z.literal("DELIVERED"),
    recipientName: z.string().trim().min(1, "Type the name of the person who took the goods").max(120),
    note: optionalNote,
  }),
  z.object({
    stopId: id("the stop"),
    outcome: z.literal("FAILED"),
    failureReason: z.string().trim().min(1, "Say why the delivery failed").max(500),
    note: optionalNote,
  }),
]);
export type CompleteDeliveryStopInput = z.input<typeof CompleteDeliveryStopInput>;

export interface DeliveryStopView {
  id: string;
  sequence: number;
  status: DeliveryStopStatus;
  fulfillmentOrderId: string;
  fulfillmentNumber: string;
  fulfillmentStatus: string;
  orderId: string;
  orderNumber: string;
  customerName: string | null;
  phone: string | null;
  address: string;
  items: number;
  recipientName: string | null;
  deliveredAt: string | null;
  failureReason: string | null;
  failedAt: string | null;
  note: string | null;
}

export interface DeliveryRunView {
  id: string;
  number: string;
  locationId: string;
  status: DeliveryRunStatus;
  driverUserId: string | null;
  driverName: string;
  note: string | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  stops: DeliveryStopView[];
}

export interface DeliverableOrderView {
  fulfillmentOrderId: string;
  fulfillmentNumber: string;
  status: string;
  orderNumber: string;
  customerName: string | null;
  address: string;
  postalCode: string;
  items: number;
  promisedAt: string | null;
  /** A delivery tried before and failed (the reason), so this is a second attempt. */
  lastFailure: string | null;
}

// ── the public tracking page ─────────────────────────────────────────────

/** What the public tracking page shows after the parcel left: no addresses, prices or names of staff. */
export interface TrackedParcels {
  shipments: { id: string; carrier: string; trackingNumber: string | null; status: string; isReturnLabel: boolean; events: TrackingEventView[] }[];
  deliveries: { status: "PENDING" | "DELIVERED" | "FAILED"; recipientName: string | null; deliveredAt: string | null; failureReason: string | null; failedAt: string | null }[];
  returns: { number: string; status: string; createdAt: string; items: { name: string; quantity: number }[]; labels: { shipmentId: string; trackingNumber: string | null; status: string; ready: boolean }[] }[];
  /** Delivered items the customer can still send back. */
  returnable: { orderLineId: string; name: string; sku: string; quantity: number }[];
}

export const TrackingReturnInput = z.object({
  number: z.string().trim().min(1, "Enter the order number").max(40),
  email: z.string().trim().min(1, "Enter the e-mail address").max(254),
  lines: z.array(ReturnRequestLineInput).min(1, "Choose at least one item to return").max(200),
});
export type TrackingReturnInput = z.input<typeof TrackingReturnInput>;

// ── public API: a return by parcel with a label ─────────────────────────

export const PublicReturnRequestInput = z
  .object({
    lines: z
      .array(
        z.object({
          sku: z.string().trim().min(1).max(100).optional(),
          orderLineId: z.uuid().optional(),
          quantity,
          reason: ReturnReason,
        }),
      )
      .min(1, "Return at least one line")
      .max(500),
    returnLabel: z.boolean().default(true).describe("Buy a prepaid return label the customer prints"),
    locationId: z.uuid({ message: "Choose the location" }).optional().describe("Where the parcel goes back; default: the location that shipped it"),
    refundMethod: ParcelRefundMethod.default("ORIGINAL_PAYMENT"),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: "ReturnRequestInput" });

export const PublicReturnRequest = z
  .object({
    id: z.uuid(),
    number: z.string(),
    orderId: z.uuid(),
    status: z.enum(["REQUESTED", "RECEIVED", "COMPLETED", "CANCELLED"]),
    label: z
      .object({ carrier: z.string(), trackingNumber: z.string().nullable(), url: z.string().describe("The label PDF (4 × 6 in), relative to this server") })
      .nullable()
      .describe("Null when no label was asked for or the carrier could not sell one now (see labelError)"),
    labelError: z.string().nullable(),
  })
  .meta({ id: "ReturnRequest" });
