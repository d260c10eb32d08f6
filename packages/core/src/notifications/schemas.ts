import { Id } from "@oms/contracts";
import { z } from "zod";

/** Every message the system sends to a customer; each has a typed template in ./templates. */
export const NOTIFICATION_TEMPLATES = ["pos.receipt", "pickup.ready", "pickup.short", "pickup.reminder", "pickup.cancelled", "order.refunded"] as const;
export const NotificationTemplate = z.enum(NOTIFICATION_TEMPLATES);
export type NotificationTemplate = z.infer<typeof NotificationTemplate>;

/**
 * Overrides the order's own contact (e.g. the e-mail a cashier types for a receipt). When
 * both are absent the order's e-mail is used, else its phone; with neither nothing is queued.
 */
export const NotificationRecipient = z
  .object({
    email: z.email("Enter an e-mail address like name@example.com").max(254).nullish(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a phone number with country code, e.g. +48 600 100 200")
      .nullish(),
  })
  .strict();
export type NotificationRecipient = z.infer<typeof NotificationRecipient>;

/** What happened to one short-picked item (pickup.short). */
export const ShortPickOutcome = z.enum(["SUBSTITUTED", "PARTIAL", "REROUTED", "CANCELLED"]);
export type ShortPickOutcome = z.infer<typeof ShortPickOutcome>;

export const ShortPickItem = z
  .object({
    name: z.string().trim().min(1).max(200),
    sku: z.string().trim().max(100).optional(),
    /** Units the customer ordered of this item. */
    quantityOrdered: z.number().int().min(1),
    /** Units the customer still gets (PARTIAL: fewer than ordered; CANCELLED: 0). */
    quantityFulfilled: z.number().int().min(0).default(0),
    outcome: ShortPickOutcome,
    /** SUBSTITUTED: what the customer gets instead. */
    substituteName: z.string().trim().min(1).max(200).optional(),
    /** REROUTED: the store or warehouse that now sends the item. */
    rerouteLocationName: z.string().trim().min(1).max(200).optional(),
    /** Minor units refunded (or not charged) for this item, in the order's currency. */
    refundAmount: z.number().int().min(0).optional(),
  })
  .strict();
export type ShortPickItem = z.input<typeof ShortPickItem>;

const base = { orderId: Id, to: NotificationRecipient.optional() };

export const QueueNotificationInput = z.discriminatedUnion("template", [
  /** The till receipt: lines, totals, tenders (POS calls it after a sale). */
  z.object({ template: z.literal("pos.receipt"), ...base }).strict(),
  /** The parcel is on the shelf: pickup code and its QR code. */
  z.object({ template: z.literal("pickup.ready"), ...base, fulfillmentOrderId: Id }).strict(),
  /** An item could not be picked as ordered. */
  z.object({ template: z.literal("pickup.short"), ...base, fulfillmentOrderId: Id.optional(), items: z.array(ShortPickItem).min(1).max(100) }).strict(),
  /** Still waiting on the shelf after N days. */
  z
    .object({
      template: z.literal("pickup.reminder"),
      ...base,
      fulfillmentOrderId: Id,
      /** Days the order has been waiting; default: counted from readyAt. */
      days: z.number().int().min(0).optional(),
      /** After how many days an uncollected order is cancelled (told to the customer). */
      cancelAfterDays: z.number().int().min(1).optional(),
    })
    .strict(),
  /** The pickup order was cancelled (not collected, or by the store). */
  z.object({ template: z.literal("pickup.cancelled"), ...base, fulfillmentOrderId: Id.optional(), reason: z.string().trim().min(1).max(500).optional() }).strict(),
  /** Money went back to the customer. */
  z
    .object({
      template: z.literal("order.refunded"),
      ...base,
      /** Minor units refunded, in the order's currency. */
      amount: z.number().int().min(1),
      reason: z.string().trim().min(1).max(500).optional(),
      refundIds: z.array(Id).max(50).optional(),
    })
    .strict(),
]);
export type QueueNotificationInput = z.input<typeof QueueNotificationInput>;
export type QueueNotificationData = z.output<typeof QueueNotificationInput>;

export const ListNotificationsInput = z
  .object({
    status: z.enum(["QUEUED", "SENT", "FAILED"]).optional(),
    template: NotificationTemplate.optional(),
    /** Part of the e-mail address or phone number. */
    recipient: z.string().trim().min(1).max(254).optional(),
    /** The order number, exactly or its beginning. */
    orderNumber: z.string().trim().min(1).max(40).optional(),
    /** Only this store's messages (store managers see nothing else). */
    locationId: Id.optional(),
    page: z.number().int().min(0).max(10_000).default(0),
    pageSize: z.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ListNotificationsInput = z.input<typeof ListNotificationsInput>;

export const NotificationIdInput = z.object({ notificationId: Id }).strict();
export type NotificationIdInput = z.input<typeof NotificationIdInput>;
