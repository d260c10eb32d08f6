import { describe, expect, it } from "vitest";
import { keptShare, orderTotals, priceLine, taxExcluded, taxIncluded } from "./pricing.ts";

describe("tax", () => {
  it("takes the tax out of tax-inclusive prices, rounding half away from zero", () => {
    expect(taxIncluded(12_300, 2300)).toBe(2300);
    expect(taxIncluded(10_000, 2300)).toBe(1870); // 1869.9...
    expect(taxIncluded(100, 800)).toBe(7); // 7.407
    expect(taxIncluded(5000, 0)).toBe(0);
  });
  it("adds tax on top of net prices", () => {
    expect(taxExcluded(1999, 2300)).toBe(460);
    expect(priceLine({ quantity: 3, unitPrice: 1999, discountTotal: 0, taxRateBps: 2300 }, false)).toEqual({ taxTotal: 1379, total: 7376 });
    expect(priceLine({ quantity: 3, unitPrice: 1999, discountTotal: 0, taxRateBps: 2300 }, true)).toEqual({ taxTotal: 1121, total: 5997 });
  });
  it("splits cancelled units off exactly", () => {
    const line = { quantity: 3, quantityCancelled: 1, unitPrice: 1000, discountTotal: 0, taxTotal: 187, total: 1000 };
    expect(keptShare(line)).toEqual({ subtotal: 2000, discountTotal: 0, taxTotal: 125, total: 667 });
    expect(orderTotals([line, { ...line, quantityCancelled: 0 }], 500).total).toBe(667 + 1000 + 500);
  });
});
