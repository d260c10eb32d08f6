import { z } from "zod";
import { PosDiscount } from "./pos.ts";
import { priceCart, type PricedCart } from "./sale-math.ts";

// The offline till (docs/pos.md#offline): what the device caches, the commands it queues
// while the server is unreachable, and what the server answers when it applies them.
// Amounts are minor units in the store's currency.

const id = (what: string) => z.uuid({ message: `Choose ${what}` });
const clientId = z.uuid({ message: "The till must give every offline command a UUID" });
const amount = z.number().int("Amounts are whole minor units").min(0, "The amount cannot be negative").max(100_000_000, "That amount is too large");
const recordedAt = z.iso.datetime({ offset: true, message: "When it happened on the till (ISO 8601)" });

export const OfflineCardMode = z.enum(["NONE", "STRIPE_TERMINAL_OFFLINE"]);
export type OfflineCardMode = z.infer<typeof OfflineCardMode>;

/** The organisation's offline rules, cached on every till. */
export const OfflineSettings = z.object({
  offlineSalesAllowed: z.boolean(),
  offlineCardMode: OfflineCardMode,
  offlineReturnsWithManagerPin: z.boolean(),
  offlineMaxSaleAmount: z.number().int().min(0),
  offlineMaxDeviceTotal: z.number().int().min(0),
  offlineAlertAfterMinutes: z.number().int().min(1),
  offlinePinDays: z.number().int().min(1),
});
export type OfflineSettings = z.infer<typeof OfflineSettings>;

// ── what the device caches ──

export const OfflineCatalogItem = z.object({
  variantId: z.string(),
  sku: z.string(),
  name: z.string(),
  barcodes: z.array(z.string()),
  /** Catalogue price in the store's currency; null: not sellable here. */
  unitPrice: z.number().int().nullable(),
  taxRateBps: z.number().int(),
});
export type OfflineCatalogItem = z.infer<typeof OfflineCatalogItem>;

/** Everything the till needs to price a sale with no server: the store's catalogue, taxes and rules. */
export const OfflineCatalog = z.object({
  locationId: z.string(),
  storeName: z.string(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
  cashRoundingIncrement: z.number().int(),
  discountApprovalBps: z.number().int(),
  settings: OfflineSettings,
  generatedAt: z.string(),
  items: z.array(OfflineCatalogItem),
});
export type OfflineCatalog = z.infer<typeof OfflineCatalog>;
export const OfflineCatalogInput = z.object({ locationId: id("the store") });
export type OfflineCatalogInput = z.input<typeof OfflineCatalogInput>;

/**
 * What a device keeps to check a cashier's PIN offline: a PBKDF2-SHA-256 hash of the PIN with
 * a random salt, made on the server at sign-in, never the PIN. Valid until `expiresAt`.
 */
export const OfflinePinVerifier = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.string(),
  locationId: z.string(),
  salt: z.string(),
  iterations: z.number().int().min(10_000),
  hash: z.string(),
  expiresAt: z.string(),
});
export type OfflinePinVerifier = z.infer<typeof OfflinePinVerifier>;
export const OfflinePinVerifierInput = z.object({ pin: z.string().regex(/^\d{4,8}$/, "The PIN is 4 to 8 digits") });
export type OfflinePinVerifierInput = z.input<typeof OfflinePinVerifierInput>;

// ── the queue's commands ──

export const OfflineSaleLine = z.object({
  variantId: id("the product"),
  sku: z.string().max(100),
  name: z.string().max(300),
  quantity: z.number().int("Quantities are whole units").positive("The quantity must be at least 1").max(10_000, "At most 10,000 units per line"),
  /** The price the till showed (its cached catalogue price). */
  unitPrice: amount,
  taxRateBps: z.number().int().min(0).max(10_000),
  lineDiscount: PosDiscount.optional(),
});
export type OfflineSaleLine = z.infer<typeof OfflineSaleLine>;

const commandBase = {
  clientId,
  deviceId: id("the till device"),
  locationId: id("the store"),
  registerSessionId: id("the register session"),
  cashierId: id("the cashier"),
  recordedAt,
};

