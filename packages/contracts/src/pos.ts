import { z } from "zod";
import { FulfillmentType, LocationKind, OrderStatus, PaymentStatus, TaxCategory } from "./enums.ts";
import { OrderAddress } from "./orders.ts";

// The till's sale (docs/pos.md): search, a cart priced by the server (discounts, price
// overrides with a manager's approval, tax by the store), park/resume, checkout with split
// tender, the receipt. Amounts are minor units in the store's currency.

const id = (what: string) => z.uuid({ message: `Choose ${what}` });
const quantity = z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(10_000, "At most 10,000 units per line");
const amount = z.number().int("Amounts are whole minor units").min(0, "The amount cannot be negative").max(100_000_000, "That amount is too large");
const positiveAmount = amount.min(1, "Enter an amount above zero");
/** Chosen by the till per attempt (double tap, retry): the same id never charges twice. */
const attemptId = z.uuid({ message: "Must be an id (UUID)" }).optional();

// ── cart ──

/** A discount: a share in basis points (1500 = 15 %) or an amount in minor units. */
export const PosDiscount = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("PERCENT"), bps: z.number().int("Whole basis points").min(1, "Enter a discount above 0 %").max(10_000, "A discount cannot exceed 100 %") }),
  z.object({ kind: z.literal("AMOUNT"), amount: positiveAmount }),
]);
export type PosDiscount = z.infer<typeof PosDiscount>;

/**
 * How a line leaves: carried out now (default), shipped to the customer, or picked up at
 * another store (endless aisle: routed like any order and paid at the till).
 */
export const PosLineFulfillment = z.discriminatedUnion("type", [
  z.object({ type: z.literal("CARRY_OUT") }),
  z.object({ type: z.literal("SHIP"), address: OrderAddress }),
  z.object({ type: z.literal("PICKUP"), locationId: id("the pickup store") }),
]);
export type PosLineFulfillment = z.infer<typeof PosLineFulfillment>;

export const PosCartLine = z.object({
  variantId: id("a product"),
  quantity,
  lineDiscount: PosDiscount.optional(),
  /** Unit price replacing the catalogue price (needs a manager's approval). */
  priceOverride: amount.optional(),
  fulfillment: PosLineFulfillment.optional(),
});
export type PosCartLine = z.infer<typeof PosCartLine>;

export const PosApprovalKind = z.enum(["LINE_DISCOUNT", "ORDER_DISCOUNT", "PRICE_OVERRIDE"]);
export type PosApprovalKind = z.infer<typeof PosApprovalKind>;

export const PosCart = z.object({
  lines: z.array(PosCartLine).max(200, "At most 200 lines in one sale"),
  orderDiscount: PosDiscount.optional(),
  customerId: id("the customer").optional(),
  /** Tokens from pos.approve; each covers its kind (and variant, when it names one). */
  approvals: z.array(z.object({ approvalToken: z.string().trim().min(1).max(200) })).max(20).optional(),
});
export type PosCart = z.infer<typeof PosCart>;
export type PosCartInput = z.input<typeof PosCart>;

// ── search ──

export const PosSearchInput = z.object({
  locationId: id("the store"),
  query: z.string().trim().min(1, "Type a name, SKU or barcode").max(100),
  limit: z.number().int().min(1).max(50).default(20),
});
export type PosSearchInput = z.input<typeof PosSearchInput>;

export const PosBarcodeInput = z.object({ locationId: id("the store"), code: z.string().trim().min(1, "Scan a barcode").max(100) });
export type PosBarcodeInput = z.input<typeof PosBarcodeInput>;

export const PosStockElsewhere = z.object({
  locationId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: LocationKind,
  city: z.string(),
  available: z.number().int(),
  /** Fulfillment types the location offers (SHIP, PICKUP, ...). */
  fulfillmentTypes: z.array(FulfillmentType),
});
export type PosStockElsewhere = z.infer<typeof PosStockElsewhere>;

