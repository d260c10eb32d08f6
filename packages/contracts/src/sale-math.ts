import { AppError, type FieldIssue } from "./errors.ts";
import { allocateProportionally, applyBasisPoints } from "./money.ts";
import type { PosApprovalKind, PosDiscount } from "./pos.ts";

// The till's money arithmetic, integers only (worked examples in docs/pos.md, the same
// numbers as core's sale-math.test.ts). One implementation for the server and the browser:
// the offline till prices a sale with exactly these functions (docs/pos.md#offline), and the
// orders module re-exports the tax functions, so every order is taxed the same way.

/** Tax inside a tax-inclusive amount: round(amount × rate / (10000 + rate)), half away from zero. */
export function taxIncluded(amount: number, rateBps: number): number {
  if (rateBps === 0 || amount === 0) return 0;
  const divisor = 10_000 + rateBps;
  const sign = amount < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(amount) * rateBps + divisor) / (2 * divisor));
}

/** Tax on top of a net amount: round(amount × rate / 10000), half away from zero. */
export function taxExcluded(amount: number, rateBps: number): number {
  return applyBasisPoints(amount, rateBps);
}

export interface PricedLine {
  quantity: number;
  unitPrice: number;
  discountTotal: number;
  taxRateBps: number;
}

/** A line's tax and the amount the customer pays for it. */
export function priceLine(line: PricedLine, pricesIncludeTax: boolean): { taxTotal: number; total: number } {
  const amount = line.unitPrice * line.quantity - line.discountTotal;
  if (pricesIncludeTax) return { taxTotal: taxIncluded(amount, line.taxRateBps), total: amount };
  const tax = taxExcluded(amount, line.taxRateBps);
  return { taxTotal: tax, total: amount + tax };
}

export interface CartLineForPricing {
  /** Catalogue price per unit in the store's currency. */
  catalogUnitPrice: number;
  quantity: number;
  taxRateBps: number;
  lineDiscount?: PosDiscount;
  priceOverride?: number;
}

export interface PricedCartLine {
  catalogUnitPrice: number;
  unitPrice: number;
  quantity: number;
  gross: number;
  lineDiscount: number;
  orderDiscountShare: number;
  discountTotal: number;
  taxRateBps: number;
  taxTotal: number;
  total: number;
}

export interface ApprovalNeed {
  kind: PosApprovalKind;
  lineIndex: number | null;
  reason: string;
}

export interface PricedCart {
  lines: PricedCartLine[];
  subtotal: number;
  lineDiscountTotal: number;
  orderDiscountTotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  taxBreakdown: { rateBps: number; net: number; tax: number; gross: number }[];
  approvals: ApprovalNeed[];
}

/** A discount's amount off `base`: percent in basis points (half away from zero) or a fixed amount. */
export function discountAmount(discount: PosDiscount | undefined, base: number): number {
  if (!discount) return 0;
  return discount.kind === "PERCENT" ? applyBasisPoints(base, discount.bps) : discount.amount;
}

/** Whether `discount` off `base` is a larger share than `thresholdBps` (exact, no rounding). */
export function exceedsShare(discount: number, base: number, thresholdBps: number): boolean {
  if (discount <= 0) return false;
  if (base <= 0) return true;
  return discount * 10_000 > thresholdBps * base;
}

function percent(bps: number): string {
  return `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)} %`;
}

/**
 * Prices a cart: line discount on unit price × quantity, then the order discount allocated
 * proportionally to the lines' amounts after their own discounts, then tax per line on
 * what is left (included in or added to the price, per the store). Lists what needs a
 * manager: any price override, and discounts above `approvalBps` of what they apply to.
 */