/** A complete cash sale as the till recorded it; the server replays nothing else. */
export const OfflineSaleCommand = z.object({
  type: z.literal("SALE"),
  ...commandBase,
  lines: z.array(OfflineSaleLine).min(1, "An offline sale has at least one line").max(200),
  orderDiscount: PosDiscount.optional(),
  customerId: id("the customer").optional(),
  /** What the till showed and charged; the server checks it against its own arithmetic. */
  total: amount,
  taxTotal: amount,
  tendered: amount,
  change: amount,
});
export type OfflineSaleCommand = z.infer<typeof OfflineSaleCommand>;

/**
 * Prices an offline sale's lines: the till does it to show the sale, the server again to
 * check what the till recorded. The shown price is the catalogue price (no overrides offline).
 */
export function priceOfflineSale(lines: OfflineSaleLine[], options: { orderDiscount?: PosDiscount; pricesIncludeTax: boolean; approvalBps: number }): PricedCart {
  return priceCart(
    lines.map((l) => ({ catalogUnitPrice: l.unitPrice, quantity: l.quantity, taxRateBps: l.taxRateBps, lineDiscount: l.lineDiscount })),
    options,
  );
}

export const OfflineCashMovementCommand = z.object({
  type: z.literal("CASH_MOVEMENT"),
  ...commandBase,
  kind: z.enum(["CASH_IN", "CASH_OUT"]),
  amount: amount.min(1, "Enter an amount above zero"),
  reason: z.string().trim().min(3, "Say why the cash goes in or out (at least 3 characters)").max(200),
});
export type OfflineCashMovementCommand = z.infer<typeof OfflineCashMovementCommand>;

export const OfflineCommandInput = z.discriminatedUnion("type", [OfflineSaleCommand, OfflineCashMovementCommand]);
export type OfflineCommandInput = z.infer<typeof OfflineCommandInput>;

export const OfflineApplyResult = z.object({
  clientId: z.string(),
  /** APPLIED now, or ALREADY_APPLIED earlier (a retry, another tab): the same result. */
  outcome: z.enum(["APPLIED", "ALREADY_APPLIED"]),
  orderId: z.string().nullable(),
  orderNumber: z.string().nullable(),
  cashMovementId: z.string().nullable(),
  shortfallUnits: z.number().int(),
});
export type OfflineApplyResult = z.infer<typeof OfflineApplyResult>;

// ── device state ──

export const PosDeviceHeartbeatInput = z.object({
  deviceId: id("the till device"),
  locationId: id("the store"),
  registerId: id("the register").nullable().optional(),
  appVersion: z.string().max(50).optional(),
  unsyncedCount: z.number().int().min(0),
  unsyncedTotal: z.number().int().min(0),
  oldestUnsyncedAt: recordedAt.nullable(),
  rejectedCount: z.number().int().min(0),
});
export type PosDeviceHeartbeatInput = z.input<typeof PosDeviceHeartbeatInput>;

export const PosDeviceState = z.object({
  id: z.string(),
  locationId: z.string(),
  locationName: z.string(),
  registerName: z.string().nullable(),
  lastUserName: z.string().nullable(),
  appVersion: z.string().nullable(),
  lastSeenAt: z.date(),
  lastSyncAt: z.date().nullable(),
  unsyncedCount: z.number().int(),
  unsyncedTotal: z.number().int(),
  currency: z.string(),
  oldestUnsyncedAt: z.date().nullable(),
  rejectedCount: z.number().int(),
  /** Derived: OK, BEHIND (unsynced work older than the alert limit), SILENT (no heartbeat for 2 minutes). */
  state: z.enum(["OK", "UNSYNCED", "BEHIND", "SILENT"]),
});
export type PosDeviceState = z.infer<typeof PosDeviceState>;
export const PosDeviceListInput = z.object({ locationId: id("the store").optional() });
export type PosDeviceListInput = z.input<typeof PosDeviceListInput>;
