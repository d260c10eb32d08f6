import { z } from "zod";
import { Channel, FulfillmentStatus, FulfillmentType, LocationKind, OrderStatus, PaymentStatus } from "./enums.ts";
import { CurrencyCode } from "./money.ts";
import { OrderAddress, OrderPaymentStatusInput, OrderRoutingTrace } from "./orders.ts";
import { ItemCondition, RefundMethod, ReturnReason, ReturnStatus } from "./returns.ts";
import type { TrackedParcels } from "./delivery.ts";

// The public channel API (REST, /api/v1): web shops, marketplaces, call centres. These
// schemas parse the requests AND generate the OpenAPI document (z.toJSONSchema), so the
// contract is written once. `meta({ id })` names a schema in components/schemas.
// Paths and field names are a published contract: extend, never rename (docs/api-rest.md).

// ── API keys (HQ) ──

/** What a key may do. Returns and webhooks ride on the order scopes (docs/api-rest.md). */
export const ApiScope = z.enum(["catalog:read", "inventory:read", "orders:read", "orders:write"]);
export type ApiScope = z.infer<typeof ApiScope>;
export const apiScopes = ApiScope.options;

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Name the key (who uses it)").max(100),
  channel: Channel.exclude(["POS"], { message: "Choose the channel the key sends orders for (not the till)" }),
  scopes: z.array(ApiScope).min(1, "Choose at least one scope").max(10).default(["catalog:read", "inventory:read", "orders:read", "orders:write"]),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export const ApiKeyIdInput = z.object({ apiKeyId: z.uuid({ message: "Choose an API key" }) });
export type ApiKeyIdInput = z.input<typeof ApiKeyIdInput>;

export const WebhookDeliveriesInput = z.object({
  subscriptionId: z.uuid().optional(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type WebhookDeliveriesInput = z.input<typeof WebhookDeliveriesInput>;

// ── errors ──

export const Problem = z
  .object({
    type: z.string().describe("A URI naming the kind of problem, e.g. https://oms.example/problems/insufficient-stock"),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().optional().describe("The OMS error code (VALIDATION_FAILED, INSUFFICIENT_STOCK, …)"),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("Field problems; path like lines[0].sku"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });

// ── catalog and stock ──

export const PublicLocation = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: LocationKind,
    fulfillmentTypes: z.array(FulfillmentType),
    latitude: z.number(),
    longitude: z.number(),
    currency: z.string(),
    city: z.string(),
    countryCode: z.string(),
    timeZone: z.string(),
  })
  .meta({ id: "Location" });

export const LocationList = z.object({ items: z.array(PublicLocation) }).meta({ id: "LocationList" });

const limit = (max: number, dflt: number) => z.coerce.number().int("limit must be a whole number").min(1).max(max).default(dflt);

export const ProductsQuery = z.object({
  q: z.string().trim().min(1).max(200).optional().describe("Search in product name, SKU and barcode"),
  sku: z.string().trim().min(1).max(100).optional().describe("Exactly this SKU"),
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
  limit: limit(200, 50),
});

export const PublicVariant = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    name: z.string(),
    productId: z.uuid(),
    productName: z.string(),
    brand: z.string().nullable(),
    category: z.object({ slug: z.string(), name: z.string() }),
    options: z.record(z.string(), z.unknown()),
    barcodes: z.array(z.string()),
    prices: z.array(z.object({ currency: z.string(), amount: z.number().int().describe("Minor units"), compareAt: z.number().int().nullable() })),
    active: z.boolean(),
  })
  .meta({ id: "Variant" });

export const ProductPage = z
  .object({ items: z.array(PublicVariant), nextCursor: z.string().nullable() })
  .meta({ id: "ProductPage", description: "One page of variants; pass nextCursor as cursor for the next (null: last page)" });

export const AvailabilityQuery = z
  .object({
    sku: z.array(z.string().trim().min(1).max(100)).min(1, "Name at least one sku").max(100),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
  })
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { path: ["lng"], message: "Give both lat and lng, or neither" });

