import { z } from "zod";
import { FulfillmentStatus, OrderStatus } from "./enums.ts";
import { RegisterChangedEvent } from "./registers.ts";

// Live events written to the outbox in the same transaction as the change, published after
// commit. Payloads are small: screens refetch details they need.

export const InventoryChangedEvent = z.object({
  variantId: z.string(),
  locationId: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  inTransit: z.number().int(),
});

export const OrderChangedEvent = z.object({
  orderId: z.string(),
  number: z.string(),
  status: OrderStatus,
  /** What happened, e.g. "order.allocated", "order.cancelled". */
  change: z.string(),
});

export const FulfillmentChangedEvent = z.object({
  fulfillmentOrderId: z.string(),
  orderId: z.string(),
  locationId: z.string(),
  status: FulfillmentStatus,
  change: z.string(),
});

export const TaskChangedEvent = z.object({
  taskId: z.string(),
  locationId: z.string().nullable(),
  status: z.string(),
  change: z.string(),
});

/** A till device's sync state changed (heartbeat, sync): the HQ devices page refetches. */
export const PosDeviceChangedEvent = z.object({
  deviceId: z.string(),
  locationId: z.string(),
  unsyncedCount: z.number().int(),
});

export const outboxTopics = {
  "inventory.changed": InventoryChangedEvent,
  "order.changed": OrderChangedEvent,
  "fulfillment.changed": FulfillmentChangedEvent,
  "task.changed": TaskChangedEvent,
  "register.changed": RegisterChangedEvent,
  "pos.device.changed": PosDeviceChangedEvent,
} as const;

export type OutboxTopic = keyof typeof outboxTopics;
export type OutboxPayload<T extends OutboxTopic> = z.infer<(typeof outboxTopics)[T]>;
