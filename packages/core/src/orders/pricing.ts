import { allocateProportionally } from "@oms/contracts";

// taxIncluded, taxExcluded and priceLine are in @oms/contracts (sale-math.ts), shared with
// the offline till in the browser.
export { priceLine, taxExcluded, taxIncluded, type PricedLine } from "@oms/contracts";

// Integer-only tax and totals (formulas in docs/orders.md). Amounts are minor units.

export interface StoredLine {
  quantity: number;
  quantityCancelled: number;
  unitPrice: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
}

/**
 * The part of a line still ordered. Line totals stay as sold for `quantity` units (returns
 * refund exact unit shares of them); cancelled units give up the last shares, so the kept
 * units carry exactly what a return of them would refund.
 */
export function keptShare(line: StoredLine): { subtotal: number; discountTotal: number; taxTotal: number; total: number } {
  const kept = line.quantity - line.quantityCancelled;
  const share = (amount: number) => {
    if (kept === line.quantity) return amount;
    const parts = allocateProportionally(amount, Array.from({ length: line.quantity }, () => 1));
    return parts.slice(0, kept).reduce((a, b) => a + b, 0);
  };
  return {
    subtotal: line.unitPrice * kept,
    discountTotal: share(line.discountTotal),
    taxTotal: share(line.taxTotal),
    total: share(line.total),
  };
}

/** Order totals over the units still ordered; shipping is added to the total. */
export function orderTotals(lines: StoredLine[], shippingTotal = 0): { subtotal: number; discountTotal: number; taxTotal: number; total: number } {
  const sum = { subtotal: 0, discountTotal: 0, taxTotal: 0, total: 0 };
  for (const line of lines) {
    const share = keptShare(line);
    sum.subtotal += share.subtotal;
    sum.discountTotal += share.discountTotal;
    sum.taxTotal += share.taxTotal;
    sum.total += share.total;
  }
  sum.total += shippingTotal;
  return sum;
}
