import type { OfflineCatalog } from "@oms/contracts";
import { describe, expect, it } from "vitest";
import { buildOfflineSale, lookupCode, offlineLimitProblem, quoteOffline, searchCatalog } from "./offline-sale.ts";

const catalog: OfflineCatalog = {
  locationId: "11111111-1111-4111-8111-111111111111",
  storeName: "Test store",
  currency: "SEK",
  pricesIncludeTax: true,
  cashRoundingIncrement: 100,
  discountApprovalBps: 2000,
  settings: { offlineSalesAllowed: true, offlineCardMode: "NONE", offlineReturnsWithManagerPin: false, offlineMaxSaleAmount: 50_000, offlineMaxDeviceTotal: 100_000, offlineAlertAfterMinutes: 30, offlinePinDays: 7 },
  generatedAt: "2026-01-01T00:00:00Z",
  items: [
    { variantId: "22222222-2222-4222-8222-222222222222", sku: "TEE-M", name: "T-shirt M", barcodes: ["7310000000011"], unitPrice: 19_999, taxRateBps: 2500 },
    { variantId: "33333333-3333-4333-8333-333333333333", sku: "BOOK-1", name: "Cook book", barcodes: [], unitPrice: 29_950, taxRateBps: 600 },
    { variantId: "44444444-4444-4444-8444-444444444444", sku: "NOPRICE", name: "Sample", barcodes: [], unitPrice: null, taxRateBps: 2500 },
  ],
};
const [tee, book, noPrice] = catalog.items as [OfflineCatalog["items"][number], OfflineCatalog["items"][number], OfflineCatalog["items"][number]];

describe("selling from the cached catalogue", () => {
  it("searches by name, SKU and barcode, exact hits first", () => {
    expect(searchCatalog(catalog, "book").map((i) => i.sku)).toEqual(["BOOK-1"]);
    expect(searchCatalog(catalog, "tee").map((i) => i.sku)).toEqual(["TEE-M"]);
    expect(lookupCode(catalog, "7310000000011")?.sku).toBe("TEE-M");
    expect(lookupCode(catalog, "tee-m")?.sku).toBe("TEE-M");
    expect(lookupCode(catalog, "000")).toBeNull();
  });

  it("prices like the server: tax per rate, cash rounded to the krona, and the command records tendered and change", () => {
    const cart = { lines: [{ variantId: tee.variantId, quantity: 2 }, { variantId: book.variantId, quantity: 1, lineDiscount: { kind: "PERCENT" as const, bps: 1000 } }] };
    const { quote, problem } = quoteOffline(cart, catalog);
    expect(problem).toBeNull();
    // 2 × 199.99 = 399.98 at 25 %; 299.50 − 10 % (29.95) = 269.55 at 6 %.
    expect(quote).toMatchObject({ subtotal: 69_948, discountTotal: 2995, total: 66_953, cashTotal: 67_000, cashRounding: 47 });
    expect(quote!.taxBreakdown).toEqual([
      { rateBps: 2500, net: 31_998, tax: 8000, gross: 39_998 },
      { rateBps: 600, net: 25_429, tax: 1526, gross: 26_955 },
    ]);
    const command = buildOfflineSale(cart, catalog, 70_000, { deviceId: crypto.randomUUID(), locationId: catalog.locationId, registerSessionId: crypto.randomUUID(), cashierId: crypto.randomUUID(), now: new Date("2026-01-01T12:00:00Z") });
    expect(command).toMatchObject({ type: "SALE", total: 66_953, taxTotal: 9526, tendered: 70_000, change: 3000, recordedAt: "2026-01-01T12:00:00.000Z" });
    expect(command.lines.map((l) => [l.sku, l.unitPrice, l.quantity])).toEqual([["TEE-M", 19_999, 2], ["BOOK-1", 29_950, 1]]);
    expect(() => buildOfflineSale(cart, catalog, 60_000, { deviceId: crypto.randomUUID(), locationId: catalog.locationId, registerSessionId: crypto.randomUUID(), cashierId: crypto.randomUUID(), now: new Date() })).toThrow(/does not cover/);
  });

  it("names what cannot be sold offline: no price, a price override, endless aisle, a discount needing a manager", () => {
    expect(quoteOffline({ lines: [{ variantId: noPrice.variantId, quantity: 1 }] }, catalog).problem).toEqual({ kind: "noPrice", lineIndex: 0 });
    expect(quoteOffline({ lines: [{ variantId: tee.variantId, quantity: 1, priceOverride: 100 }] }, catalog).problem).toEqual({ kind: "priceOverride", lineIndex: 0 });
    expect(quoteOffline({ lines: [{ variantId: tee.variantId, quantity: 1, fulfillment: { type: "PICKUP", locationId: catalog.locationId } }] }, catalog).problem).toEqual({ kind: "fulfillment", lineIndex: 0 });
    expect(quoteOffline({ lines: [{ variantId: tee.variantId, quantity: 1 }], orderDiscount: { kind: "PERCENT", bps: 2500 } }, catalog).problem).toEqual({ kind: "approval", lineIndex: null });
    expect(quoteOffline({ lines: [{ variantId: crypto.randomUUID(), quantity: 1 }] }, catalog).problem).toEqual({ kind: "unknownItem", lineIndex: 0 });
  });

  it("applies the organisation's limits per sale and per device", () => {
    expect(offlineLimitProblem(catalog.settings, 50_000, 0)).toBeNull();
    expect(offlineLimitProblem(catalog.settings, 50_001, 0)).toEqual({ kind: "saleLimit", limit: 50_000 });
    expect(offlineLimitProblem(catalog.settings, 20_000, 90_000)).toEqual({ kind: "deviceLimit", limit: 100_000, waiting: 90_000 });
    expect(offlineLimitProblem({ ...catalog.settings, offlineSalesAllowed: false }, 1, 0)).toEqual({ kind: "notAllowed" });
  });
});
