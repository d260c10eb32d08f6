// The till's money arithmetic with the worked examples of docs/pos.md (same numbers).
import { describe, expect, it } from "vitest";
import { cashTender, discountAmount, exceedsShare, priceCart, remainingDue, roundCash } from "./sale-math.ts";

describe("discounts", () => {
  it("takes percent discounts in basis points, half away from zero", () => {
    expect(discountAmount({ kind: "PERCENT", bps: 1000 }, 3998)).toBe(400); // 399.8
    expect(discountAmount({ kind: "PERCENT", bps: 1500 }, 1497)).toBe(225); // 224.55
    expect(discountAmount({ kind: "PERCENT", bps: 1500 }, 1499)).toBe(225); // 224.85
    expect(discountAmount({ kind: "PERCENT", bps: 250 }, 1010)).toBe(25); // 25.25
    expect(discountAmount({ kind: "PERCENT", bps: 5000 }, 1)).toBe(1); // 0.5 → 1
    expect(discountAmount({ kind: "AMOUNT", amount: 300 }, 1000)).toBe(300);
    expect(discountAmount(undefined, 1000)).toBe(0);
  });

  it("needs approval strictly above the threshold share", () => {
    expect(exceedsShare(200, 1000, 2000)).toBe(false); // exactly 20 %
    expect(exceedsShare(201, 1000, 2000)).toBe(true);
    expect(exceedsShare(0, 1000, 0)).toBe(false);
  });
});

describe("priceCart", () => {
  it("example 1: tax included, line and order discounts, two tax rates", () => {
    const cart = priceCart(
      [
        { catalogUnitPrice: 1999, quantity: 2, taxRateBps: 1900, lineDiscount: { kind: "PERCENT", bps: 1000 } },
        { catalogUnitPrice: 500, quantity: 1, taxRateBps: 700 },
      ],
      { orderDiscount: { kind: "AMOUNT", amount: 500 }, pricesIncludeTax: true, approvalBps: 2000 },
    );
    expect(cart.lines.map((l) => [l.gross, l.lineDiscount, l.orderDiscountShare, l.taxTotal, l.total])).toEqual([
      [3998, 400, 439, 504, 3159],
      [500, 0, 61, 29, 439],
    ]);
    expect(cart).toMatchObject({ subtotal: 4498, lineDiscountTotal: 400, orderDiscountTotal: 500, discountTotal: 900, taxTotal: 533, total: 3598, approvals: [] });
    expect(cart.taxBreakdown).toEqual([
      { rateBps: 1900, net: 2655, tax: 504, gross: 3159 },
      { rateBps: 700, net: 410, tax: 29, gross: 439 },
    ]);
  });

  it("example 2: tax added on top, percent order discount, a price override needing a manager", () => {
    const cart = priceCart(
      [
        { catalogUnitPrice: 499, quantity: 3, taxRateBps: 825, lineDiscount: { kind: "PERCENT", bps: 1500 } },
        { catalogUnitPrice: 1250, quantity: 1, taxRateBps: 825, priceOverride: 1000 },
      ],
      { orderDiscount: { kind: "PERCENT", bps: 1000 }, pricesIncludeTax: false, approvalBps: 2000 },
    );
    expect(cart.lines.map((l) => [l.unitPrice, l.gross, l.lineDiscount, l.orderDiscountShare, l.taxTotal, l.total])).toEqual([
      [499, 1497, 225, 127, 94, 1239],
      [1000, 1000, 0, 100, 74, 974],
    ]);
    expect(cart).toMatchObject({ subtotal: 2497, discountTotal: 452, taxTotal: 168, total: 2213 });
    expect(cart.approvals).toEqual([{ kind: "PRICE_OVERRIDE", lineIndex: 1, reason: expect.any(String) }]);
  });

  it("asks for approval of large line and order discounts, and refuses discounts beyond the amount", () => {
    const cart = priceCart([{ catalogUnitPrice: 1000, quantity: 1, taxRateBps: 2500, lineDiscount: { kind: "PERCENT", bps: 2500 } }], {
      orderDiscount: { kind: "AMOUNT", amount: 400 },
      pricesIncludeTax: true,
      approvalBps: 2000,
    });
    expect(cart.approvals.map((a) => [a.kind, a.lineIndex])).toEqual([
      ["LINE_DISCOUNT", 0],
      ["ORDER_DISCOUNT", null],
    ]);
    expect(cart.total).toBe(350);
    expect(() => priceCart([{ catalogUnitPrice: 1000, quantity: 1, taxRateBps: 0, lineDiscount: { kind: "AMOUNT", amount: 1001 } }], { pricesIncludeTax: true, approvalBps: 2000 })).toThrow(
      /lines\.0\.lineDiscount\.amount/,
    );
    expect(() => priceCart([{ catalogUnitPrice: 1000, quantity: 1, taxRateBps: 0 }], { orderDiscount: { kind: "AMOUNT", amount: 1001 }, pricesIncludeTax: true, approvalBps: 2000 })).toThrow(
      /orderDiscount\.amount/,
    );
  });

  it("a price override equal to the catalogue price needs no approval; a 100 % discount makes the line free", () => {
    const cart = priceCart([{ catalogUnitPrice: 1000, quantity: 2, taxRateBps: 2300, priceOverride: 1000, lineDiscount: { kind: "PERCENT", bps: 10_000 } }], {
      pricesIncludeTax: true,
      approvalBps: 10_000,
    });
    expect(cart.approvals).toEqual([]);
    expect(cart.lines[0]).toMatchObject({ total: 0, taxTotal: 0, discountTotal: 2000 });
  });
});

