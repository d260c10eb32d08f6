import { z } from "zod";

// Mirrors of the Prisma enums: the browser must not import the Prisma client. A test in
// packages/db checks that these lists equal the schema's.
export const LocationKind = z.enum(["STORE", "WAREHOUSE", "DROPSHIP_SUPPLIER"]);
export const FulfillmentType = z.enum(["CARRY_OUT", "PICKUP", "SHIP", "DELIVERY"]);
export const Role = z.enum(["ADMIN", "MANAGER", "CASHIER", "ASSOCIATE"]);
export const Channel = z.enum(["POS", "WEB", "MARKETPLACE", "SOCIAL", "PHONE"]);
export const TaxCategory = z.enum(["STANDARD", "REDUCED", "ZERO"]);
export const OrderStatus = z.enum([
  "DRAFT",
  "PENDING_VALIDATION",
  "ON_HOLD",
  "ALLOCATED",
  "IN_FULFILLMENT",
  "PARTIALLY_FULFILLED",
  "FULFILLED",
  "COMPLETED",
  "CANCELLED",
  "PARTIALLY_RETURNED",
  "RETURNED",
]);
export const PaymentStatus = z.enum([
  "PENDING",
  "AUTHORIZED",
  "PARTIALLY_PAID",
  "PAID",
  "PAY_AT_PICKUP",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
  "VOIDED",
]);
export const FulfillmentStatus = z.enum([
  "NEW",
  "PICKING",
  "PACKED",
  "READY_FOR_PICKUP",
  "SHIPPED",
  "PICKED_UP",
  "DELIVERED",
  "REJECTED",
  "CANCELLED",
]);
export const TaskStatus = z.enum(["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"]);

export type LocationKind = z.infer<typeof LocationKind>;
export type FulfillmentType = z.infer<typeof FulfillmentType>;
export type Role = z.infer<typeof Role>;
export type Channel = z.infer<typeof Channel>;
export type TaxCategory = z.infer<typeof TaxCategory>;
export type OrderStatus = z.infer<typeof OrderStatus>;
export type PaymentStatus = z.infer<typeof PaymentStatus>;
export type FulfillmentStatus = z.infer<typeof FulfillmentStatus>;
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Roles that work at one store and see only it. */
export const storeRoles: readonly Role[] = ["MANAGER", "CASHIER", "ASSOCIATE"];
