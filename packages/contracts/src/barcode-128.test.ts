import { describe, expect, it } from "vitest";
import { canEncodeCode128, code128Bits, code128Layout, code128Values, code128Widths } from "./barcode-128.ts";

/** Symbols written as the 11-bit numbers of published references (bar = 1), stop as 13 bits. */
const bits = (...symbols: number[]) => symbols.map((s, i) => s.toString(2).padStart(i === symbols.length - 1 ? 13 : 11, "0")).join("");
const STOP_BITS = 6379;

describe("Code 128 encoding", () => {
  // Expected encodings published with KDE's Prison library tests (MIT), code sets B and C.
  it.each([
    ["kde", bits(1680, 1554, 1062, 1424, 1220, STOP_BITS)],
    ["KDE", bits(1680, 1422, 1416, 1128, 1764, STOP_BITS)],
    ["4", bits(1680, 1614, 1764, STOP_BITS)],
    ["42", bits(1692, 1464, 1134, STOP_BITS)],
    ["422", bits(1680, 1614, 1650, 1650, 1124, STOP_BITS)],
    ["4223", bits(1692, 1464, 1902, 1782, STOP_BITS)],
    ["X00Y", bits(1680, 1814, 1260, 1260, 1896, 1814, STOP_BITS)],
    ["1234AB", bits(1692, 1436, 1112, 1518, 1304, 1112, 1158, STOP_BITS)],
    ["AB1234", bits(1680, 1304, 1112, 1502, 1436, 1112, 1966, STOP_BITS)],
  ])("encodes %j as the reference does", (text, expected) => {
    expect(code128Bits(text)).toBe(expected);
  });

  it("encodes a GS1-style digit string in code set C (widths of a published reference)", () => {
    // JBarcode's test vector (Apache-2.0): 32 digits, start C, 16 pairs, check, stop.
    expect(code128Widths("01040123453333361503123110123456")).toEqual([
      2, 1, 1, 2, 3, 2, 2, 2, 2, 1, 2, 2, 1, 2, 1, 3, 2, 2, 2, 2, 2, 1, 2, 2, 3, 1, 2, 1, 3, 1, 1, 1, 3, 1, 2, 3, 1, 1, 1, 3, 2, 3, 1, 1, 1, 3, 2, 3, 1, 1, 2, 3, 1, 3, 1, 1, 3, 2, 2, 2, 1,
      2, 1, 2, 2, 3, 1, 1, 2, 2, 3, 2, 2, 1, 2, 3, 2, 1, 2, 2, 1, 3, 1, 2, 1, 1, 2, 2, 3, 2, 1, 3, 1, 1, 2, 3, 3, 3, 1, 1, 2, 1, 2, 2, 3, 1, 1, 2, 2, 3, 3, 1, 1, 1, 2,
    ]);
  });

  it("computes the check symbol as the weighted sum modulo 103", () => {
    // Start B (104) + P J J 1 2 3 C: (104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7) = 879, mod 103 = 55.
    expect(code128Values("PJJ123C")).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
  });

  it("uses code set C only where it shortens the symbol", () => {
    // A receipt number: 4 digits in the middle stay in B; 6 at the end switch to C.
    expect(code128Values("R-2026-000123").slice(0, -2)).toEqual([104, 50, 13, 18, 16, 18, 22, 13, 99, 0, 1, 23]);
    // An odd run in the middle: one digit in B, the even rest in C.
    expect(code128Values("A1234567B").slice(0, -2)).toEqual([104, 33, 17, 99, 23, 45, 67, 100, 34]);
    // An odd leading run: pairs in C, the last digit back in B.
    expect(code128Values("12345").slice(0, -2)).toEqual([105, 12, 34, 100, 21]);
  });

  it("keeps every symbol 11 modules wide with bars of even total width (the parity rule)", () => {
    const text = "Receipt #42 ~ total: 1,234.50 EUR";
    const values = code128Values(text);
    const widths = code128Widths(text);
    expect(widths.reduce((a, b) => a + b, 0)).toBe((values.length - 1) * 11 + 13);
    for (let s = 0; s < values.length - 1; s++) {
      const symbol = widths.slice(s * 6, s * 6 + 6);
      expect(symbol[0]! + symbol[2]! + symbol[4]!).toSatisfy((n: number) => n % 2 === 0);
    }
  });

  it("refuses what code sets B and C cannot carry", () => {
    expect(canEncodeCode128("")).toBe(false);
    expect(canEncodeCode128("Zürich")).toBe(false);
    expect(canEncodeCode128("tab\there")).toBe(false);
    expect(canEncodeCode128("R-000001")).toBe(true);
    expect(() => code128Values("€5")).toThrow(RangeError);
  });
});

describe("the bars the <Barcode> component draws", () => {
  it("places one bar per symbol element inside quiet zones of 10 modules", () => {
    const { modules, bars } = code128Layout("42");
    // "42": start C, 42, check, stop = 3 bars each + 4 for the stop.
    expect(bars).toHaveLength(13);
    expect(bars[0]).toEqual({ x: 10, width: 2 });
    expect(modules).toBe(10 + 3 * 11 + 13 + 10);
    const last = bars.at(-1)!;
    expect(last.x + last.width).toBe(modules - 10);
  });
});
