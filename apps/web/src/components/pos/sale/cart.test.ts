import { describe, expect, it } from "vitest";
import { emptySale, parseDiscount, quickCashAmounts, saleReducer, toCart, type SaleAction, type SaleState } from "./cart.ts";

const jacket = { variantId: "0193a000-0000-7000-8000-000000000001", sku: "JKT-1", name: "Trail Jacket Blue / M" };
const socks = { variantId: "0193a000-0000-7000-8000-000000000002", sku: "SCK-1", name: "Wool Socks" };
let n = 0;
const add = (item: typeof jacket, quantity?: number): SaleAction => ({ type: "add", item, quantity, key: `k${++n}` });
const run = (...actions: SaleAction[]): SaleState => actions.reduce(saleReducer, emptySale);

describe("the sale on the till", () => {
  it("adds a scanned item, and a second scan of it counts up the same line", () => {
    const s = run(add(jacket), add(socks), add(jacket));
    expect(s.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ["JKT-1", 2],
      ["SCK-1", 1],
    ]);
    // The line just scanned is selected, so +/- and Delete act on it.
    expect(s.selected).toBe(0);
    expect(s.revision).toBe(3);
  });

  it("starts a new line when the existing one has a discount, an override or ships", () => {
    const s = run(add(jacket), { type: "setLineDiscount", index: 0, discount: { kind: "PERCENT", bps: 1000 } }, add(jacket));
    expect(s.lines.map((l) => l.quantity)).toEqual([1, 1]);
    const shipped = run(add(socks), { type: "setFulfillment", index: 0, fulfillment: { type: "PICKUP", locationId: "0193a000-0000-7000-8000-0000000000aa" } }, add(socks));
    expect(shipped.lines).toHaveLength(2);
  });

  it("keeps quantities between 1 and the limit; only Delete voids a line", () => {
    let s = run(add(jacket), { type: "changeQuantity", index: 0, delta: -1 });
    expect(s.lines[0]!.quantity).toBe(1);
    s = saleReducer(s, { type: "setQuantity", index: 0, quantity: 99_999 });
    expect(s.lines[0]!.quantity).toBe(10_000);
    s = saleReducer(s, { type: "changeQuantity", index: 7, delta: 1 });
    expect(s.lines[0]!.quantity).toBe(10_000);
  });

  it("moves the selection with the arrows and keeps it on a line after a void", () => {
    let s = run(add(jacket), add(socks), add({ ...socks, variantId: "0193a000-0000-7000-8000-000000000003", sku: "CAP" }));
    expect(s.selected).toBe(2);
    s = saleReducer(s, { type: "selectBy", delta: -1 });
    s = saleReducer(s, { type: "selectBy", delta: -1 });
    s = saleReducer(s, { type: "selectBy", delta: -1 });
    expect(s.selected).toBe(0);
    s = saleReducer(s, { type: "voidLine", index: 2 });
    expect(s.selected).toBe(0);
    s = saleReducer(saleReducer(s, { type: "select", index: 1 }), { type: "voidLine", index: 1 });
    expect(s.selected).toBe(0);
    s = saleReducer(s, { type: "voidLine", index: 0 });
    expect(s.selected).toBe(-1);
    expect(saleReducer(s, { type: "selectBy", delta: 1 })).toBe(s);
  });

  it("builds the cart the server prices, with only what was chosen", () => {
    const s = run(
      add(jacket, 2),
      add(socks),
      { type: "setPriceOverride", index: 1, unitPrice: 500 },
      { type: "setOrderDiscount", discount: { kind: "AMOUNT", amount: 1000 } },
      { type: "setCustomer", customer: { id: "0193a000-0000-7000-8000-0000000000cc", name: "Grace Hopper", email: null, phone: null } },
      { type: "approve", approval: { approvalToken: "tok-1", kind: "PRICE_OVERRIDE", variantId: socks.variantId, managerName: "Mia" } },
      { type: "approve", approval: { approvalToken: "tok-2", kind: "PRICE_OVERRIDE", variantId: socks.variantId, managerName: "Mia" } },
    );
    expect(toCart(s)).toEqual({
      lines: [
        { variantId: jacket.variantId, quantity: 2 },
        { variantId: socks.variantId, quantity: 1, priceOverride: 500 },
      ],
      orderDiscount: { kind: "AMOUNT", amount: 1000 },
      customerId: "0193a000-0000-7000-8000-0000000000cc",
      // A new approval of the same kind and item replaces the old one.
      approvals: [{ approvalToken: "tok-2" }],
    });
    expect(toCart(emptySale)).toEqual({ lines: [] });
  });

  it("resumes a parked cart without its approvals, and clears for the next customer", () => {
    const names = new Map([[jacket.variantId, { sku: jacket.sku, name: jacket.name }]]);
    const s = run(add(socks), { type: "approve", approval: { approvalToken: "t", kind: "ORDER_DISCOUNT", variantId: null, managerName: "Mia" } }, {
      type: "resume",
      label: "Blue coat lady",
      cart: { lines: [{ variantId: jacket.variantId, quantity: 3, lineDiscount: { kind: "PERCENT", bps: 5000 } }] },
      names,
      keys: ["r1"],
    });
    expect(s.lines).toEqual([{ key: "r1", variantId: jacket.variantId, sku: "JKT-1", name: jacket.name, quantity: 3, lineDiscount: { kind: "PERCENT", bps: 5000 }, priceOverride: undefined, fulfillment: undefined }]);
    expect(s.approvals).toEqual([]);
    expect(s.resumedLabel).toBe("Blue coat lady");
    const cleared = saleReducer(s, { type: "clear" });
    expect(cleared.lines).toEqual([]);
    expect(cleared.revision).toBeGreaterThan(s.revision);
  });
});

describe("what the cashier types", () => {
  it("reads discounts as percent (basis points) or amount (minor units), never floats", () => {
    expect(parseDiscount("15", "PERCENT", "EUR")).toEqual({ kind: "PERCENT", bps: 1500 });
    expect(parseDiscount("12,5 %", "PERCENT", "EUR")).toEqual({ kind: "PERCENT", bps: 1250 });
    expect(parseDiscount("100", "PERCENT", "EUR")).toEqual({ kind: "PERCENT", bps: 10000 });
    expect(parseDiscount("101", "PERCENT", "EUR")).toBeNull();
    expect(parseDiscount("0", "PERCENT", "EUR")).toBeNull();
    expect(parseDiscount("4.10", "AMOUNT", "EUR")).toEqual({ kind: "AMOUNT", amount: 410 });
    expect(parseDiscount("0.1", "AMOUNT", "EUR")).toEqual({ kind: "AMOUNT", amount: 10 });
    expect(parseDiscount("5", "AMOUNT", "JPY")).toEqual({ kind: "AMOUNT", amount: 5 });
    expect(parseDiscount("5.5", "AMOUNT", "JPY")).toBeNull();
    expect(parseDiscount("abc", "AMOUNT", "EUR")).toBeNull();
    expect(parseDiscount("-5", "AMOUNT", "EUR")).toBeNull();
  });

  it("offers the exact amount and the next notes above it as quick cash", () => {
    const notes = [500, 1000, 2000, 5000, 10000];
    expect(quickCashAmounts(8735, notes)).toEqual([8735, 9000, 10000]);
    expect(quickCashAmounts(4999, notes, 3)).toEqual([4999, 5000, 6000]);
    expect(quickCashAmounts(2000, notes)).toEqual([2000, 5000, 10000]);
    expect(quickCashAmounts(0, notes)).toEqual([0]);
  });
});