export const PublicAvailability = z
  .object({
    items: z.array(
      z.object({
        sku: z.string(),
        variantId: z.uuid(),
        networkAvailable: z.number().int().describe("Available to promise across all active locations"),
        networkInTransit: z.number().int(),
        locations: z.array(
          z.object({
            locationId: z.uuid(),
            code: z.string(),
            name: z.string(),
            available: z.number().int(),
            inTransit: z.number().int(),
            fulfillmentTypes: z.array(FulfillmentType),
            distanceKm: z.number().nullable().describe("From lat/lng when given (then nearest first)"),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "Availability" });

// ── orders ──

export const PublicOrderInput = z
  .object({
    externalId: z.string().trim().min(1).max(100).describe("Your own order id; unique per channel"),
    customer: z.object({
      name: z.string().trim().min(1, "Enter the customer's name").max(200),
      email: z.string().trim().max(254).optional(),
      phone: z.string().trim().max(40).optional(),
    }),
    currency: CurrencyCode,
    lines: z
      .array(
        z.object({
          sku: z.string().trim().min(1, "Enter the SKU").max(100),
          quantity: z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(100_000),
          unitPrice: z.number().int("Prices are whole minor units").min(0, "A price cannot be negative").max(100_000_000).optional(),
        }),
      )
      .min(1, "An order needs at least one line")
      .max(500),
    fulfillment: z.object({
      type: z.enum(["SHIP", "PICKUP", "DELIVERY"]),
      locationId: z.uuid({ message: "Choose the pickup store" }).optional().describe("PICKUP: the store the customer collects from"),
      address: OrderAddress.optional().describe("SHIP and DELIVERY"),
    }),
    payment: z.object({
      status: OrderPaymentStatusInput,
      provider: z.enum(["STRIPE", "EXTERNAL"]).optional(),
      reference: z.string().trim().max(200).optional(),
      amount: z.number().int().min(0).optional().describe("Minor units"),
    }),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((o) => o.fulfillment.type !== "PICKUP" || o.fulfillment.locationId !== undefined, {
    path: ["fulfillment", "locationId"],
    message: "Choose the store where the customer collects the order",
  })
  .refine((o) => o.fulfillment.type === "PICKUP" || o.fulfillment.address !== undefined, {
    path: ["fulfillment", "address"],
    message: "Enter the delivery address",
  })
  .meta({
    id: "OrderInput",
    example: {
      externalId: "WEB-10001",
      customer: { name: "Anna Nowak", email: "anna@example.com", phone: "+48 600 100 200" },
      currency: "PLN",
      lines: [{ sku: "TEE-BLK-M", quantity: 1, unitPrice: 7900 }],
      fulfillment: { type: "SHIP", address: { name: "Anna Nowak", line1: "Rynek 1", city: "Kraków", postalCode: "31-042", countryCode: "PL" } },
      payment: { status: "PAID", provider: "STRIPE", reference: "pi_123", amount: 7900 },
    },
  });
export type PublicOrderInput = z.infer<typeof PublicOrderInput>;

export const PublicFulfillmentOrder = z
  .object({
    id: z.uuid(),
    number: z.string(),
    locationId: z.uuid(),
    locationName: z.string(),
    type: FulfillmentType,
    status: FulfillmentStatus,
    pickupCode: z.string().nullable(),
    promisedAt: z.string().nullable(),
    trackingNumbers: z.array(z.object({ carrier: z.string(), trackingNumber: z.string().nullable() })),
    lines: z.array(z.object({ orderLineId: z.uuid(), sku: z.string(), quantity: z.number().int() })),
  })
  .meta({ id: "FulfillmentOrder" });

export const PublicOrder = z
  .object({
    id: z.uuid(),
    number: z.string(),
    externalId: z.string().nullable(),
    channel: Channel,
    status: OrderStatus,
    paymentStatus: PaymentStatus,
    currency: z.string(),
    subtotal: z.number().int(),
    taxTotal: z.number().int(),
    total: z.number().int(),
    customer: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
    shippingAddress: OrderAddress.nullable(),
    lines: z.array(
      z.object({
        id: z.uuid(),
        lineNo: z.number().int(),
        sku: z.string(),
        name: z.string(),
        quantity: z.number().int(),
        quantityCancelled: z.number().int(),
        quantityReturned: z.number().int(),
        unitPrice: z.number().int(),
        total: z.number().int(),
      }),
    ),
    fulfillmentOrders: z.array(PublicFulfillmentOrder),
    holdReasons: z
      .array(z.object({ code: z.string().nullable(), title: z.string(), instruction: z.string() }))
      .describe("Why the order is ON_HOLD (open validation tasks); empty otherwise"),
    routing: OrderRoutingTrace.describe("The routing trace: every run with its candidates and steps"),
    placedAt: z.string(),
    promisedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
  })
  .meta({ id: "Order" });
export type PublicOrder = z.infer<typeof PublicOrder>;

export const OrderLookupQuery = z.object({ externalId: z.string().trim().min(1, "Give the externalId").max(100) });
export const OrderList = z.object({ items: z.array(PublicOrder) }).meta({ id: "OrderList" });

export const PublicCancelInput = z
  .object({ reason: z.string().trim().min(1, "Give a reason for the cancellation").max(500).default("Cancelled by the channel") })
  .meta({ id: "CancelInput" });

export const PublicAddressInput = z.object({ address: OrderAddress }).meta({ id: "AddressInput" });

export const PublicReturnInput = z
  .object({
    orderId: z.uuid({ message: "Choose the order" }),
    locationId: z.uuid({ message: "Choose the receiving location" }).describe("Where the goods come back (a warehouse or a store)"),
    refundMethod: RefundMethod.default("ORIGINAL_PAYMENT"),
    lines: z
      .array(
        z.object({
          sku: z.string().trim().min(1).max(100).optional(),
          orderLineId: z.uuid().optional(),
          quantity: z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(100_000),
          reason: ReturnReason,
          condition: ItemCondition.default("SELLABLE"),
        }),
      )
      .min(1, "Return at least one line")
      .max(500),
    note: z.string().trim().max(1000).optional(),
  })
  .meta({ id: "ReturnInput" });

export const PublicReturn = z
  .object({
    id: z.uuid(),
    number: z.string(),
    orderId: z.uuid(),
    orderStatus: OrderStatus,
    status: ReturnStatus,
    refundMethod: RefundMethod,
    refundTotal: z.number().int(),
    currency: z.string(),
    lines: z.array(z.object({ orderLineId: z.uuid(), quantity: z.number().int(), refundAmount: z.number().int() })),
  })
  .meta({ id: "Return" });

// ── webhooks ──

export const webhookEvents = ["order.changed", "fulfillment.changed"] as const;
export const WebhookEvent = z.enum(webhookEvents);

export const WebhookSubscriptionInput = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: "Give an http:// or https:// URL" })
      .max(2000),
    events: z.array(WebhookEvent).min(1, "Choose at least one event").max(10),
  })
  .meta({ id: "WebhookSubscriptionInput", example: { url: "https://shop.example/oms-webhooks", events: ["order.changed", "fulfillment.changed"] } });
export type WebhookSubscriptionInput = z.infer<typeof WebhookSubscriptionInput>;

export const PublicWebhookSubscription = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
    secret: z.string().optional().describe("Signing secret: returned once, when the subscription is created"),
  })
  .meta({ id: "WebhookSubscription" });

// ── public order tracking (/track) ──

export const TrackOrderInput = z.object({
  number: z.string().trim().min(1, "Enter the order number").max(40),
  email: z.string().trim().min(1, "Enter the e-mail address").max(254),
});
export type TrackOrderInput = z.input<typeof TrackOrderInput>;

export interface TrackedOrder {
  number: string;
  status: string;
  placedAt: string;
  promisedAt: string | null;
  fulfillments: {
    type: string;
    status: string;
    locationName: string;
    locationAddress: string | null;
    pickupCode: string | null;
    trackingNumbers: { carrier: string; trackingNumber: string | null }[];
    promisedAt: string | null;
  }[];
  /** After the parcel left (docs/shipping.md#tracking): history, delivery proof, returns. */
  parcels?: TrackedParcels;
}
