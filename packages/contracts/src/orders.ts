import { z } from "zod";
import { Channel, FulfillmentType, OrderStatus, Role } from "./enums.ts";
import { CurrencyCode } from "./money.ts";
import { RoutingResult } from "./routing.ts";

// Inputs of the order lifecycle (packages/core/src/orders, packages/core/src/fulfillment).
// Contact details (e-mail, phone) and address completeness are deliberately NOT refused
// here: an order from a channel is accepted as it comes and the validation checks put it
// on hold with a task for the person who can fix it (docs/orders.md).

const id = (what: string) => z.uuid({ message: `Choose ${what}` });
const quantity = z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(100_000);
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A delivery address as the channel sent it; completeness is a validation check. */
export const OrderAddress = z.object({
  name: z.string().trim().max(200).default(""),
  line1: z.string().trim().max(200).default(""),
  line2: z.string().trim().max(200).nullable().optional(),
  city: z.string().trim().max(100).default(""),
  postalCode: z.string().trim().max(20).default(""),
  region: z.string().trim().max(100).nullable().optional(),
  countryCode: z.string().trim().toUpperCase().max(2).default(""),
  phone: z.string().trim().max(40).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
});
export type OrderAddress = z.infer<typeof OrderAddress>;

export const OrderPaymentStatusInput = z.enum(["AUTHORIZED", "PAID", "PENDING", "PAY_AT_PICKUP"]);

export const CreateOrderLineInput = z
  .object({
    variantId: id("a product variant").optional(),
    sku: z.string().trim().min(1).max(100).optional(),
    quantity,
    /** Minor units; only channels trusted with prices (POS) may differ from the catalog. */
    unitPrice: z.number().int("Prices are whole minor units").min(0).max(100_000_000).optional(),
  })
  .refine((l) => l.variantId !== undefined || l.sku !== undefined, { message: "Give the variant id or the SKU", path: ["variantId"] });

