// Selling with no server (docs/pos.md#offline): the cached catalogue searched and priced
// with the server's own arithmetic (@oms/contracts sale-math), and the complete sale
// command the queue stores. Pure functions, unit-tested in offline-sale.test.ts.
import { cashTender, priceOfflineSale, roundCash, type OfflineCatalog, type OfflineCatalogItem, type OfflineSaleCommand, type OfflineSaleLine, type OfflineSettings, type PosCartInput as PosCart, type PosQuote } from "@oms/contracts";

/** What keeps a cart from being sold offline; the screen says it in the cashier's language. */
export type OfflineProblem =
  | { kind: "unknownItem"; lineIndex: number }
  | { kind: "noPrice"; lineIndex: number }
  | { kind: "priceOverride"; lineIndex: number }
  | { kind: "fulfillment"; lineIndex: number }
  | { kind: "approval"; lineIndex: number | null }
  | { kind: "discountTooLarge" };

/** Name (contains), SKU (starts with) or exact barcode, as the server's search: exact hits first. */
export function searchCatalog(catalog: OfflineCatalog, query: string, limit = 8): OfflineCatalogItem[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const exact = catalog.items.filter((i) => i.barcodes.includes(query.trim()) || i.sku.toLowerCase() === q);
  const rest = catalog.items.filter((i) => !exact.includes(i) && (i.sku.toLowerCase().startsWith(q) || i.name.toLowerCase().includes(q)));
  return [...exact, ...rest].slice(0, limit);
}

/** One scan: exact barcode or SKU. */
export function lookupCode(catalog: OfflineCatalog, code: string): OfflineCatalogItem | null {
  const c = code.trim();
  return catalog.items.find((i) => i.barcodes.includes(c)) ?? catalog.items.find((i) => i.sku.toLowerCase() === c.toLowerCase()) ?? null;
}

/** The cart's lines at the cached prices, or the first reason it cannot be sold offline. */
export function offlineLines(cart: PosCart, catalog: OfflineCatalog): { lines: OfflineSaleLine[] } | { problem: OfflineProblem } {
  const byId = new Map(catalog.items.map((i) => [i.variantId, i]));
  const lines: OfflineSaleLine[] = [];
  for (const [index, line] of cart.lines.entries()) {
    const item = byId.get(line.variantId);
    if (!item) return { problem: { kind: "unknownItem", lineIndex: index } };
    if (item.unitPrice === null) return { problem: { kind: "noPrice", lineIndex: index } };
    if (line.priceOverride !== undefined && line.priceOverride !== item.unitPrice) return { problem: { kind: "priceOverride", lineIndex: index } };
    if (line.fulfillment && line.fulfillment.type !== "CARRY_OUT") return { problem: { kind: "fulfillment", lineIndex: index } };
    lines.push({ variantId: item.variantId, sku: item.sku, name: item.name, quantity: line.quantity, unitPrice: item.unitPrice, taxRateBps: item.taxRateBps, ...(line.lineDiscount ? { lineDiscount: line.lineDiscount } : {}) });
  }
  return { lines };
}

/**
 * The cart priced offline in the shape of the server's quote, so the cart and totals panel
 * show it unchanged. No stock (unknown offline) and no approvals (a manager's approval
 * needs the server): a discount above the limit is a problem instead.
 */
