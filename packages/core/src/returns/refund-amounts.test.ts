import { describe, expect, it } from "vitest";
import { lineTax, refundForUnits, unitShares } from "./refund-amounts.ts";

describe("refund proration", () => {
  it("splits a line total into exact unit shares", () => {
    expect(unitShares(1000, 3)).toEqual([334, 333, 333]);
    expect(unitShares(999, 3)).toEqual([333, 333, 333]);
    expect(unitShares(0, 2)).toEqual([0, 0]);
  });

  it("returning every unit one at a time refunds exactly the line total", () => {
    for (const [total, quantity] of [[1000, 3], [1, 7], [12_345, 11], [99_999, 100]] as const) {
      let refunded = 0;
      for (let returned = 0; returned < quantity; returned++) refunded += refundForUnits(total, quantity, returned, 1);
      expect(refunded).toBe(total);
    }
  });

  it("any grouping of returns adds up to the same amounts", () => {
    expect(refundForUnits(1000, 3, 0, 2) + refundForUnits(1000, 3, 2, 1)).toBe(1000);
    expect(refundForUnits(1000, 3, 0, 1)).toBe(334);
    expect(refundForUnits(1000, 3, 1, 2)).toBe(666);
    // Never beyond the units bought.
    expect(refundForUnits(1000, 3, 2, 5)).toBe(333);
  });

  it("computes tax inside and on top of prices in integers", () => {
    expect(lineTax(12_300, 2300, true)).toBe(2300);
    expect(lineTax(10_000, 2300, false)).toBe(2300);
    expect(lineTax(1999, 2300, false)).toBe(460);
    expect(lineTax(500, 0, true)).toBe(0);
  });
});