export const PosProduct = z.object({
  variantId: z.string(),
  productId: z.string(),
  sku: z.string(),
  /** Product and variant name, e.g. "Linen shirt Blue / M". */
  name: z.string(),
  variantName: z.string(),
  barcodes: z.array(z.string()),
  /** Catalogue price in the store's currency; null when the variant has none. */
  unitPrice: z.number().int().nullable(),
  compareAt: z.number().int().nullable(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
  taxCategory: TaxCategory,
  taxRateBps: z.number().int(),
  /** Available to promise at this store. */
  available: z.number().int(),
  /** Other locations with stock, most first (top 5; same currency only). */
  elsewhere: z.array(PosStockElsewhere),
});
export type PosProduct = z.infer<typeof PosProduct>;

// ── quote ──

export const PosQuoteInput = z.object({ locationId: id("the store"), cart: PosCart });
export type PosQuoteInput = z.input<typeof PosQuoteInput>;

export const PosApprovalNeed = z.object({
  kind: PosApprovalKind,
  /** The cart line (index) it is about; null for the order discount. */
  lineIndex: z.number().int().nullable(),
  variantId: z.string().nullable(),
  approved: z.boolean(),
  approvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Why it needs a manager, for the dialog. */
  reason: z.string(),
});
export type PosApprovalNeed = z.infer<typeof PosApprovalNeed>;

export const PosQuoteLine = z.object({
  index: z.number().int(),
  variantId: z.string(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  catalogUnitPrice: z.number().int(),
  /** Price charged per unit (the override when there is one). */
  unitPrice: z.number().int(),
  /** unitPrice × quantity. */
  gross: z.number().int(),
  lineDiscount: z.number().int(),
  /** This line's share of the order discount. */
  orderDiscountShare: z.number().int(),
  discountTotal: z.number().int(),
  taxRateBps: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  fulfillment: PosLineFulfillment,
  /** ATP at this store (carry-out) or at the pickup store (PICKUP); null for SHIP. */
  available: z.number().int().nullable(),
  /** Fewer units available than the line asks for. */
  short: z.boolean(),
});
export type PosQuoteLine = z.infer<typeof PosQuoteLine>;

export const PosTaxRate = z.object({ rateBps: z.number().int(), net: z.number().int(), tax: z.number().int(), gross: z.number().int() });
export type PosTaxRate = z.infer<typeof PosTaxRate>;

export const PosCustomerSummary = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export type PosCustomerSummary = z.infer<typeof PosCustomerSummary>;

export const PosQuote = z.object({
  locationId: z.string(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
  lines: z.array(PosQuoteLine),
  subtotal: z.number().int(),
  lineDiscountTotal: z.number().int(),
  orderDiscountTotal: z.number().int(),
  discountTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  taxBreakdown: z.array(PosTaxRate),
  /** What a customer paying everything in cash hands over, and the difference to total. */
  cashTotal: z.number().int(),
  cashRounding: z.number().int(),
  cashRoundingIncrement: z.number().int(),
  approvals: z.array(PosApprovalNeed),
  /** True when every approval the cart needs has been given. */
  approved: z.boolean(),
  customer: PosCustomerSummary.nullable(),
});
export type PosQuote = z.infer<typeof PosQuote>;

// ── approvals ──

export const PosApproversInput = z.object({ locationId: id("the store") });

export const PosApproveInput = z.object({
  locationId: id("the store"),
  managerId: id("the manager"),
  managerPin: z.string().regex(/^\d{4,8}$/, "A PIN is 4 to 8 digits"),
  reason: z.string().trim().min(1, "Say why").max(300),
  scope: z.object({ kind: PosApprovalKind, variantId: id("the product").optional() }),
});
export type PosApproveInput = z.input<typeof PosApproveInput>;

export const PosApproval = z.object({
  approvalToken: z.string(),
  kind: PosApprovalKind,
  variantId: z.string().nullable(),
  managerId: z.string(),
  managerName: z.string(),
  expiresAt: z.date(),
});
export type PosApproval = z.infer<typeof PosApproval>;

// ── checkout ──

export const PosCheckoutStartInput = z.object({
  registerSessionId: id("the open register session"),
  cart: PosCart,
  /** The same id on a retry returns the sale already started. */
  attemptId,
});
export type PosCheckoutStartInput = z.input<typeof PosCheckoutStartInput>;

export const PosOrderInput = z.object({ orderId: id("the sale") });
export type PosOrderInput = z.input<typeof PosOrderInput>;

export const PosCashTenderInput = z.object({
  orderId: id("the sale"),
  /** Cash handed over by the customer. May be 0 only when the cash due rounds to nothing. */
  tendered: amount,
  attemptId,
});
export type PosCashTenderInput = z.input<typeof PosCashTenderInput>;

export const PosStoreCreditTenderInput = z.object({
  orderId: id("the sale"),
  /** As typed or scanned; "sc abcd efgh" finds SC-ABCD-EFGH (returns.storeCredit shows the balance). */
  code: z.string().trim().min(4, "Enter the store credit code").max(40),
  /** Default: as much as the credit and the amount due allow. */
  amount: positiveAmount.optional(),
  attemptId,
});
export type PosStoreCreditTenderInput = z.input<typeof PosStoreCreditTenderInput>;

export const PosCardTenderInput = z.object({
  orderId: id("the sale"),
  /** Default: the whole amount due. More than is due is refused (change comes from cash only). */
  amount: positiveAmount.optional(),
  /** Default: the reader paired with the session's register. */
  readerId: z.string().trim().min(1).max(200).optional(),
  attemptId,
});
export type PosCardTenderInput = z.input<typeof PosCardTenderInput>;

export const PosCardPaymentInput = z.object({ orderId: id("the sale"), paymentId: id("the card payment") });
export type PosCardPaymentInput = z.input<typeof PosCardPaymentInput>;

export const PosVoidInput = z.object({ orderId: id("the sale"), reason: z.string().trim().min(1, "Give a reason for the void").max(300) });
export type PosVoidInput = z.input<typeof PosVoidInput>;

export const PosTenderKind = z.enum(["CASH", "CARD", "STORE_CREDIT"]);
export type PosTenderKind = z.infer<typeof PosTenderKind>;

export const PosTender = z.object({
  paymentId: z.string(),
  kind: PosTenderKind,
  /** PENDING, REQUIRES_ACTION (on the reader), CAPTURED, FAILED, VOIDED, REFUNDED... */
  status: z.string(),
  /** Applied to the sale (cash: after change and rounding). */
  amount: z.number().int(),
  tendered: z.number().int().nullable(),
  change: z.number().int().nullable(),
  /** Cash only: amount kept − amount due before rounding (negative: the customer paid less). */
  rounding: z.number().int(),
  /** Store credit code, card brand/last digits when known, provider reference. */
  reference: z.string().nullable(),
  failure: z.string().nullable(),
});
export type PosTender = z.infer<typeof PosTender>;

export const PosCheckoutState = z.object({
  orderId: z.string(),
  number: z.string(),
  locationId: z.string(),
  registerSessionId: z.string(),
  status: OrderStatus,
  paymentStatus: PaymentStatus,
  currency: z.string(),
  total: z.number().int(),
  /** Captured so far (card, store credit, cash kept). */
  paid: z.number().int(),
  cashRounding: z.number().int(),
  /** total − paid − cashRounding: what is still owed exactly (cards pay this). */
  remaining: z.number().int(),
  /** What cash must settle now: `remaining` rounded to the store's cash increment. */
  cashDue: z.number().int(),
  tenders: z.array(PosTender),
  /** Change due to the customer from the last cash tender. */
  change: z.number().int(),
  /** Paid in full: the goods left, the order is recorded, the receipt can be printed. */
  completed: z.boolean(),
  voided: z.boolean(),
  /** A card payment still on the reader (the till polls cardTenderState). */
  pendingCardPaymentId: z.string().nullable(),
});
export type PosCheckoutState = z.infer<typeof PosCheckoutState>;

export const PosReaderSnapshot = z.object({
  readerId: z.string(),
  /** idle | in_progress | succeeded | failed (the provider's reader action). */
  action: z.enum(["idle", "in_progress", "succeeded", "failed"]),
  online: z.boolean(),
  message: z.string(),
});
export type PosReaderSnapshot = z.infer<typeof PosReaderSnapshot>;

export const PosCardTenderResult = z.object({
  paymentId: z.string(),
  paymentStatus: z.string(),
  failure: z.string().nullable(),
  reader: PosReaderSnapshot,
  checkout: PosCheckoutState,
});
export type PosCardTenderResult = z.infer<typeof PosCardTenderResult>;

// ── parked sales ──

export const PosParkInput = z.object({
  locationId: id("the store"),
  registerId: id("the register").optional(),
  label: z.string().trim().min(1, "Give the parked sale a name").max(80),
  cart: PosCart.refine((c) => c.lines.length > 0, { message: "An empty sale cannot be parked", path: ["lines"] }),
});
export type PosParkInput = z.input<typeof PosParkInput>;

export const PosListParkedInput = z.object({ locationId: id("the store") });
export const PosParkedIdInput = z.object({ parkedSaleId: id("the parked sale") });
export type PosParkedIdInput = z.input<typeof PosParkedIdInput>;

export const PosParkedSale = z.object({
  id: z.string(),
  label: z.string(),
  total: z.number().int(),
  currency: z.string(),
  lineCount: z.number().int(),
  customerName: z.string().nullable(),
  registerName: z.string().nullable(),
  parkedByName: z.string(),
  parkedAt: z.date(),
});
export type PosParkedSale = z.infer<typeof PosParkedSale>;

export const PosResumedSale = z.object({ id: z.string(), label: z.string(), cart: PosCart });
export type PosResumedSale = z.infer<typeof PosResumedSale>;

// ── receipt ──

export const PosReceiptLine = z.object({
  lineNo: z.number().int(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  /** Catalogue price when the price was overridden. */
  originalUnitPrice: z.number().int().nullable(),
  discountTotal: z.number().int(),
  taxRateBps: z.number().int(),
  total: z.number().int(),
  fulfillment: z.object({
    type: FulfillmentType,
    /** Fulfilling location for endless-aisle lines (null: carried out here, or not placed yet). */
    locationName: z.string().nullable(),
    fulfillmentNumber: z.string().nullable(),
    pickupCode: z.string().nullable(),
  }),
});
export type PosReceiptLine = z.infer<typeof PosReceiptLine>;

export const PosReceipt = z.object({
  orderId: z.string(),
  number: z.string(),
  status: OrderStatus,
  placedAt: z.date(),
  completedAt: z.date().nullable(),
  currency: z.string(),
  locale: z.string(),
  timeZone: z.string(),
  store: z.object({ name: z.string(), code: z.string(), addressLines: z.array(z.string()), phone: z.string().nullable(), email: z.string().nullable() }),
  register: z.object({ code: z.string(), name: z.string() }).nullable(),
  cashier: z.string().nullable(),
  customer: PosCustomerSummary.nullable(),
  pricesIncludeTax: z.boolean(),
  lines: z.array(PosReceiptLine),
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  taxBreakdown: z.array(PosTaxRate),
  tenders: z.array(PosTender),
  cashRounding: z.number().int(),
  change: z.number().int(),
  /** Encoded in the receipt's barcode (Code 128): the order number. */
  barcode: z.string(),
});
export type PosReceipt = z.infer<typeof PosReceipt>;

export const PosEmailReceiptInput = z.object({
  orderId: id("the sale"),
  email: z.string().trim().toLowerCase().pipe(z.email({ message: "Enter an e-mail address like name@example.com" }).max(254)),
});
export type PosEmailReceiptInput = z.input<typeof PosEmailReceiptInput>;