describe("cash rounding", () => {
  it("rounds to the nearest increment, ties up", () => {
    expect(roundCash(9950, 100)).toBe(10000);
    expect(roundCash(9949, 100)).toBe(9900);
    expect(roundCash(1002, 5)).toBe(1000);
    expect(roundCash(1003, 5)).toBe(1005);
    expect(roundCash(1007, 5)).toBe(1005);
    expect(roundCash(1008, 5)).toBe(1010);
    expect(roundCash(49, 100)).toBe(0);
    expect(roundCash(1234, 1)).toBe(1234);
  });
});

describe("tenders", () => {
  it("example 3: split tender SEK 123.45 — store credit 20, card 50, cash 100 → change 47, rounding −0.45", () => {
    const total = 12345;
    let paid = 2000 + 5000; // store credit, then card: never rounded
    expect(remainingDue(total, paid, 0)).toBe(5345);
    const cash = cashTender(remainingDue(total, paid, 0), 10000, 100);
    expect(cash).toEqual({ applied: 5300, change: 4700, rounding: -45, settles: true });
    paid += cash.applied;
    expect(remainingDue(total, paid, cash.rounding)).toBe(0);
  });

  it("rounds up at a tie and the customer pays the rounding", () => {
    const cash = cashTender(9950, 10000, 100);
    expect(cash).toEqual({ applied: 10000, change: 0, rounding: 50, settles: true });
    expect(remainingDue(9950, 10000, 50)).toBe(0);
  });

  it("partial cash is applied as it is, never rounded", () => {
    const cash = cashTender(5345, 2000, 100);
    expect(cash).toEqual({ applied: 2000, change: 0, rounding: 0, settles: false });
    expect(remainingDue(12345, 7000 + 2000, 0)).toBe(3345);
  });

  it("without cash rounding change is exact; a remainder that rounds to nothing settles with no cash", () => {
    expect(cashTender(1799, 2000, 1)).toEqual({ applied: 1799, change: 201, rounding: 0, settles: true });
    expect(cashTender(49, 0, 100)).toEqual({ applied: 0, change: 0, rounding: -49, settles: true });
  });
});