export function priceCart(
  lines: CartLineForPricing[],
  options: { orderDiscount?: PosDiscount; pricesIncludeTax: boolean; approvalBps: number },
): PricedCart {
  const issues: FieldIssue[] = [];
  const approvals: ApprovalNeed[] = [];
  const firstPass = lines.map((line, index) => {
    const unitPrice = line.priceOverride ?? line.catalogUnitPrice;
    const gross = unitPrice * line.quantity;
    const lineDiscount = discountAmount(line.lineDiscount, gross);
    if (lineDiscount > gross) issues.push({ path: ["lines", index, "lineDiscount", "amount"], message: "The discount is more than the line" });
    if (line.priceOverride !== undefined && line.priceOverride !== line.catalogUnitPrice) {
      approvals.push({ kind: "PRICE_OVERRIDE", lineIndex: index, reason: "The price differs from the catalogue price" });
    }
    if (exceedsShare(lineDiscount, gross, options.approvalBps)) {
      approvals.push({ kind: "LINE_DISCOUNT", lineIndex: index, reason: `The discount is more than ${percent(options.approvalBps)} of the line` });
    }
    return { line, unitPrice, gross, lineDiscount, afterLine: gross - lineDiscount };
  });
  const base = firstPass.reduce((s, l) => s + l.afterLine, 0);
  const orderDiscountTotal = discountAmount(options.orderDiscount, base);
  if (orderDiscountTotal > base) issues.push({ path: ["orderDiscount", "amount"], message: "The discount is more than the sale" });
  if (issues.length > 0) {
    throw new AppError("VALIDATION_FAILED", `${issues.map((i) => i.path.join(".")).join(", ")}: a discount is more than what it applies to.`, { fields: issues });
  }
  if (exceedsShare(orderDiscountTotal, base, options.approvalBps)) {
    approvals.push({ kind: "ORDER_DISCOUNT", lineIndex: null, reason: `The discount is more than ${percent(options.approvalBps)} of the sale` });
  }
  const shares = allocateProportionally(
    orderDiscountTotal,
    firstPass.map((l) => l.afterLine),
  );

  const priced = firstPass.map((l, i): PricedCartLine => {
    const orderDiscountShare = shares[i] ?? 0;
    const discountTotal = l.lineDiscount + orderDiscountShare;
    const tax = priceLine({ quantity: l.line.quantity, unitPrice: l.unitPrice, discountTotal, taxRateBps: l.line.taxRateBps }, options.pricesIncludeTax);
    return {
      catalogUnitPrice: l.line.catalogUnitPrice,
      unitPrice: l.unitPrice,
      quantity: l.line.quantity,
      gross: l.gross,
      lineDiscount: l.lineDiscount,
      orderDiscountShare,
      discountTotal,
      taxRateBps: l.line.taxRateBps,
      taxTotal: tax.taxTotal,
      total: tax.total,
    };
  });

  const byRate = new Map<number, { rateBps: number; net: number; tax: number; gross: number }>();
  for (const line of priced) {
    const row = byRate.get(line.taxRateBps) ?? { rateBps: line.taxRateBps, net: 0, tax: 0, gross: 0 };
    row.tax += line.taxTotal;
    row.gross += line.total;
    row.net += line.total - line.taxTotal;
    byRate.set(line.taxRateBps, row);
  }
  const lineDiscountTotal = priced.reduce((s, l) => s + l.lineDiscount, 0);
  return {
    lines: priced,
    subtotal: priced.reduce((s, l) => s + l.gross, 0),
    lineDiscountTotal,
    orderDiscountTotal,
    discountTotal: lineDiscountTotal + orderDiscountTotal,
    taxTotal: priced.reduce((s, l) => s + l.taxTotal, 0),
    total: priced.reduce((s, l) => s + l.total, 0),
    taxBreakdown: [...byRate.values()].sort((a, b) => b.rateBps - a.rateBps),
    approvals,
  };
}

/**
 * Cash rounding: to the nearest multiple of `increment` minor units, ties up (SEK, 100:
 * 99.50 → 100.00, 99.49 → 99.00; EUR, 5: 10.02 → 10.00, 10.03 → 10.05). 1 = no rounding.
 */
export function roundCash(amount: number, increment: number): number {
  if (increment <= 1) return amount;
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);
  return sign * Math.floor((2 * abs + increment) / (2 * increment)) * increment;
}

export interface CashTenderOutcome {
  /** Kept in the drawer and applied to the sale. */
  applied: number;
  change: number;
  /** applied − remaining when cash settles the sale (negative: the customer pays less). */
  rounding: number;
  settles: boolean;
}

/**
 * Cash towards `remaining`: the cash due is `remaining` rounded to the increment; handing
 * over at least that settles the sale (change = tendered − cash due, the rounding is
 * recorded); less is a partial payment, applied as it is and never rounded.
 */
export function cashTender(remaining: number, tendered: number, increment: number): CashTenderOutcome {
  const cashDue = roundCash(remaining, increment);
  if (tendered >= cashDue) return { applied: cashDue, change: tendered - cashDue, rounding: cashDue - remaining, settles: true };
  return { applied: tendered, change: 0, rounding: 0, settles: false };
}

/**
 * What is still owed exactly: the total less what was paid, where cash that settled the
 * sale counts without its rounding (paid 99.00 cash for 99.49 with rounding −0.49 → 0).
 */
export function remainingDue(total: number, paid: number, rounding: number): number {
  return Math.max(0, total - (paid - rounding));
}