export function quoteOffline(cart: PosCart, catalog: OfflineCatalog): { quote: PosQuote | null; problem: OfflineProblem | null } {
  const built = offlineLines(cart, catalog);
  if ("problem" in built) return { quote: null, problem: built.problem };
  let priced;
  try {
    priced = priceOfflineSale(built.lines, { orderDiscount: cart.orderDiscount, pricesIncludeTax: catalog.pricesIncludeTax, approvalBps: catalog.discountApprovalBps });
  } catch {
    return { quote: null, problem: { kind: "discountTooLarge" } };
  }
  const cashTotal = roundCash(priced.total, catalog.cashRoundingIncrement);
  const quote: PosQuote = {
    locationId: catalog.locationId,
    currency: catalog.currency,
    pricesIncludeTax: catalog.pricesIncludeTax,
    lines: priced.lines.map((p, index) => ({
      index,
      variantId: built.lines[index]!.variantId,
      sku: built.lines[index]!.sku,
      name: built.lines[index]!.name,
      quantity: p.quantity,
      catalogUnitPrice: p.catalogUnitPrice,
      unitPrice: p.unitPrice,
      gross: p.gross,
      lineDiscount: p.lineDiscount,
      orderDiscountShare: p.orderDiscountShare,
      discountTotal: p.discountTotal,
      taxRateBps: p.taxRateBps,
      taxTotal: p.taxTotal,
      total: p.total,
      fulfillment: { type: "CARRY_OUT" },
      available: null,
      short: false,
    })),
    subtotal: priced.subtotal,
    lineDiscountTotal: priced.lineDiscountTotal,
    orderDiscountTotal: priced.orderDiscountTotal,
    discountTotal: priced.discountTotal,
    taxTotal: priced.taxTotal,
    total: priced.total,
    taxBreakdown: priced.taxBreakdown,
    cashTotal,
    cashRounding: cashTotal - priced.total,
    cashRoundingIncrement: catalog.cashRoundingIncrement,
    approvals: [],
    approved: true,
    customer: null,
  };
  const need = priced.approvals[0];
  return { quote, problem: need ? { kind: "approval", lineIndex: need.lineIndex } : null };
}

export type LimitProblem = { kind: "notAllowed" } | { kind: "saleLimit"; limit: number } | { kind: "deviceLimit"; limit: number; waiting: number };

/** The organisation's offline limits for one more sale of `total` with `waiting` unsynced on this device. */
export function offlineLimitProblem(settings: OfflineSettings, total: number, waiting: number): LimitProblem | null {
  if (!settings.offlineSalesAllowed) return { kind: "notAllowed" };
  if (total > settings.offlineMaxSaleAmount) return { kind: "saleLimit", limit: settings.offlineMaxSaleAmount };
  if (waiting + total > settings.offlineMaxDeviceTotal) return { kind: "deviceLimit", limit: settings.offlineMaxDeviceTotal, waiting };
  return null;
}

export interface OfflineSaleContext {
  deviceId: string;
  locationId: string;
  registerSessionId: string;
  cashierId: string;
  now: Date;
  clientId?: string;
}

/** The complete cash sale for the queue: lines at the prices shown, totals, cash handed over and change. */
export function buildOfflineSale(cart: PosCart, catalog: OfflineCatalog, tendered: number, ctx: OfflineSaleContext): OfflineSaleCommand {
  const built = offlineLines(cart, catalog);
  if ("problem" in built) throw new Error(`This sale cannot be made offline (${built.problem.kind}).`);
  const priced = priceOfflineSale(built.lines, { orderDiscount: cart.orderDiscount, pricesIncludeTax: catalog.pricesIncludeTax, approvalBps: catalog.discountApprovalBps });
  const cash = cashTender(priced.total, tendered, catalog.cashRoundingIncrement);
  if (!cash.settles) throw new Error("The cash handed over does not cover the sale.");
  return {
    type: "SALE",
    clientId: ctx.clientId ?? crypto.randomUUID(),
    deviceId: ctx.deviceId,
    locationId: ctx.locationId,
    registerSessionId: ctx.registerSessionId,
    cashierId: ctx.cashierId,
    recordedAt: ctx.now.toISOString(),
    lines: built.lines,
    ...(cart.orderDiscount ? { orderDiscount: cart.orderDiscount } : {}),
    ...(cart.customerId ? { customerId: cart.customerId } : {}),
    total: priced.total,
    taxTotal: priced.taxTotal,
    tendered,
    change: cash.change,
  };
}
