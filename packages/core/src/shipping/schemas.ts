// Inputs of the packing bench (/fulfillment). They live with the module because only the
// shipping router and this module use them.
import { z } from "zod";

const uuid = (what: string) => z.uuid({ error: `Choose ${what}.` });
const mm = (what: string) => z.number({ error: `Enter the ${what} in millimetres.` }).int({ error: `The ${what} is whole millimetres.` }).min(1, { error: `The ${what} must be at least 1 mm.` }).max(3000, { error: `The ${what} is at most 3 m.` });

export const ShippingQueueInput = z.object({ locationId: uuid("a location") });
export type ShippingQueueInput = z.input<typeof ShippingQueueInput>;

export const BatchInput = z.object({
  locationId: uuid("a location"),
  fulfillmentOrderIds: z.array(uuid("an order")).min(1, { error: "Choose at least one order to pick." }).max(20, { error: "Pick at most 20 orders at once." }),
});
export type BatchInput = z.input<typeof BatchInput>;

export const ScanBatchItemInput = BatchInput.extend({
  code: z.string().trim().min(1, { error: "Scan or type a barcode." }).max(64),
});
export type ScanBatchItemInput = z.input<typeof ScanBatchItemInput>;

export const ParcelInput = z
  .object({
    /** A configured box (its outside size is taken from it), or none for own dimensions. */
    boxId: uuid("a box").nullable().optional(),
    lengthMm: mm("length").optional(),
    widthMm: mm("width").optional(),
    heightMm: mm("height").optional(),
    /** Gross weight on the scale, box included. */
    weightGrams: z.number({ error: "Enter the weight in grams." }).int({ error: "Weigh in whole grams." }).min(1, { error: "Weigh the parcel (at least 1 g)." }).max(70_000, { error: "A parcel is at most 70 kg." }),
  })
  .superRefine((p, issue) => {
    if (p.boxId) return;
    for (const key of ["lengthMm", "widthMm", "heightMm"] as const) {
      if (p[key] === undefined) issue.addIssue({ code: "custom", path: [key], message: "Choose a box or enter the parcel's size." });
    }
  });
export type ParcelInput = z.input<typeof ParcelInput>;

export const PackShipmentInput = z.object({
  fulfillmentOrderId: uuid("the fulfillment order"),
  parcels: z.array(ParcelInput).min(1, { error: "Add at least one parcel." }).max(20, { error: "At most 20 parcels." }),
});
export type PackShipmentInput = z.input<typeof PackShipmentInput>;

export const FulfillmentRefInput = z.object({ fulfillmentOrderId: uuid("the fulfillment order") });
export type FulfillmentRefInput = z.input<typeof FulfillmentRefInput>;

export const LabelFormatInput = z.enum(["PDF", "ZPL"], { error: "Choose PDF or ZPL." });

export const BuyLabelsInput = z.object({
  fulfillmentOrderId: uuid("the fulfillment order"),
  carrier: z.string().trim().min(1, { error: "Choose a carrier." }).max(40),
  service: z.string().trim().min(1, { error: "Choose a service." }).max(80),
  /** The offer from the rates, when the carrier needs it. */
  rateId: z.string().trim().max(200).nullable().optional(),
  /** Default: the location's setting for this carrier. */
  labelFormat: LabelFormatInput.optional(),
});
export type BuyLabelsInput = z.input<typeof BuyLabelsInput>;

export const ShipmentRefInput = z.object({ shipmentId: uuid("the label") });
export type ShipmentRefInput = z.input<typeof ShipmentRefInput>;

export const CloseManifestInput = z.object({
  locationId: uuid("a location"),
  carrier: z.string().trim().min(1, { error: "Choose a carrier." }).max(40),
});
export type CloseManifestInput = z.input<typeof CloseManifestInput>;

export const ManifestListInput = z.object({ locationId: uuid("a location"), take: z.number().int().min(1).max(100).default(20) });
export type ManifestListInput = z.input<typeof ManifestListInput>;

export const ManifestRefInput = z.object({ manifestId: uuid("the manifest") });
export type ManifestRefInput = z.input<typeof ManifestRefInput>;
