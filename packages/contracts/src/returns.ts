import { z } from "zod";
import { Channel, OrderStatus } from "./enums.ts";

// Returns (RMA) and exchanges. Mirrors of the Prisma enums ReturnReason, ItemCondition,
// RefundMethod, ReturnStatus, RefundStatus live here with the inputs that use them.

export const ReturnReason = z.enum([
  "DAMAGED",
  "DEFECTIVE",
  "WRONG_ITEM",
  "NOT_AS_DESCRIBED",
  "DOES_NOT_FIT",
  "CHANGED_MIND",
  "ARRIVED_LATE",
  "OTHER",
]);
export type ReturnReason = z.infer<typeof ReturnReason>;

/** SELLABLE goes back on the shelf; DAMAGED and QUALITY_CHECK do not count as stock. */
export const ItemCondition = z.enum(["SELLABLE", "DAMAGED", "QUALITY_CHECK"]);
export type ItemCondition = z.infer<typeof ItemCondition>;

export const RefundMethod = z.enum(["ORIGINAL_PAYMENT", "CASH", "STORE_CREDIT"]);
export type RefundMethod = z.infer<typeof RefundMethod>;

export const ReturnStatus = z.enum(["REQUESTED", "RECEIVED", "COMPLETED", "CANCELLED"]);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

export const RefundStatus = z.enum(["PENDING", "SUCCEEDED", "FAILED"]);
export type RefundStatus = z.infer<typeof RefundStatus>;

const id = (what: string) => z.uuid({ message: `Choose ${what}` });
const quantity = z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(100_000);
const note = z.string().trim().max(1000).nullable().default(null);

export const ReturnLineInput = z.object({
  orderLineId: id("the order line to return"),
  quantity,
  reason: ReturnReason,
  condition: ItemCondition,
});
export type ReturnLineInput = z.input<typeof ReturnLineInput>;

const returnLines = z
  .array(ReturnLineInput)
  .min(1, "Return at least one line")
  .max(500)
  .refine((lines) => new Set(lines.map((l) => l.orderLineId)).size === lines.length, "List each order line once");

export const CreateReturnInput = z.object({
  orderId: id("the order"),
  /** Where the goods come back (any location: an online order can be returned in a store). */
  locationId: id("the receiving location"),
  refundMethod: RefundMethod,
  lines: returnLines,
  note,
  /** The OPEN session of the till whose drawer pays a cash refund (it gets the CashMovement). */
  registerSessionId: id("the register session").optional(),
});
export type CreateReturnInput = z.input<typeof CreateReturnInput>;

export const ExchangeNewLineInput = z.object({ variantId: id("the product variant to take"), quantity });

export const CreateExchangeInput = z.object({
  orderId: id("the order"),
  /** The store where the exchange happens: takes the returned goods, gives the new ones. */
  locationId: id("the store"),
  /** How a negative difference (the new goods cost less) is paid back. */
  refundMethod: RefundMethod,
  lines: returnLines,
  newLines: z
    .array(ExchangeNewLineInput)
    .min(1, "Choose at least one item to take in exchange")
    .max(200)
    .refine((lines) => new Set(lines.map((l) => l.variantId)).size === lines.length, "List each variant once"),
  note,
  /** The OPEN session of the till whose drawer pays back a negative difference in cash. */
  registerSessionId: id("the register session").optional(),
  /**
   * The customer pays a positive difference in cash into that drawer now (the new order is
   * then PAID). Otherwise the new order waits PARTIALLY_PAID for its payment.
   */
  collectInCash: z.boolean().default(false),
});
export type CreateExchangeInput = z.input<typeof CreateExchangeInput>;

export const GetReturnableLinesInput = z.object({ orderId: id("the order") });
export type GetReturnableLinesInput = z.input<typeof GetReturnableLinesInput>;

