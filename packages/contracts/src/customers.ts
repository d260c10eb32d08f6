import { z } from "zod";
import type { Channel, OrderStatus } from "./enums.ts";
import type { RefundMethod, ReturnStatus } from "./returns.ts";

const id = (what: string) => z.uuid({ message: `Choose ${what}` });

/** Digits of a phone number, without spaces, dashes, brackets or the leading "+". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, "");
}

export const CustomerEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter an e-mail address like name@example.com" }).max(254));

export const CustomerPhone = z
  .string()
  .trim()
  .max(32, "That phone number is too long")
  .regex(/^\+?[\d\s\-().]+$/, "A phone number has digits, spaces and an optional leading +")
  .refine((p) => {
    const n = phoneDigits(p).length;
    return n >= 6 && n <= 15;
  }, "A phone number has 6 to 15 digits");

const name = (what: string) => z.string().trim().min(1, `Enter the ${what}`).max(100);

export const CreateCustomerInput = z
  .object({
    email: CustomerEmail.nullable().default(null),
    phone: CustomerPhone.nullable().default(null),
    firstName: name("first name"),
    lastName: name("last name"),
    marketingOptIn: z.boolean().default(false),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((c) => c.email !== null || c.phone !== null, {
    path: ["email"],
    message: "Enter an e-mail address or a phone number so the customer can be found again",
  });
export type CreateCustomerInput = z.input<typeof CreateCustomerInput>;

export const UpdateCustomerInput = z.object({
  customerId: id("the customer"),
  email: CustomerEmail.nullable().optional(),
  phone: CustomerPhone.nullable().optional(),
  firstName: name("first name").optional(),
  lastName: name("last name").optional(),
  marketingOptIn: z.boolean().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type UpdateCustomerInput = z.input<typeof UpdateCustomerInput>;

export const AddCustomerAddressInput = z.object({
  customerId: id("the customer"),
  label: z.string().trim().max(50).nullable().default(null),
  name: name("recipient's name"),
  line1: z.string().trim().min(1, "Enter the street and number").max(200),
  line2: z.string().trim().max(200).nullable().default(null),
  city: z.string().trim().min(1, "Enter the city").max(100),
  postalCode: z.string().trim().min(1, "Enter the postal code").max(20),
  region: z.string().trim().max(100).nullable().default(null),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use a two-letter country code, e.g. PL"),
  phone: CustomerPhone.nullable().default(null),
  isDefault: z.boolean().default(false),
});
export type AddCustomerAddressInput = z.input<typeof AddCustomerAddressInput>;

export const FindCustomersInput = z.object({
  /** An e-mail address (exact), a phone number (digits), or the start of a name. */
  query: z.string().trim().min(2, "Type at least two characters").max(254),
  limit: z.number().int().min(1).max(100).default(20),
});
export type FindCustomersInput = z.input<typeof FindCustomersInput>;

export const GetCustomerInput = z.object({ customerId: id("the customer") });
export type GetCustomerInput = z.input<typeof GetCustomerInput>;

// ── outputs ──

export interface CustomerAddressResult {
  id: string;
  label: string | null;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  region: string | null;
  countryCode: string;
  phone: string | null;
  isDefault: boolean;
}

export interface CustomerResult {
  id: string;
  email: string | null;
  phone: string | null;
  firstName: string;
  lastName: string;
  marketingOptIn: boolean;
  note: string | null;
  createdAt: Date;
}

export interface CustomerDetail extends CustomerResult {
  addresses: CustomerAddressResult[];
}

export interface CustomerOrderSummary {
  id: string;
  number: string;
  placedAt: Date;
  channel: Channel;
  status: OrderStatus;
  total: number;
  currency: string;
}

export interface CustomerReturnSummary {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  status: ReturnStatus;
  refundMethod: RefundMethod;
  refundTotal: number;
  currency: string;
  createdAt: Date;
}

export interface CustomerHistory {
  customer: CustomerResult;
  orders: CustomerOrderSummary[];
  returns: CustomerReturnSummary[];
  /**
   * Per currency (never added across currencies): totals of orders that are not cancelled
   * (or drafts) minus refunds that succeeded on those orders, minor units.
   */
  lifetimeValue: { currency: string; amount: number; orders: number }[];
}
