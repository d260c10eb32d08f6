// Inputs of the pickup screen's commands and queries. They live with the module (not in
// @oms/contracts) because only the pickup router and this module use them.
import { z } from "zod";

const uuid = (what: string) => z.uuid({ error: `Choose ${what}.` });

export const ClaimFulfillmentOrderInput = z.object({ fulfillmentOrderId: uuid("the fulfillment order") });
export type ClaimFulfillmentOrderInput = z.input<typeof ClaimFulfillmentOrderInput>;

export const PickupQueueInput = z.object({ locationId: uuid("a store") });
export type PickupQueueInput = z.input<typeof PickupQueueInput>;

export const FindForHandoverInput = z.object({
  locationId: uuid("a store"),
  query: z.string().trim().min(2, { error: "Enter at least two characters of the code, order number or name." }).max(120),
});
export type FindForHandoverInput = z.input<typeof FindForHandoverInput>;

export const PackAndStageInput = z.object({
  fulfillmentOrderId: uuid("the fulfillment order"),
  bagCount: z.number().int().min(1, { error: "At least one bag." }).max(50, { error: "At most 50 bags." }),
  stagingShelf: z.string().trim().min(1, { error: "Enter the shelf the bags are on." }).max(40),
});
export type PackAndStageInput = z.input<typeof PackAndStageInput>;

/**
 * What happens to units that cannot be picked: REROUTE (routing finds them elsewhere),
 * PARTIAL (the customer gets fewer; the missing units are cancelled and refunded),
 * CANCEL_LINE (the whole line goes), SUBSTITUTE (another variant, the customer agreed).
 */
export const ShortPickChoice = z.enum(["REROUTE", "PARTIAL", "CANCEL_LINE", "SUBSTITUTE"]);
export type ShortPickChoice = z.infer<typeof ShortPickChoice>;

/** How the customer agreed to a substitute (recorded on the timeline with who asked and when). */
export const CustomerApproval = z.object({
  via: z.enum(["PHONE", "SMS", "EMAIL", "IN_STORE"], { error: "Say how the customer agreed." }),
  note: z.string().trim().max(200).optional(),
});
export type CustomerApproval = z.infer<typeof CustomerApproval>;

export const ShortPickInput = z
  .object({
    fulfillmentOrderId: uuid("the fulfillment order"),
    fulfillmentOrderLineId: uuid("the line"),
    choice: ShortPickChoice.default("REROUTE"),
    /** Units missing (CANCEL_LINE: ignored, every open unit of the line goes). */
    quantity: z.number().int().min(1, { error: "At least one unit." }),
    reason: z.string().trim().min(1, { error: "Say why the item cannot be picked." }).max(200),
    substituteVariantId: uuid("the substitute").optional(),
    customerApproval: CustomerApproval.optional(),
  })
  .superRefine((v, issue) => {
    if (v.choice !== "SUBSTITUTE") return;
    if (!v.substituteVariantId) issue.addIssue({ code: "custom", path: ["substituteVariantId"], message: "Choose the item the customer gets instead." });
    if (!v.customerApproval) issue.addIssue({ code: "custom", path: ["customerApproval"], message: "Record how the customer agreed to the substitute." });
  });
export type ShortPickInput = z.input<typeof ShortPickInput>;

export const SubstituteOptionsInput = z.object({ fulfillmentOrderId: uuid("the fulfillment order"), fulfillmentOrderLineId: uuid("the line") });
export type SubstituteOptionsInput = z.input<typeof SubstituteOptionsInput>;

export const RecordPickCountInput = z.object({
  fulfillmentOrderId: uuid("the fulfillment order"),
  fulfillmentOrderLineId: uuid("the line"),
  /** Units counted so far (absolute, so a repeated request changes nothing). */
  quantityPicked: z.number().int().min(0, { error: "A count cannot be negative." }),
});
export type RecordPickCountInput = z.input<typeof RecordPickCountInput>;

export const HandOverPickupInput = z
  .object({
    fulfillmentOrderId: uuid("the fulfillment order"),
    /** CODE: the customer said or showed the code; QR: its QR code was scanned; ID: the code is lost and an ID was checked. */
    verification: z.enum(["CODE", "QR", "ID"]),
    pickupCode: z.string().trim().max(20).optional(),
    /** ID: what was checked (document type, last digits, name). */
    idCheckNote: z.string().trim().max(200).optional(),
    /** Partial collection: the units collected now per fulfillment line; omitted = everything. */
    lines: z
      .array(z.object({ fulfillmentOrderLineId: uuid("a line"), quantity: z.number().int().min(0) }))
      .min(1)
      .max(200)
      .optional(),
  })
  .superRefine((v, issue) => {
    if (v.verification !== "ID" && !v.pickupCode) issue.addIssue({ code: "custom", path: ["pickupCode"], message: "Enter the customer's pickup code." });
    if (v.verification === "ID" && (v.idCheckNote ?? "").length < 3) issue.addIssue({ code: "custom", path: ["idCheckNote"], message: "Write down which ID you checked (e.g. ID card, name matches)." });
  });
export type HandOverPickupInput = z.input<typeof HandOverPickupInput>;