export const ListReturnsInput = z
  .object({
    locationId: id("a location").optional(),
    orderId: id("an order").optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    /** The `nextCursor` of the previous page. */
    cursor: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { path: ["to"], message: "The end date must be after the start date" });
export type ListReturnsInput = z.input<typeof ListReturnsInput>;

// ── outputs ──

export interface ReturnableLine {
  orderLineId: string;
  lineNo: number;
  variantId: string;
  sku: string;
  name: string;
  bought: number;
  cancelled: number;
  fulfilled: number;
  returned: number;
  /** fulfilled − returned (and never more than bought − cancelled − returned). */
  returnable: number;
  /** Refund for the next unit returned, minor units (units carry exact shares of the line total). */
  unitRefund: number;
  /** Refund if every returnable unit came back now, minor units. */
  returnableRefund: number;
  lineTotal: number;
}

export interface ReturnableLines {
  orderId: string;
  orderNumber: string;
  channel: Channel;
  status: OrderStatus;
  currency: string;
  lines: ReturnableLine[];
}

export interface ReturnLineResult {
  id: string;
  orderLineId: string;
  variantId: string;
  sku: string;
  name: string;
  quantity: number;
  reason: ReturnReason;
  condition: ItemCondition;
  refundAmount: number;
  restocked: boolean;
}

export interface RefundResult {
  id: string;
  method: RefundMethod;
  status: RefundStatus;
  amount: number;
  currency: string;
  paymentId: string | null;
}

export interface StoreCreditResult {
  id: string;
  code: string;
  currency: string;
  initial: number;
  balance: number;
}

export interface ReturnResult {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  orderStatus: OrderStatus;
  locationId: string;
  status: ReturnStatus;
  refundMethod: RefundMethod;
  refundTotal: number;
  currency: string;
  lines: ReturnLineResult[];
  refunds: RefundResult[];
  storeCredit: StoreCreditResult | null;
  /** The drawer movement of a cash refund at a till (null otherwise). */
  cashMovementId: string | null;
  completedAt: Date | null;
}

export interface ExchangeResult {
  return: ReturnResult;
  exchangeOrder: { id: string; number: string; total: number; currency: string };
  /** Value of the returned goods, minor units. */
  returnValue: number;
  /** Total of the new goods, minor units. */
  newTotal: number;
  /**
   * newTotal − returnValue. Positive: the customer still pays this at the till (the new
   * order waits for that payment). Negative: paid back with the chosen refund method.
   */
  amountDue: number;
  /** Nothing is owed on the new order: no difference, paid back, or collected in cash now. */
  differencePaid: boolean;
}

export interface ReturnSummary {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  locationId: string;
  locationName: string;
  status: ReturnStatus;
  refundMethod: RefundMethod;
  refundTotal: number;
  currency: string;
  units: number;
  exchangeOrderId: string | null;
  createdAt: Date;
}

export interface ReturnPage {
  items: ReturnSummary[];
  nextCursor: string | null;
}

// ── at the till (POS returns and order lookup) ──

export const FindTillOrdersInput = z.object({
  /** The store whose till asks: without a query, its recent sales. */
  locationId: id("the store"),
  /**
   * A receipt's barcode (the order number), an order number, or a customer's phone,
   * e-mail or name. Any channel, any store: goods can come back anywhere.
   */
  query: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export type FindTillOrdersInput = z.input<typeof FindTillOrdersInput>;

export const TillOrderInput = z.object({ orderId: id("the order") });
export type TillOrderInput = z.input<typeof TillOrderInput>;

export const StoreCreditCodeInput = z.object({
  code: z.string().trim().min(4, "Enter the store credit code").max(40),
});
export type StoreCreditCodeInput = z.input<typeof StoreCreditCodeInput>;

export const FindExchangeItemsInput = z.object({
  locationId: id("the store"),
  /** SKU or barcode (exact), or words of the product name. */
  query: z.string().trim().min(2, "Type at least 2 characters").max(200),
  limit: z.number().int().min(1).max(50).default(12),
});
export type FindExchangeItemsInput = z.input<typeof FindExchangeItemsInput>;

export interface TillOrderSummary {
  id: string;
  number: string;
  channel: Channel;
  status: OrderStatus;
  placedAt: Date;
  customerName: string | null;
  /** Where it was rung up (till and endless-aisle sales), null for remote channels. */
  originLocationName: string | null;
  total: number;
  currency: string;
  units: number;
  returnableUnits: number;
}

export interface TillOrderPayment {
  id: string;
  method: "CARD" | "CASH" | "STORE_CREDIT" | "BANK_TRANSFER" | "OTHER";
  provider: string;
  status: string;
  amount: number;
  amountCaptured: number;
  amountRefunded: number;
  reference: string | null;
  createdAt: Date;
}

export interface TillOrderRefund {
  id: string;
  method: RefundMethod;
  status: RefundStatus;
  amount: number;
  reference: string | null;
  returnId: string | null;
  createdAt: Date;
}

export interface TillOrderReturn {
  id: string;
  number: string;
  locationName: string;
  refundMethod: RefundMethod;
  refundTotal: number;
  exchangeOrderId: string | null;
  createdAt: Date;
  lines: { orderLineId: string; name: string; sku: string; quantity: number; reason: ReturnReason; condition: ItemCondition; refundAmount: number }[];
}

export interface TillOrder {
  id: string;
  number: string;
  channel: Channel;
  status: OrderStatus;
  paymentStatus: string;
  placedAt: Date;
  customerId: string | null;
  customerName: string | null;
  email: string | null;
  phone: string | null;
  originLocationId: string | null;
  originLocationName: string | null;
  currency: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  shippingTotal: number;
  total: number;
  lines: (ReturnableLine & { unitPrice: number })[];
  payments: TillOrderPayment[];
  refunds: TillOrderRefund[];
  returns: TillOrderReturn[];
  /** Captured card money not yet refunded or promised: the most ORIGINAL_PAYMENT can take. */
  cardRefundable: number;
  /** Set when this order is the new goods of an exchange. */
  exchangeFor: { orderId: string; orderNumber: string; returnNumber: string } | null;
}

export interface StoreCreditBalance {
  id: string;
  code: string;
  currency: string;
  initial: number;
  balance: number;
  customerName: string | null;
  createdAt: Date;
}

export interface ExchangeItem {
  variantId: string;
  sku: string;
  name: string;
  barcode: string | null;
  /** Store price in the store's currency, minor units; null when not sold in it. */
  price: number | null;
  currency: string;
  onHand: number;
}

/** What happened to the card refunds after the return committed. */
export interface CardRefundOutcome {
  refundId: string;
  amount: number;
  status: RefundStatus;
  /** Still with the provider (unreachable or settling): retried later, finished by webhook. */
  retrying: boolean;
  /** Why the card refused it; a PAYMENT task tells HQ to refund another way. */
  message: string | null;
  taskId: string | null;
}

export interface TillReturnResult extends ReturnResult {
  cardRefunds: CardRefundOutcome[];
}

export interface TillExchangeResult extends ExchangeResult {
  cardRefunds: CardRefundOutcome[];
}
