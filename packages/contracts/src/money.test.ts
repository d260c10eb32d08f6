import { describe, expect, it } from "vitest";
import { allocateProportionally, applyBasisPoints, CurrencyCode, currencyExponent, formatMoney, parseMoney } from "./money.ts";

describe("currencyExponent", () => {
  it("knows two-, zero- and three-decimal currencies", () => {
    expect(currencyExponent("EUR")).toBe(2);
    expect(currencyExponent("PLN")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("KWD")).toBe(3);
  });
  it("rejects codes that are not currencies", () => {
    expect(currencyExponent("E")).toBeUndefined();
    expect(CurrencyCode.safeParse("eur").success).toBe(false);
    expect(CurrencyCode.safeParse("EUR").success).toBe(true);
  });
});

describe("parseMoney", () => {
  it("reads what people type without floating point", () => {
    expect(parseMoney("12.50", "EUR")).toBe(1250);
    expect(parseMoney("12,5", "PLN")).toBe(1250);
    expect(parseMoney("0.07", "EUR")).toBe(7);
    expect(parseMoney(" 199 ", "EUR")).toBe(19900);
    expect(parseMoney("-3.10", "EUR")).toBe(-310);
    expect(parseMoney("1500", "JPY")).toBe(1500);
  });
  it("refuses more decimals than the currency has, and text", () => {
    expect(parseMoney("1.005", "EUR")).toBeUndefined();
    expect(parseMoney("1.5", "JPY")).toBeUndefined();
    expect(parseMoney("abc", "EUR")).toBeUndefined();
    expect(parseMoney("", "EUR")).toBeUndefined();
  });
  it("round-trips 0.1 + 0.2 exactly, unlike floats", () => {
    expect(parseMoney("0.1", "EUR")! + parseMoney("0.2", "EUR")!).toBe(parseMoney("0.3", "EUR"));
  });
});

describe("formatMoney", () => {
  it("formats in the locale's conventions", () => {
    expect(formatMoney(123456, "EUR", "en")).toBe("€1,234.56");
    expect(formatMoney(123456, "PLN", "pl-PL").replace(/\s/g, " ")).toBe("1234,56 zł");
    expect(formatMoney(1500, "JPY", "en")).toBe("¥1,500");
  });
});

describe("applyBasisPoints", () => {
  it("rounds half away from zero", () => {
    expect(applyBasisPoints(1999, 2300)).toBe(460); // 459.77
    expect(applyBasisPoints(50, 1000)).toBe(5);
    expect(applyBasisPoints(5, 1000)).toBe(1); // 0.5 -> 1
    expect(applyBasisPoints(-5, 1000)).toBe(-1);
    expect(applyBasisPoints(0, 2300)).toBe(0);
  });
});

describe("allocateProportionally", () => {
  it("splits so the parts add up exactly", () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(1000, [1999, 999, 1])).toEqual([667, 333, 0]);
    expect(allocateProportionally(0, [5, 5])).toEqual([0, 0]);
    expect(allocateProportionally(10, [0, 0])).toEqual([0, 0]);
  });
  it("always sums to the total for random inputs", () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 500; run++) {
      const weights = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Math.floor(rand() * 10_000));
      const total = Math.floor(rand() * 1_000_000);
      const parts = allocateProportionally(total, weights);
      const sumWeights = weights.reduce((a, b) => a + b, 0);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(sumWeights === 0 ? 0 : total);
      for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
    }
  });
});
