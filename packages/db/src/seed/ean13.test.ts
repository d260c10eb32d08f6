import { describe, expect, test } from "vitest";
import { ean13CheckDigit, isValidEan13, makeEan13 } from "./ean13.ts";

describe("EAN-13", () => {
  test("computes the check digit of real barcodes", () => {
    // 4006381333931 (Stabilo pen), 5901234123457 (GS1 Poland example), 9780306406157 (ISBN).
    expect(ean13CheckDigit("400638133393")).toBe(1);
    expect(ean13CheckDigit("590123412345")).toBe(7);
    expect(ean13CheckDigit("978030640615")).toBe(7);
    expect(ean13CheckDigit("000000000000")).toBe(0);
  });

  test("makeEan13 appends the digit and the result validates", () => {
    expect(makeEan13("590123412345")).toBe("5901234123457");
    expect(isValidEan13(makeEan13("400000000001"))).toBe(true);
  });

  test("rejects a wrong check digit, wrong length and non-digits", () => {
    expect(isValidEan13("5901234123458")).toBe(false);
    expect(isValidEan13("590123412345")).toBe(false);
    expect(isValidEan13("59012341234a7")).toBe(false);
    expect(() => ean13CheckDigit("12345")).toThrow(/12 digits/);
  });

  test("any single-digit error changes validity", () => {
    const code = "4006381333931";
    for (let i = 0; i < 13; i++) {
      const wrong = code.slice(0, i) + String((Number(code[i]) + 1) % 10) + code.slice(i + 1);
      expect(isValidEan13(wrong)).toBe(false);
    }
  });
});
