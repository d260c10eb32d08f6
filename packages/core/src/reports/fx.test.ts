import { describe, expect, it } from "vitest";
import { convertMinorUnits, fxConverter, scaledRate } from "./fx.ts";

const asOf = new Date("2026-12-01T00:00:00Z");

describe("reporting currency conversion", () => {
  it("converts exactly with the stored rate, rounding half away from zero", () => {
    // 100.00 PLN × 0.2315 = 23.15 EUR
    expect(convertMinorUnits(10_000, "PLN", "EUR", scaledRate("0.2315000000"))).toBe(2315);
    // 0.02 PLN × 0.2315 = 0.00463 EUR → 0.00
    expect(convertMinorUnits(2, "PLN", "EUR", scaledRate("0.2315"))).toBe(0);
    // 0.03 PLN × 0.2315 = 0.006945 → 0.01
    expect(convertMinorUnits(3, "PLN", "EUR", scaledRate("0.2315"))).toBe(1);
    expect(convertMinorUnits(-3, "PLN", "EUR", scaledRate("0.2315"))).toBe(-1);
  });

  it("honours currencies without minor units", () => {
    // 10.00 EUR × 162.5 = 1625 JPY (JPY has no decimals)
    expect(convertMinorUnits(1000, "EUR", "JPY", scaledRate("162.5"))).toBe(1625);
    // 1625 JPY × 0.00615 = 9.99 EUR
    expect(convertMinorUnits(1625, "JPY", "EUR", scaledRate("0.00615"))).toBe(999);
  });

  it("uses the direct rate, else the inverse, and reports currencies it cannot convert", () => {
    const fx = fxConverter("EUR", [
      { base: "PLN", quote: "EUR", rate: "0.2315000000", asOf },
      { base: "EUR", quote: "SEK", rate: "11.4900000000", asOf },
    ]);
    expect(fx.convert(500, "EUR")).toBe(500);
    expect(fx.convert(10_000, "PLN")).toBe(2315);
    // 114.90 SEK ÷ 11.49 = 10.00 EUR
    expect(fx.convert(11_490, "SEK")).toBe(1000);
    expect(fx.convert(100, "USD")).toBeUndefined();
    expect([...fx.missing]).toEqual(["USD"]);
    expect(fx.asOf).toEqual(asOf);
  });

  it("rejects a rate that is not a decimal", () => {
    expect(() => scaledRate("1e5")).toThrow(/decimal/);
  });
});