export const CreateOrderInput = z
  .object({
    channel: Channel,
    externalId: z.string().trim().min(1).max(100).optional(),
    customerId: id("the customer").optional(),
    customer: z
      .object({
        name: z.string().trim().min(1, "Enter the customer's name").max(200),
        email: optionalText(254),
        phone: optionalText(40),
      })
      .optional(),
    currency: CurrencyCode,
    lines: z.array(CreateOrderLineInput).min(1, "An order needs at least one line").max(500),
    fulfillment: z.object({
      type: FulfillmentType,
      /** PICKUP / CARRY_OUT: the store the customer comes to. */
      locationId: id("the pickup store").optional(),
      address: OrderAddress.optional(),
    }),
    payment: z.object({
      status: OrderPaymentStatusInput,
      amount: z.number().int().min(0).optional(),
      reference: z.string().trim().max(200).optional(),
      provider: z.enum(["STRIPE", "SIMULATED", "CASH", "STORE_CREDIT", "EXTERNAL"]).optional(),
    }),
    /** The store where a POS order is rung up. */
    originLocationId: id("the store").optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((o) => o.customerId !== undefined || o.customer !== undefined, { message: "Give the customer (id or name and contact)", path: ["customer"] })
  .refine((o) => !(o.fulfillment.type === "PICKUP" || o.fulfillment.type === "CARRY_OUT") || o.fulfillment.locationId || o.originLocationId, {
    message: "Choose the store where the customer collects the order",
    path: ["fulfillment", "locationId"],
  })
  .refine((o) => !(o.fulfillment.type === "SHIP" || o.fulfillment.type === "DELIVERY") || o.fulfillment.address !== undefined, {
    message: "Enter the delivery address",
    path: ["fulfillment", "address"],
  })
  .refine((o) => o.channel !== "POS" || o.originLocationId !== undefined, { message: "A till sale needs the store it is rung up at", path: ["originLocationId"] });
export type CreateOrderInput = z.input<typeof CreateOrderInput>;

export const OrderIdInput = z.object({ orderId: id("the order") });
export type OrderIdInput = z.input<typeof OrderIdInput>;

export const ResolveTaskInput = z.object({
  taskId: id("the task"),
  resolution: z.string().trim().min(1, "Say what you did").max(1000),
  /** Corrections entered while resolving a validation task. */
  email: optionalText(254),
  phone: optionalText(40),
  address: OrderAddress.optional(),
  paymentStatus: z.enum(["AUTHORIZED", "PAID", "PAY_AT_PICKUP"]).optional(),
});
export type ResolveTaskInput = z.input<typeof ResolveTaskInput>;

export const CancelOrderInput = z.object({
  orderId: id("the order"),
  reason: z.string().trim().min(1, "Give a reason for the cancellation").max(500),
});
export type CancelOrderInput = z.input<typeof CancelOrderInput>;

export const CancelOrderLineInput = z.object({
  orderId: id("the order"),
  orderLineId: id("the order line"),
  quantity,
  reason: z.string().trim().min(1, "Give a reason for the cancellation").max(500),
});
export type CancelOrderLineInput = z.input<typeof CancelOrderLineInput>;

export const ChangeShippingAddressInput = z.object({ orderId: id("the order"), address: OrderAddress });
export type ChangeShippingAddressInput = z.input<typeof ChangeShippingAddressInput>;

export const SplitOrderInput = z.object({
  orderId: id("the order"),
  lines: z
    .array(z.object({ orderLineId: id("an order line"), quantity: quantity.optional() }))
    .min(1, "Choose at least one line to move")
    .max(500),
});
export type SplitOrderInput = z.input<typeof SplitOrderInput>;

export const MergeOrdersInput = z
  .object({ sourceOrderId: id("the order to merge"), targetOrderId: id("the order to merge into") })
  .refine((i) => i.sourceOrderId !== i.targetOrderId, { message: "Choose two different orders", path: ["targetOrderId"] });
export type MergeOrdersInput = z.input<typeof MergeOrdersInput>;

export const ListOrdersInput = z
  .object({
    status: z.array(OrderStatus).max(20).optional(),
    channel: z.array(Channel).max(5).optional(),
    /** Orders rung up at, or fulfilled by, this location. */
    locationId: id("a location").optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    late: z.boolean().optional(),
    /** Order number (start), customer e-mail or name (contains). */
    search: z.string().trim().min(1).max(200).optional(),
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { path: ["to"], message: "The end date must be after the start date" });
export type ListOrdersInput = z.input<typeof ListOrdersInput>;

// ── fulfillment ──

export const FulfillmentOrderIdInput = z.object({ fulfillmentOrderId: id("the fulfillment order") });
export type FulfillmentOrderIdInput = z.input<typeof FulfillmentOrderIdInput>;

export const MarkPackedInput = z.object({
  fulfillmentOrderId: id("the fulfillment order"),
  bagCount: z.number().int().min(1).max(100).optional(),
});
export type MarkPackedInput = z.input<typeof MarkPackedInput>;

export const MarkReadyForPickupInput = z.object({
  fulfillmentOrderId: id("the fulfillment order"),
  stagingShelf: z.string().trim().max(50).optional(),
});
export type MarkReadyForPickupInput = z.input<typeof MarkReadyForPickupInput>;

export const MarkShippedInput = z.object({
  fulfillmentOrderId: id("the fulfillment order"),
  carrier: z.string().trim().min(1, "Enter the carrier").max(100),
  service: z.string().trim().max(100).optional(),
  trackingNumber: z.string().trim().min(1, "Enter the tracking number").max(100),
  labelUrl: z.string().trim().max(2000).optional(),
  weightGrams: z.number().int().positive().optional(),
});
export type MarkShippedInput = z.input<typeof MarkShippedInput>;

export const ConfirmPickedUpInput = z.object({
  fulfillmentOrderId: id("the fulfillment order"),
  /** The code the customer shows; required unless a manager overrides. */
  pickupCode: z.string().trim().max(20).optional(),
});
export type ConfirmPickedUpInput = z.input<typeof ConfirmPickedUpInput>;

export const RejectFulfillmentLinesInput = z.object({
  fulfillmentOrderId: id("the fulfillment order"),
  reason: z.string().trim().min(1, "Say why the store cannot fulfil the items").max(500),
  /** Omitted: every line of the fulfillment order. */
  lines: z
    .array(z.object({ fulfillmentOrderLineId: id("a fulfillment line"), quantity: quantity.optional() }))
    .min(1)
    .max(500)
    .optional(),
});
export type RejectFulfillmentLinesInput = z.input<typeof RejectFulfillmentLinesInput>;

// ── stored shapes ──

/**
 * Order.routingTrace: what the customer asked for (type and store) and every routing run,
 * newest last (allocation, re-routing after a rejection or an address change).
 */
export const OrderRoutingTrace = z.object({
  request: z.object({ fulfillmentType: FulfillmentType, locationId: z.string().nullable() }),
  runs: z.array(
    z.object({
      at: z.string(),
      reason: z.string(),
      outcome: RoutingResult.shape.outcome,
      assignments: RoutingResult.shape.assignments,
      unassigned: RoutingResult.shape.unassigned,
      trace: RoutingResult.shape.trace,
    }),
  ),
});
export type OrderRoutingTrace = z.infer<typeof OrderRoutingTrace>;

/** What a failing validation check asks a person to do. */
export interface ValidationProblem {
  instruction: string;
  assigneeRole: Role;
  locationId?: string | null;
  field?: string;
  /** Stored on the task (Task.data) for the check to read back, e.g. accepted prices. */
  data?: Record<string, unknown>;
}
